/**
 * Figure 1: DynamoDB round trips and capacity per route, through the local gateway (handlers
 * in this process), beside the minimum the data model allows. Figure 5 (directory part): the
 * first page of the member directory at 50 and 5,000 members.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { LocalStack } from '../infra/local/stack.js';
import { issueToken } from '../infra/local/cognito.js';
import { sentEmails } from '../infra/local/ses.js';
import { installCounter, type Tally } from './dynamo-counter.js';

export interface RouteRow {
  route: string;
  status: number;
  expected: number;
  requests: number;
  commands: string;
  rcu: number | null;
  wcu: number | null;
  minimum: number;
  why: string;
  ok: boolean;
}

export interface DirectoryRow {
  members: number;
  sort: string;
  requests: number;
  rcu: number | null;
  itemsReturned: number;
  medianMs: number;
}

/**
 * The fewest round trips each measured call can take: authorization (one BatchGet, README
 * "Authorization in one round trip") plus the operation's own reads and writes.
 */
const MINIMUM: Record<string, [number, string]> = {
  'GET /me': [3, 'Query GSI1 USER#me (memberships) + BatchGet profile, orgs, workspaces + Query GSI1 ORG#o (an owner sees every workspace)'],
  'GET /orgs/{orgId}': [1, 'authorization only (the org is loaded by it)'],
  'PATCH /orgs/{orgId}': [2, 'authorization + one TransactWrite (org + audit event)'],
  'GET /orgs/{orgId}/members': [2, 'authorization + one Query'],
  'POST /orgs/{orgId}/workspaces': [2, 'authorization + one TransactWrite (workspace, quota on org, audit)'],
  'GET /workspaces/{workspaceId}': [1, 'authorization only'],
  'POST /orgs/{orgId}/invitations': [2, 'authorization + one TransactWrite (guard, invitation, link, counter, audit); the email is SES'],
  'POST /invitations/{token}/accept': [3, 'GetItem link → BatchGet invitation, org, profile → one TransactWrite'],
  'POST /workspaces/{workspaceId}/devices': [2, 'authorization + one TransactWrite (device + name claim + counter)'],
  'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}': [2, 'authorization (workspace, device name, stream) + one write (lastSeenAt)'],
  'POST /workspaces/{workspaceId}/sims': [2, 'authorization + one TransactWrite (SIM + locator + counter)'],
  'POST /sims/{iccid}/transfer': [3, 'GetItem locator → BatchGet both workspaces, memberships, profile, SIM → one TransactWrite'],
};

