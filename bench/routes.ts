/**
 * Figure 1: DynamoDB round trips and capacity per route — every row of functions/routes.ts —
 * through the local gateway (handlers in this process), beside the minimum the data model
 * allows (each route's `roundTrips` in functions/routes.expectations.ts). Figure 5 (directory
 * part): the first page of the member directory at 50 and 5,000 members.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { LocalStack } from '../infra/local/stack.js';
import { issueToken, OPERATORS_GROUP } from '../infra/local/cognito.js';
import { sentEmails } from '../infra/local/ses.js';
import { routeExpectations } from '#functions/routes.expectations.js';
import { billingSignatureHeader } from '#domain/billing.js';
import { installCounter, type CapturedCall, type Tally } from './dynamo-counter.js';

export interface RouteRow {
  route: string;
  status: number;
  expected: number;
  requests: number;
  /** Sequential waves: calls that overlapped in time count as one (`null` if not every call was captured). */
  waves: number | null;
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

/** Each route's round-trip minimum and why: its expectations, beside the route table (functions/routes.expectations.ts). */
const MINIMUM: Record<string, [number, string]> = Object.fromEntries(
  Object.entries(routeExpectations).map(([route, expectation]) => [route, expectation.roundTrips]),
);

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

/** Calls that overlap in time form one wave; the number of waves is the sequential depth. */
function wavesOf(calls: Pick<CapturedCall, 'start' | 'end'>[], requests: number): number | null {
  if (calls.length !== requests) return null;
  let waves = 0;
  let end = -Infinity;
  for (const c of [...calls].sort((a, b) => a.start - b.start)) {
    if (c.start >= end) {
      waves++;
      end = c.end;
    } else end = Math.max(end, c.end);
  }
  return waves;
}

type Res = { status: number; body: any };

