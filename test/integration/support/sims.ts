/**
 * SIM test helpers: valid random ICCIDs and activation codes, cards provisioned to an organization
 * through the operators' route, devices seeded straight into a workspace's partition
 * (the SIM side only needs the device item and its `simIccid`), the stored device and locator,
 * and disabling a workspace the way the trial's end does.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { luhnValid } from '#domain/sims.js';
import { configureRepositories } from './env.js';
import { as, type Client } from './api.js';
import { token } from './stack.js';

/** The repositories read their configuration once: point it at the stack under test first. */
async function modules() {
  configureRepositories();
  const [lib, client, keys, workspaces, trials] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#db/client.js'),
    import('#db/keys.js'),
    import('#db/repositories/workspaces.js'),
    import('#db/repositories/trials.js'),
  ]);
  return { lib, db: client.db, keys: keys.keys, workspaces, trials, table: process.env.TABLE_NAME! };
}

/** A random, valid 19- or 20-digit ICCID (the last digit a Luhn check digit). */
export function newIccid(length: 19 | 20 = 19): string {
  let body = '8949';
  while (body.length < length - 1) body += String(randomInt(10));
  for (let check = 0; check < 10; check++) if (luhnValid(`${body}${check}`)) return `${body}${check}`;
  throw new Error('unreachable');
}

/** The same digits with a wrong check digit. */
export const badCheckDigit = (iccid: string): string => `${iccid.slice(0, -1)}${(Number(iccid.at(-1)) + 1) % 10}`;

/** A device item in `workspaceId`'s partition (as the devices feature stores it). */
export async function seedDevice(workspaceId: string, name = 'dev'): Promise<string> {
  const { lib, db, keys, table } = await modules();
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.send(new lib.PutCommand({ TableName: table, Item: { ...keys.device(workspaceId, id), type: 'Device', id, workspaceId, name, createdAt: now, version: 1 } }));
  return id;
}

export async function storedDevice(workspaceId: string, deviceId: string): Promise<Record<string, unknown> | undefined> {
  const { lib, db, keys, table } = await modules();
  return (await db.send(new lib.GetCommand({ TableName: table, Key: keys.device(workspaceId, deviceId), ConsistentRead: true }))).Item;
}

export async function storedLocator(iccid: string): Promise<Record<string, unknown> | undefined> {
  const { lib, db, keys, table } = await modules();
  return (await db.send(new lib.GetCommand({ TableName: table, Key: keys.simLocator(iccid), ConsistentRead: true }))).Item;
}

/** Disables the workspace as the sweep does when the organization's trial has ended. */
export async function disableWorkspace(workspaceId: string): Promise<void> {
  const { disableOneForTrial } = await import('./trials.js');
  await disableOneForTrial(workspaceId);
}

/**
 * Sets a counter on the stored workspace or organization item to `value`, written as DynamoDB's
 * number text so that values beyond a JavaScript number's exact range can be stored as they would
 * have been before the counters were bounded.
 */
export async function setStoredCounter(key: { PK: string; SK: string }, field: string, value: string): Promise<void> {
  configureRepositories();
  const [{ UpdateItemCommand }, { dynamodb }] = await Promise.all([import('@aws-sdk/client-dynamodb'), import('#db/client.js')]);
  await dynamodb.send(
    new UpdateItemCommand({
      TableName: process.env.TABLE_NAME!,
      Key: { PK: { S: key.PK }, SK: { S: key.SK } },
      UpdateExpression: 'SET #f = :v',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeNames: { '#f': field },
      ExpressionAttributeValues: { ':v': { N: value } },
    }),
  );
}

/** A client of a platform operator (the network feed that records usage), never signed up. */
export async function operatorClient(): Promise<Client> {
  const issued = await token(`operator-${Math.random().toString(36).slice(2, 10)}@example.com`, { groups: ['platform-operators'] });
  return as(issued.idToken);
}

/** A random activation code as printed on a card: three groups of four letters and digits. */
export function newActivationCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

let provisioner: Promise<Client> | undefined;

/** A SIM card provisioned to `orgId` through `POST /admin/orgs/{orgId}/sims` (one operator for the whole file): what to claim it with. */
export async function provisionSim(orgId: string, card: { iccid?: string; activationCode?: string } = {}): Promise<{ iccid: string; activationCode: string }> {
  const sim = { iccid: card.iccid ?? newIccid(), activationCode: card.activationCode ?? newActivationCode() };
  provisioner ??= operatorClient();
  const res = await (await provisioner).post(`/admin/orgs/${orgId}/sims`, { sims: [sim] });
  if (res.status !== 200) throw new Error(`provisioning ${sim.iccid} to ${orgId}: ${res.status} ${JSON.stringify(res.body)}`);
  return sim;
}

/** The stored provisioned-card item of an ICCID (undefined when none). */
export async function storedProvisionedSim(iccid: string): Promise<Record<string, unknown> | undefined> {
  const { lib, db, keys, table } = await modules();
  return (await db.send(new lib.GetCommand({ TableName: table, Key: keys.provisionedSim(iccid), ConsistentRead: true }))).Item;
}

/** A provisioned card stored straight into the table (as one the purge of its organization missed would be). */
export async function seedProvisionedSim(iccid: string, orgId: string, activationCode: string): Promise<void> {
  const { lib, db, table } = await modules();
  const [{ provisionedSimItem }, { hashActivationCode, newProvisionedSim }] = await Promise.all([
    import('#db/records/provisioned-sims.js'),
    import('#domain/provisioned-sims.js'),
  ]);
  const card = newProvisionedSim({ iccid, orgId, codeHash: await hashActivationCode(activationCode), by: 'seed', now: new Date() });
  await db.send(new lib.PutCommand({ TableName: table, Item: provisionedSimItem(card) }));
}

/** ICCIDs with consecutive serial numbers, as a batch of cards from one issuer comes (each with its Luhn digit). */
export function sequentialIccids(count: number): string[] {
  let serial = BigInt(`89490${String(randomInt(10 ** 9)).padStart(9, '0')}0000`);
  const out: string[] = [];
  for (let i = 0; i < count; i++, serial++) {
    const body = serial.toString();
    for (let check = 0; check < 10; check++) {
      if (luhnValid(`${body}${check}`)) {
        out.push(`${body}${check}`);
        break;
      }
    }
  }
  return out;
}
