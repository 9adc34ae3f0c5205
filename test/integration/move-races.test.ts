/**
 * Writes authorized against a workspace's organization racing a move of that workspace, each
 * round followed by invariants read straight from the table: a write lands either before the
 * move (and moves along, or makes the move refuse) or not at all; never in the old org's name
 * after the move. Counters equal what they count in both organizations.
 */
import { describe, expect, it } from 'vitest';
import { signedUp, type Tenant, type User } from './support/api.js';
import { addMember } from './support/seed.js';
import { createDevice } from './support/devices.js';
import { configureRepositories } from './support/env.js';

async function table() {
  configureRepositories();
  const [{ queryAll, batchGet }, { keys }] = await Promise.all([import('#db/ops.js'), import('#db/keys.js')]);
  return { queryAll, batchGet, keys };
}

async function partition(pk: string) {
  const { queryAll } = await table();
  return queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true });
}

const n = (v: unknown) => (typeof v === 'number' ? v : 0);
const named = (items: Record<string, unknown>[], prefix: string) => items.filter((i) => String(i.SK).startsWith(prefix));

/**
 * The invariants of the given organizations and every workspace they hold now: each workspace's
 * `deviceCount` and `memberCount` are its items, each org's `deviceCount` is the sum over its
 * workspaces and its `workspaceCount` their number; every explicit workspace role names the
 * workspace's org and is on that org's membership, and no membership of another org lists it.
 */
async function expectCounted(orgIds: string[]): Promise<void> {
  const { queryAll } = await table();
  const orgs = await Promise.all(orgIds.map((id) => partition(`ORG#${id}`)));
  for (const [i, orgId] of orgIds.entries()) {
    const org = orgs[i]!.find((item) => item.SK === 'META')!;
    const listed = await queryAll({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :ws)',
      ExpressionAttributeValues: { ':pk': `ORG#${orgId}`, ':ws': 'WS#' },
    });
    expect(n(org.workspaceCount), `workspaceCount of ${orgId}`).toBe(listed.length);
    let devices = 0;
    for (const entry of listed) {
      const items = await partition(`WS#${String(entry.id)}`);
      const ws = items.find((item) => item.SK === 'META')!;
      expect(ws.orgId, 'GSI1 entry and item agree').toBe(orgId);
      expect(n(ws.deviceCount), `deviceCount of ${String(ws.id)}`).toBe(named(items, 'DEVICE#').length);
      const roles = named(items, 'MEMBER#');
      expect(n(ws.memberCount), `memberCount of ${String(ws.id)}`).toBe(roles.length);
      for (const role of roles) {
        expect(role.orgId, `role of ${String(role.userId)} names the workspace's org`).toBe(orgId);
        const membership = orgs[i]!.find((item) => item.SK === `MEMBER#${String(role.userId)}`);
        expect((membership?.workspaces as Record<string, string> | undefined)?.[String(ws.id)], `map of ${String(role.userId)}`).toBe(role.role);
      }
      orgs.forEach((other, j) => {
        if (j === i) return;
        for (const m of named(other, 'MEMBER#')) expect((m.workspaces as Record<string, string> | undefined)?.[String(ws.id)], `${orgIds[j]} lists ${String(ws.id)}`).toBeUndefined();
      });
      devices += n(ws.deviceCount);
    }
    expect(n(org.deviceCount), `deviceCount of ${orgId} = sum over its workspaces`).toBe(devices);
  }
}

interface Orgs {
  /** Owner of the source organization, with no role in the target. */
  source: Tenant;
  target: Tenant;
  /** Admin of both: the one who moves. */
  mover: User;
}

/** Two enterprise organizations (room for a workspace a round) and an admin of both. */
async function twoOrgs(label: string): Promise<Orgs> {
  const [source, target, mover] = await Promise.all([signedUp(`${label}-src`), signedUp(`${label}-dst`), signedUp(`${label}-mover`)]);
  for (const org of [source, target]) expect((await org.api.put(`/orgs/${org.orgId}/plan`, { plan: 'enterprise' })).status).toBe(200);
  await addMember(source, mover, 'admin');
  await addMember(target, mover, 'admin');
  return { source, target, mover };
}