export async function measureRoutes(stack: LocalStack): Promise<{ routes: RouteRow[]; directory: DirectoryRow[] }> {
  const { info } = stack;
  // The handlers' own client: the gateway has applied their environment, and imports the same module.
  const { dynamodb, db } = await import('#db/client.js');
  const { keys } = await import('#db/keys.js');
  const { routes: routeTable } = await import('#functions/routes.js');
  const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
  const counter = installCounter(dynamodb);
  // Each call's start and end, for the waves (off again before the directory's timings).
  counter.capture(true);

  async function call(method: string, path: string, token: string | undefined, body?: unknown, headers: Record<string, string> = {}): Promise<Res> {
    const h: Record<string, string> = { ...headers };
    if (token !== undefined && h.authorization === undefined) h.authorization = `Bearer ${token}`;
    if (body !== undefined) h['content-type'] = 'application/json';
    const res = await fetch(`${info.apiUrl}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Left as text: the status says what went wrong.
    }
    return { status: res.status, body: parsed as any };
  }
  /** A set-up step: anything but `expected` stops the run at once (what follows depends on it). */
  function setup(what: string, res: Res, expected: number): Res {
    if (res.status !== expected) throw new Error(`bench set-up "${what}": expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }
  const user = async (label: string, groups?: string[]) => {
    const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
    return { email, ...(await issueToken(info, email, { givenName: label, familyName: 'Bench', ...(groups ? { groups } : {}) })) };
  };
  /** A signed-up user (set-up, not measured): owner of a trial org with its Default workspace. */
  const signup = async (label: string) => {
    const u = await user(label);
    const res = setup(`${label} sign-up`, await call('POST', '/signup', u.idToken, { givenName: label, familyName: 'Bench', organizationName: `${label} Org` }), 201);
    return { ...u, orgId: res.body.organizations[0].id as string, workspaceId: res.body.workspaces[0].id as string };
  };
  const mailsTo = async (email: string) =>
    (await sentEmails(info.sesEndpoint)).filter((m) => m.destination.to.some((to) => to.toLowerCase() === email.toLowerCase()));
  /** The link token of the newest invitation email to `email`, once more than `before` have arrived. */
  async function linkTo(email: string, before: number): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const mails = await mailsTo(email);
      const mail = mails.length > before ? mails[mails.length - 1] : undefined;
      const token = mail === undefined ? undefined : /invitations\/([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? mail.body.html ?? '')?.[1];
      if (token !== undefined) return token;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`bench set-up: no invitation email to ${email}`);
  }

  const rows: RouteRow[] = [];
  async function measure(route: string, expected: number, run: () => Promise<Res>): Promise<Res> {
    // The change feed's publisher runs in this process on the same client: held while a route is
    // counted, so the tally is the route's own calls (the publisher's are figure 1b's).
    await stack.feed.pause();
    counter.reset();
    const res = await run();
    const t: Tally = counter.read();
    stack.feed.resume();
    if (res.status !== expected) console.error(`  ${route}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
    const [minimum, why] = MINIMUM[route] ?? [NaN, '—'];
    rows.push({
      route,
      status: res.status,
      expected,
      requests: t.requests,
      waves: wavesOf(t.calls, t.requests),
      commands: t.commands.join(', '),
      rcu: t.capacityReported ? t.rcu : null,
      wcu: t.capacityReported ? t.wcu : null,
      minimum,
      why,
      ok: res.status === expected && t.requests <= minimum,
    });
    return res;
  }

  // ── Service, sign-up, and the caller's own routes while the owner holds exactly one org ──
  await measure('GET /health', 200, () => call('GET', '/health', undefined));
  await measure('GET /openapi.json', 200, () => call('GET', '/openapi.json', undefined));
  await measure('GET /problems/{code}', 200, () => call('GET', '/problems/not_found', undefined));
  const owner = await user('owner');
  const tok = owner.idToken;
  const signedUp = setup('owner sign-up', await measure('POST /signup', 201, () =>
    call('POST', '/signup', tok, { givenName: 'owner', familyName: 'Bench', organizationName: 'owner Org' })), 201);
  const orgA = signedUp.body.organizations[0].id as string;
  const wsA = signedUp.body.workspaces[0].id as string;
  await measure('GET /me', 200, () => call('GET', '/me', tok));
  await measure('PATCH /me', 200, () => call('PATCH', '/me', tok, { familyName: 'Benched' }));
  await measure('GET /orgs', 200, () => call('GET', '/orgs', tok));

  // ── The organization ──
  await measure('GET /orgs/{orgId}', 200, () => call('GET', `/orgs/${orgA}`, tok));
  await measure('PATCH /orgs/{orgId}', 200, () => call('PATCH', `/orgs/${orgA}`, tok, { description: 'Benchmarked' }));
  await measure('GET /orgs/{orgId}/overview', 200, () => call('GET', `/orgs/${orgA}/overview`, tok));
  await measure('GET /orgs/{orgId}/audit', 200, () => call('GET', `/orgs/${orgA}/audit`, tok));
  await measure('GET /orgs/{orgId}/events', 200, () => call('GET', `/orgs/${orgA}/events`, tok));
  // ── The organization's own identity provider (cognito-local with the extension: infra/local/cognito-extensions.cjs) ──
  const idp = `BenchSAML-${randomUUID().slice(0, 8)}`;
  await measure('POST /orgs/{orgId}/identity-providers', 201, () =>
    call('POST', `/orgs/${orgA}/identity-providers`, tok, { name: idp, type: 'SAML', metadataUrl: 'https://idp.example.com/saml/metadata' }));
  await measure('GET /orgs/{orgId}/identity-providers', 200, () => call('GET', `/orgs/${orgA}/identity-providers`, tok));
  await measure('DELETE /orgs/{orgId}/identity-providers/{name}', 204, () => call('DELETE', `/orgs/${orgA}/identity-providers/${idp}`, tok));
  // ── Webhooks: an endpoint on a loopback port nothing listens on (the local stack allows loopback; every attempt fails at once) ──
  const hook = (await measure('POST /orgs/{orgId}/webhooks', 201, () => call('POST', `/orgs/${orgA}/webhooks`, tok, { url: 'http://127.0.0.1:9/bench', eventTypes: ['*'] }))).body?.id as string;
  await measure('GET /orgs/{orgId}/webhooks', 200, () => call('GET', `/orgs/${orgA}/webhooks`, tok));
  await measure('GET /orgs/{orgId}/webhooks/{webhookId}', 200, () => call('GET', `/orgs/${orgA}/webhooks/${hook}`, tok));
  await measure('PATCH /orgs/{orgId}/webhooks/{webhookId}', 200, () => call('PATCH', `/orgs/${orgA}/webhooks/${hook}`, tok, { description: 'bench' }));
  await measure('POST /orgs/{orgId}/webhooks/{webhookId}/rotate-secret', 200, () => call('POST', `/orgs/${orgA}/webhooks/${hook}/rotate-secret`, tok, { overlapSeconds: 60 }));
  // The endpoint's own changes are events too: their deliveries are in its log once the feed has run.
  await stack.feed.drained();
  const deliveries = await measure('GET /orgs/{orgId}/webhooks/{webhookId}/deliveries', 200, () => call('GET', `/orgs/${orgA}/webhooks/${hook}/deliveries`, tok));
  const delivery = setup('a delivery to replay', deliveries, 200).body.items[0]?.id as string;
  await measure('POST /orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay', 200, () => call('POST', `/orgs/${orgA}/webhooks/${hook}/deliveries/${delivery}/replay`, tok));
  await measure('DELETE /orgs/{orgId}/webhooks/{webhookId}', 204, () => call('DELETE', `/orgs/${orgA}/webhooks/${hook}`, tok));
  const wsB = (await measure('POST /orgs/{orgId}/workspaces', 201, () => call('POST', `/orgs/${orgA}/workspaces`, tok, { name: 'Second' }))).body?.id as string;

  // ── Invitations: one accepted (→ member E, editor), one changed/resent/withdrawn, one declined ──
  const invitee = await user('invitee');
  const created = await measure('POST /orgs/{orgId}/invitations', 201, () =>
    call('POST', `/orgs/${orgA}/invitations`, tok, { email: invitee.email, role: 'editor' }));
  const link = created.status === 201 ? await linkTo(invitee.email, 0) : 'none';
  await measure('GET /orgs/{orgId}/invitations', 200, () => call('GET', `/orgs/${orgA}/invitations`, tok));
  const other = await user('other');
  const second = setup('second invitation', await call('POST', `/orgs/${orgA}/invitations`, tok, { email: other.email, role: 'editor' }), 201);
  const i2 = second.body.id as string;
  await measure('PATCH /orgs/{orgId}/invitations/{invitationId}', 200, () =>
    call('PATCH', `/orgs/${orgA}/invitations/${i2}`, tok, { role: 'member' }));
  // Resend allows one send a minute: the last send is moved two minutes back (set-up, not measured).
  await db.send(new UpdateCommand({
    TableName: info.tableName,
    Key: keys.invitation(orgA, i2),
    UpdateExpression: 'SET lastSentAt = :t',
    ExpressionAttributeValues: { ':t': new Date(Date.now() - 120_000).toISOString() },
  }));
  await measure('POST /orgs/{orgId}/invitations/{invitationId}/resend', 200, () => call('POST', `/orgs/${orgA}/invitations/${i2}/resend`, tok));
  await measure('DELETE /orgs/{orgId}/invitations/{invitationId}', 204, () => call('DELETE', `/orgs/${orgA}/invitations/${i2}`, tok));
  await measure('GET /invitations/{token}', 200, () => call('GET', `/invitations/${link}`, undefined));
  await measure('POST /invitations/{token}/accept', 200, () => call('POST', `/invitations/${link}/accept`, invitee.idToken));
  const decliner = await user('decliner');
  setup('third invitation', await call('POST', `/orgs/${orgA}/invitations`, tok, { email: decliner.email, role: 'member' }), 201);
  const declineLink = await linkTo(decliner.email, 0);
  await measure('POST /invitations/{token}/decline', 204, () => call('POST', `/invitations/${declineLink}/decline`, decliner.idToken));

  // ── Members: E (accepted above) and M (invited as member, then changed and removed) ──
  const memberM = await user('member');
  setup('invite M', await call('POST', `/orgs/${orgA}/invitations`, tok, { email: memberM.email, role: 'member' }), 201);
  setup('M accepts', await call('POST', `/invitations/${await linkTo(memberM.email, 0)}/accept`, memberM.idToken), 200);
  await measure('GET /orgs/{orgId}/members', 200, () => call('GET', `/orgs/${orgA}/members`, tok));
  await measure('GET /orgs/{orgId}/members/{userId}', 200, () => call('GET', `/orgs/${orgA}/members/${invitee.sub}`, tok));
  await measure('PATCH /orgs/{orgId}/members/{userId}', 200, () => call('PATCH', `/orgs/${orgA}/members/${memberM.sub}`, tok, { role: 'editor' }));
  await measure('DELETE /orgs/{orgId}/members/{userId}', 204, () => call('DELETE', `/orgs/${orgA}/members/${memberM.sub}`, tok));

  // ── Workspaces ──
  await measure('GET /orgs/{orgId}/workspaces', 200, () => call('GET', `/orgs/${orgA}/workspaces`, tok));
  await measure('GET /workspaces/{workspaceId}', 200, () => call('GET', `/workspaces/${wsA}`, tok));
  await measure('GET /workspaces/{workspaceId}/overview', 200, () => call('GET', `/workspaces/${wsA}/overview`, tok));
  await measure('PATCH /workspaces/{workspaceId}', 200, () => call('PATCH', `/workspaces/${wsA}`, tok, { description: 'Benchmarked' }));
  await measure('PUT /workspaces/{workspaceId}/members/{userId}', 200, () =>
    call('PUT', `/workspaces/${wsA}/members/${invitee.sub}`, tok, { role: 'viewer' }));
  // With one explicit member besides the implicit admin (the owner).
  await measure('GET /workspaces/{workspaceId}/members', 200, () => call('GET', `/workspaces/${wsA}/members`, tok));
  await measure('DELETE /workspaces/{workspaceId}/members/{userId}', 204, () => call('DELETE', `/workspaces/${wsA}/members/${invitee.sub}`, tok));

  // ── Devices, grants, streams, ingest ──
  const device = await measure('POST /workspaces/{workspaceId}/devices', 201, () =>
    call('POST', `/workspaces/${wsA}/devices`, tok, { name: 'thermo-1' }));
  const dev1 = device.body?.id as string;
  await measure('GET /workspaces/{workspaceId}/devices', 200, () => call('GET', `/workspaces/${wsA}/devices`, tok));
  await measure('GET /workspaces/{workspaceId}/devices/{deviceId}', 200, () => call('GET', `/workspaces/${wsA}/devices/${dev1}`, tok));
  await measure('PATCH /workspaces/{workspaceId}/devices/{deviceId}', 200, () =>
    call('PATCH', `/workspaces/${wsA}/devices/${dev1}`, tok, { description: 'Benchmarked' }));
  await measure('PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}', 200, () =>
    call('PUT', `/workspaces/${wsA}/devices/${dev1}/grants/${invitee.sub}`, tok, { access: 'read' }));
  await measure('GET /workspaces/{workspaceId}/devices/{deviceId}/grants', 200, () => call('GET', `/workspaces/${wsA}/devices/${dev1}/grants`, tok));
  await measure('DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}', 204, () =>
    call('DELETE', `/workspaces/${wsA}/devices/${dev1}/grants/${invitee.sub}`, tok));
  // A device never granted is deleted (its minimum needs no search for grants).
  const dev2 = setup('second device', await call('POST', `/workspaces/${wsA}/devices`, tok, { name: 'thermo-2' }), 201).body.id as string;
  await measure('DELETE /workspaces/{workspaceId}/devices/{deviceId}', 204, () => call('DELETE', `/workspaces/${wsA}/devices/${dev2}`, tok));
  await measure('POST /workspaces/{workspaceId}/streams', 201, () => call('POST', `/workspaces/${wsA}/streams`, tok, { name: 'temperature' }));
  await measure('GET /workspaces/{workspaceId}/streams', 200, () => call('GET', `/workspaces/${wsA}/streams`, tok));
  await measure('POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}', 202, () =>
    call('POST', `/ingest/${wsA}/devices/thermo-1/streams/temperature`, undefined, { t: 21.5 }, { authorization: `Device ${device.body?.deviceKey}` }));
  await measure('DELETE /workspaces/{workspaceId}/streams/{streamName}', 204, () => call('DELETE', `/workspaces/${wsA}/streams/temperature`, tok));

  // ── SIMs, usage (a platform operator), transfer, reports ──
  const operator = await user('operator', [OPERATORS_GROUP]);
  const iccid = luhnIccid();
  const activationCode = 'BNCH-2026-CODE';
  await measure('POST /admin/orgs/{orgId}/sims', 200, () => call('POST', `/admin/orgs/${orgA}/sims`, operator.idToken, { sims: [{ iccid, activationCode }] }));
  await measure('POST /workspaces/{workspaceId}/sims', 201, () => call('POST', `/workspaces/${wsA}/sims`, tok, { iccid, activationCode }));
  await measure('GET /workspaces/{workspaceId}/sims', 200, () => call('GET', `/workspaces/${wsA}/sims`, tok));
  await measure('PATCH /workspaces/{workspaceId}/sims/{iccid}', 200, () => call('PATCH', `/workspaces/${wsA}/sims/${iccid}`, tok, { status: 'suspended' }));
  await measure('POST /sims/{iccid}/usage', 201, () =>
    call('POST', `/sims/${iccid}/usage`, operator.idToken, { at: new Date().toISOString(), bytes: 1_234_567 }));
  await measure('GET /workspaces/{workspaceId}/usage', 200, () => call('GET', `/workspaces/${wsA}/usage`, tok));
  await measure('POST /sims/{iccid}/transfer', 200, () => call('POST', `/sims/${iccid}/transfer`, tok, { targetWorkspaceId: wsB }));
  await measure('GET /reports', 200, () => call('GET', `/reports?workspaceIds=${wsA},${wsB}`, tok));
  // Second holds the transferred SIM: its deletion purges a SIM and its locator too.
  await measure('DELETE /workspaces/{workspaceId}', 204, () => call('DELETE', `/workspaces/${wsB}`, tok));

  // ── The trial and the plan (the extension needs the trial, so it comes first) ──
  await measure('POST /admin/orgs/{orgId}/trial', 200, () => call('POST', `/admin/orgs/${orgA}/trial`, operator.idToken, { extendDays: 7 }));
  await measure('PUT /orgs/{orgId}/plan', 200, () => call('PUT', `/orgs/${orgA}/plan`, tok, { plan: 'pro' }));
  // The billing provider's signed event (a paid plan: the re-enabling Query as well).
  const billingEvent = { id: `evt_bench_${randomUUID()}`, type: 'plan.changed', organizationId: orgA, plan: 'enterprise' };
  await measure('POST /billing/events', 200, () =>
    call('POST', '/billing/events', undefined, billingEvent, { 'billing-signature': billingSignatureHeader(info.billingSecret, JSON.stringify(billingEvent)) }));

  // ── A second organization: a workspace moves into it, then it is deleted (with that workspace) ──
  const orgC = (await measure('POST /orgs', 201, () => call('POST', '/orgs', tok, { name: 'Target Org' }))).body?.id as string;
  const wsMove = setup('workspace to move', await call('POST', `/orgs/${orgA}/workspaces`, tok, { name: 'Movable' }), 201).body.id as string;
  await measure('POST /workspaces/{workspaceId}/move', 200, () => call('POST', `/workspaces/${wsMove}/move`, tok, { targetOrganizationId: orgC }));
  await measure('DELETE /orgs/{orgId}', 204, () => call('DELETE', `/orgs/${orgC}`, tok));

  // ── Last: the owner hands org A to member E (afterwards the owner is only an admin there) ──
  await measure('POST /orgs/{orgId}/transfer-ownership', 200, () => call('POST', `/orgs/${orgA}/transfer-ownership`, tok, { userId: invitee.sub }));

  counter.capture(false);
  // Rows in the order of the route table; a route without a row is a failure like a wrong status.
  const order = Object.keys(routeTable);
  rows.sort((a, b) => order.indexOf(a.route) - order.indexOf(b.route));
  const failures = [
    ...rows.filter((r) => r.status !== r.expected).map((r) => `${r.route}: expected ${r.expected}, got ${r.status}`),
    ...order.filter((route) => !rows.some((r) => r.route === route)).map((route) => `${route}: not measured`),
    ...rows.filter((r) => !order.includes(r.route)).map((r) => `${r.route}: not in functions/routes.ts`),
  ];

  // ── Figure 5: the member directory's first page at 50 and 5,000 members ──
  const { newMembership } = await import('#domain/members.js');
  const { membershipItem } = await import('#db/records/members.js');
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
  if (failures.length > 0) {
    const error = new Error(`Figure 1: ${failures.length} route(s) did not answer as expected (a broken set-up?):\n  ${failures.join('\n  ')}`);
    Object.assign(error, { rows, directory });
    throw error;
  }
  return { routes: rows, directory };
}