function luhnIccid(): string {
  let body = '8949';
  while (body.length < 18) body += String(randomInt(10));
  for (let check = 0; check < 10; check++) {
    const s = `${body}${check}`;
    let sum = 0;
    for (let i = 0; i < s.length; i++) {
      let d = Number(s[s.length - 1 - i]);
      if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
      sum += d;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

export async function measureRoutes(stack: LocalStack): Promise<{ routes: RouteRow[]; directory: DirectoryRow[] }> {
  const { info } = stack;
  // The handlers' own client: the gateway has applied their environment, and imports the same module.
  const { dynamodb, db } = await import('../shared/db/client.js');
  const counter = installCounter(dynamodb);

  async function call(method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (token !== undefined && h.authorization === undefined) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${info.apiUrl}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined };
  }
  const user = async (label: string) => {
    const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
    return { email, ...(await issueToken(info, email, { givenName: label, familyName: 'Bench' })) };
  };
  const signup = async (label: string) => {
    const u = await user(label);
    const res = await call('POST', '/signup', u.idToken, { givenName: label, familyName: 'Bench', organizationName: `${label} Org` });
    if (res.status !== 201) throw new Error(`signup: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...u, orgId: res.body.organizations[0].id as string, workspaceId: res.body.workspaces[0].id as string };
  };

  const rows: RouteRow[] = [];
  async function measure(route: string, expected: number, run: () => Promise<{ status: number; body: any }>) {
    counter.reset();
    const res = await run();
    const t: Tally = counter.read();
    if (res.status !== expected) console.error(`  ${route}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
    const [minimum, why] = MINIMUM[route] ?? [NaN, '—'];
    rows.push({
      route,
      status: res.status,
      expected,
      requests: t.requests,
      commands: t.commands.join(', '),
      rcu: t.capacityReported ? t.rcu : null,
      wcu: t.capacityReported ? t.wcu : null,
      minimum,
      why,
      ok: res.status === expected && t.requests <= minimum,
    });
    return res;
  }

  const owner = await signup('owner');
  const tok = owner.idToken;
  // Load every handler used below once, so module init does not sit inside a measured call.
  await measure('GET /me', 200, () => call('GET', '/me', tok));
  rows.length = 0;

  await measure('GET /me', 200, () => call('GET', '/me', tok));
  await measure('GET /orgs/{orgId}', 200, () => call('GET', `/orgs/${owner.orgId}`, tok));
  await measure('PATCH /orgs/{orgId}', 200, () => call('PATCH', `/orgs/${owner.orgId}`, tok, { description: 'Benchmarked' }));
  await measure('GET /orgs/{orgId}/members', 200, () => call('GET', `/orgs/${owner.orgId}/members`, tok));
  const ws2 = await measure('POST /orgs/{orgId}/workspaces', 201, () => call('POST', `/orgs/${owner.orgId}/workspaces`, tok, { name: 'Second' }));
  await measure('GET /workspaces/{workspaceId}', 200, () => call('GET', `/workspaces/${owner.workspaceId}`, tok));

  const invitee = await user('invitee');
  const before = (await sentEmails(info.sesEndpoint)).length;
  await measure('POST /orgs/{orgId}/invitations', 201, () => call('POST', `/orgs/${owner.orgId}/invitations`, tok, { email: invitee.email, role: 'editor' }));
  let link: string | undefined;
  for (let i = 0; i < 30 && link === undefined; i++) {
    const mails = await sentEmails(info.sesEndpoint);
    const mail = mails.slice(before).find((m) => m.destination.to.some((to) => to.toLowerCase() === invitee.email.toLowerCase()));
    link = mail === undefined ? undefined : /invitations\/([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? mail.body.html ?? '')?.[1];
    if (link === undefined) await new Promise((r) => setTimeout(r, 100));
  }
  if (link === undefined) throw new Error('no invitation email');
  await measure('POST /invitations/{token}/accept', 200, () => call('POST', `/invitations/${link}/accept`, invitee.idToken));

  const device = await measure('POST /workspaces/{workspaceId}/devices', 201, () =>
    call('POST', `/workspaces/${owner.workspaceId}/devices`, tok, { name: 'thermo-1' }));
  const stream = await call('POST', `/workspaces/${owner.workspaceId}/streams`, tok, { name: 'temperature' });
  if (stream.status !== 201) throw new Error(`stream: ${stream.status}`);
  await measure('POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}', 202, () =>
    call('POST', `/ingest/${owner.workspaceId}/devices/thermo-1/streams/temperature`, undefined, { t: 21.5 }, { authorization: `Device ${device.body.deviceKey}` }));

  const iccid = luhnIccid();
  await measure('POST /workspaces/{workspaceId}/sims', 201, () => call('POST', `/workspaces/${owner.workspaceId}/sims`, tok, { iccid }));
  await measure('POST /sims/{iccid}/transfer', 200, () => call('POST', `/sims/${iccid}/transfer`, tok, { targetWorkspaceId: ws2.body.id }));

  // ── Figure 5: the member directory's first page at 50 and 5,000 members ──
  const { newMembership } = await import('../shared/domain/factories.js');
  const { membershipItem } = await import('../shared/db/repositories/records.js');
  const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
  const directory: DirectoryRow[] = [];
  for (const size of [50, 5_000]) {
    const org = await signup(`dir${size}`);
    const items: Record<string, unknown>[] = [];
    const now = new Date();
    for (let i = 1; i < size; i++) {
      const id = randomUUID();
      const m = newMembership({
        orgId: org.orgId,
        user: { id, email: `m${i}-${id.slice(0, 6)}@example.com`, givenName: `Given${(i * 7919) % size}`, familyName: `Family${i}` },
        role: 'member',
        now,
      });
      items.push(membershipItem(m));
    }
    for (let i = 0; i < items.length; i += 25) {
      let request: Record<string, any> | undefined = { [info.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
      while (request !== undefined && Object.keys(request).length > 0) {
        const out: { UnprocessedItems?: Record<string, any> } = await db.send(new BatchWriteCommand({ RequestItems: request }));
        request = out.UnprocessedItems;
      }
    }
    for (const sort of ['default', 'name']) {
      const path = `/orgs/${org.orgId}/members${sort === 'default' ? '' : `?sort=${sort}`}`;
      await call('GET', path, org.idToken); // warm
      const times: number[] = [];
      let tally: Tally | undefined;
      let returned = 0;
      for (let r = 0; r < 7; r++) {
        counter.reset();
        const t0 = performance.now();
        const res = await call('GET', path, org.idToken);
        times.push(performance.now() - t0);
        if (res.status !== 200) throw new Error(`directory ${path}: ${res.status} ${JSON.stringify(res.body)}`);
        tally = counter.read();
        returned = res.body.items.length;
      }
      directory.push({
        members: size,
        sort,
        requests: tally!.requests,
        rcu: tally!.capacityReported ? tally!.rcu : null,
        itemsReturned: returned,
        medianMs: Math.round(median(times) * 10) / 10,
      });
    }
  }
  return { routes: rows, directory };
}