async function newWorkspace({ source }: Orgs, name: string): Promise<string> {
  const created = await source.api.post(`/orgs/${source.orgId}/workspaces`, { name });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body.id as string;
}

const move = ({ mover, target }: Orgs, workspaceId: string) => mover.api.post(`/workspaces/${workspaceId}/move`, { targetOrganizationId: target.orgId });

async function orgOf(workspaceId: string): Promise<string> {
  return String((await partition(`WS#${workspaceId}`)).find((i) => i.SK === 'META')!.orgId);
}

const ROUNDS = 8;

/**
 * When the `i`th racing write of round `round` starts, in ms after the move: the rounds shift a
 * spread of writes across the move's span (its reads, then its transaction). Whichever side wins,
 * the invariants must hold; the offsets only choose which interleavings get tried.
 */
const offset = (round: number, i = 0) => round * 2 + i * 4;
const after = <T>(ms: number, write: () => Promise<T>): Promise<T> => new Promise((resolve) => setTimeout(resolve, ms)).then(write);

describe('moves racing writes authorized against the old organization', () => {
  it("per-device grants by the old org's owner racing the move: the grants stand and the move is 409, or the move wins and no grant is left", async () => {
    const orgs = await twoOrgs('mv-grant');
    const holder = await signedUp('mv-grant-holder');
    await addMember(orgs.source, holder, 'member');
    const tally = { moved: 0, refused: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const ws = await newWorkspace(orgs, `Granted ${round}`);
      const devices = await Promise.all([0, 1, 2, 3].map((i) => createDevice(orgs.source.api, ws, `sensor-${i}`)));
      const [moved, ...grants] = await Promise.all([
        move(orgs, ws),
        ...devices.map((d, i) => after(offset(round, i), () => orgs.source.api.put(`/workspaces/${ws}/devices/${d.id}/grants/${holder.userId}`, { access: 'write' }))),
      ]);
      const summary = JSON.stringify({ round, move: [moved.status, moved.body], grants: grants.map((g) => [g.status, g.body]) });
      const granted = grants.filter((g) => g.status === 200).length;
      const left = named(await partition(`WS#${ws}`), 'GRANT#');
      const entries = (await partition(`ORG#${orgs.source.orgId}`)).find((i) => i.SK === `MEMBER#${holder.userId}`)!.grantedDevices as Set<string> | undefined;
      const entriesHere = [...(entries ?? [])].filter((e) => e.startsWith(`${ws}/`));
      for (const g of grants) expect([200, 404, 409], summary).toContain(g.status);
      if (moved.status === 200) {
        tally.moved++;
        expect(granted, `a grant and the move both won: ${summary}`).toBe(0);
        expect(await orgOf(ws)).toBe(orgs.target.orgId);
        expect(left, 'no grant survives into the target').toEqual([]);
        expect(entriesHere).toEqual([]);
      } else {
        tally.refused++;
        expect(moved.status, summary).toBe(409);
        expect(await orgOf(ws)).toBe(orgs.source.orgId);
        expect(left.length, summary).toBe(granted);
        expect(entriesHere.length, summary).toBe(granted);
      }
    }
    expect(tally.moved + tally.refused).toBe(ROUNDS);
    await expectCounted([orgs.source.orgId, orgs.target.orgId]);
  });

  it("device creates by the old org's owner racing the move: every counter equals its devices in both organizations", async () => {
    const orgs = await twoOrgs('mv-devices');
    for (let round = 0; round < ROUNDS; round++) {
      const ws = await newWorkspace(orgs, `Devices ${round}`);
      const [moved, ...creates] = await Promise.all([
        move(orgs, ws),
        ...[0, 1, 2, 3].map((i) => after(offset(round, i), () => orgs.source.api.post(`/workspaces/${ws}/devices`, { name: `dev-${i}` }))),
      ]);
      const summary = JSON.stringify({ round, move: [moved.status, moved.body], creates: creates.map((c) => c.status) });
      expect([200, 409], summary).toContain(moved.status);
      for (const c of creates) expect([201, 404, 409], summary).toContain(c.status);
      // Every device answered 201 exists (created before the move, it moved along); no other does.
      expect(named(await partition(`WS#${ws}`), 'DEVICE#').length, summary).toBe(creates.filter((c) => c.status === 201).length);
      expect(await orgOf(ws), summary).toBe(moved.status === 200 ? orgs.target.orgId : orgs.source.orgId);
      await expectCounted([orgs.source.orgId, orgs.target.orgId]);
    }
  });

  it("workspace roles given and taken by the old org's owner racing the move: roles, maps and counters agree in both organizations", async () => {
    const orgs = await twoOrgs('mv-roles');
    const [outsider, both, leaving] = await Promise.all(['outsider', 'both', 'leaving'].map((l) => signedUp(`mv-roles-${l}`)));
    for (const user of [outsider!, both!, leaving!]) await addMember(orgs.source, user, 'member');
    await addMember(orgs.target, both!, 'member');
    for (let round = 0; round < ROUNDS; round++) {
      const ws = await newWorkspace(orgs, `Roles ${round}`);
      const roles = `/workspaces/${ws}/members`;
      expect((await orgs.source.api.put(`${roles}/${leaving!.userId}`, { role: 'viewer' })).status).toBe(200);
      const [moved, ...writes] = await Promise.all([
        move(orgs, ws),
        after(offset(round, 0), () => orgs.source.api.put(`${roles}/${outsider!.userId}`, { role: 'editor' })),
        after(offset(round, 1), () => orgs.source.api.put(`${roles}/${both!.userId}`, { role: 'viewer' })),
        after(offset(round, 2), () => orgs.source.api.delete(`${roles}/${leaving!.userId}`)),
      ]);
      const summary = JSON.stringify({ round, move: [moved.status, moved.body], writes: writes.map((w) => [w.status, w.body]) });
      expect([200, 409], summary).toContain(moved.status);
      for (const w of writes) expect([200, 204, 404, 409], summary).toContain(w.status);
      if (moved.status === 200) {
        // Only a member of the target holds a role in the moved workspace: `both`, if given it in time.
        const held = named(await partition(`WS#${ws}`), 'MEMBER#').map((m) => String(m.userId));
        expect(held, summary).toEqual(writes[1]!.status === 200 ? [both!.userId] : []);
      }
      await expectCounted([orgs.source.orgId, orgs.target.orgId]);
    }
  });

  it("a delete by the old org's owner racing the move: the workspace is deleted or moved, and both organizations count what they hold", async () => {
    const orgs = await twoOrgs('mv-delete');
    // One delete a round, so twice the rounds at half the step.
    for (let round = 0; round < 2 * ROUNDS; round++) {
      const ws = await newWorkspace(orgs, `Doomed ${round}`);
      await createDevice(orgs.source.api, ws, 'kept');
      const [moved, deleted] = await Promise.all([move(orgs, ws), after(offset(round / 2), () => orgs.source.api.delete(`/workspaces/${ws}`))]);
      const summary = JSON.stringify({ round, move: [moved.status, moved.body], delete: [deleted.status, deleted.body] });
      expect(moved.status === 200 && deleted.status === 204, `both won: ${summary}`).toBe(false);
      const meta = (await partition(`WS#${ws}`)).find((i) => i.SK === 'META');
      if (moved.status === 200) expect(meta?.orgId, summary).toBe(orgs.target.orgId);
      if (deleted.status === 204) expect(meta, summary).toBeUndefined();
      await expectCounted([orgs.source.orgId, orgs.target.orgId]);
    }
  });
});
