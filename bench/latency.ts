/**
 * Figure 3: latency through the local gateway vs the physical floor.
 *
 * Each measured call goes through the gateway (HTTP on loopback → event → handler, all in
 * this process) while a middleware on the handlers' DynamoDB client captures the exact
 * commands it made (bench/dynamo-counter.ts). Right after it, the floor: the same commands
 * replayed with the same SDK client straight to DynamoDB Local — no HTTP server, no handler —
 * with the call's concurrency (commands whose time spans overlapped go together in a
 * Promise.all, the others one after the other). Gateway and floor alternate call by call, so
 * machine noise hits both alike.
 *
 * Writes cannot be replayed as they are (the item now exists, the invitation is accepted):
 * - create workspace: the replay gets fresh ids for what the handler generated (the
 *   workspace and audit event ids, found as the UUIDs in the writes that no earlier read
 *   of the call mentioned), same lengths, same conditions, same org (its workspace counter
 *   takes the replay's increment too, so each org takes at most 45 pairs of its 100).
 * - accept invitation: every accept is paired with a twin invitation created beside it (same
 *   org, role and inviter, an email of the same length). The replay substitutes the twin's
 *   invitee id, email, invitation id and token hash for the accepted one's (and fresh ids for
 *   the handler's audit events): the twin is accepted by the floor, with the same reads,
 *   conditions and item sizes.
 * Every replay must succeed and match its gateway call in number and kind of requests,
 * request bytes and consumed capacity; any difference throws.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import * as ddb from '@aws-sdk/client-dynamodb';
import type { LocalStack } from '../infra/local/stack.js';
import { issueToken } from '../infra/local/cognito.js';
import { sentEmails } from '../infra/local/ses.js';
import { installCounter, type CapturedCall, type Tally } from './dynamo-counter.js';

export interface LatencyRow {
  route: string;
  calls: number;
  gatewayMedianMs: number;
  gatewayP99Ms: number;
  floorMedianMs: number;
  floorP99Ms: number;
  /** gateway / floor. */
  ratioMedian: number;
  ratioP99: number;
  /** Median over the calls of (gateway − its own replay): what the gateway and handler add. */
  overheadMedianMs: number;
  /** DynamoDB requests per call (the same in every call and its replay). */
  requests: number;
  /** The call's shape: `→` one after the other, `∥` together. */
  shape: string;
  rcu: number;
  wcu: number;
  floorMethod: string;
}

const READ_CALLS = Number(process.env.BENCH_LATENCY_READS ?? 300);
const WRITE_CALLS = Number(process.env.BENCH_LATENCY_WRITES ?? 150);
const WARMUP = 15;
/** Workspace pairs per org: 2 workspaces each (gateway + floor) within the enterprise quota of 100. */
const WORKSPACE_PAIRS_PER_ORG = 45;
/** Accept pairs per org: 2 invitations each within the 100 invitations per hour and org. */
const ACCEPT_PAIRS_PER_ORG = 45;

const WRITE_COMMANDS = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand', 'TransactWriteItemsCommand', 'ExecuteStatementCommand', 'BatchExecuteStatementCommand', 'ExecuteTransactionCommand']);
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

const round = (x: number): number => Math.round(x * 100) / 100;
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil(p * s.length) - 1)]!;
}

/** Calls grouped as they ran: a call that started before the group's last end ran alongside it. */
function groups(calls: CapturedCall[]): CapturedCall[][] {
  const sorted = [...calls].sort((a, b) => a.start - b.start);
  const out: CapturedCall[][] = [];
  let end = -Infinity;
  for (const c of sorted) {
    if (out.length > 0 && c.start < end) out.at(-1)!.push(c);
    else out.push([c]);
    end = Math.max(end, c.end);
  }
  return out;
}

const shapeOf = (calls: CapturedCall[]): string =>
  groups(calls).map((g) => (g.length === 1 ? short(g[0]!.command) : `(${g.map((c) => short(c.command)).join(' ∥ ')})`)).join(' → ');
const short = (command: string): string => command.replace(/Command$/, '');

/** A deep copy with every string (and object key) passed through `sub`. */
function substitute<T>(value: T, sub: (s: string) => string): T {
  if (typeof value === 'string') return sub(value) as T;
  if (Array.isArray(value)) return value.map((v) => substitute(v, sub)) as T;
  if (value instanceof Uint8Array) return new Uint8Array(value) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [sub(k), substitute(v, sub)])) as T;
  }
  return value;
}

function replacer(map: Map<string, string>): (s: string) => string {
  if (map.size === 0) return (s) => s;
  const pattern = new RegExp([...map.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (s) => s.replace(pattern, (m) => map.get(m)!);
}

const json = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x instanceof Set ? [...x] : typeof x === 'bigint' ? String(x) : x));

/**
 * Fresh ids for what the handler generated: UUIDs in the call's writes that neither `known`
 * nor any read before the first write mentions (input or output). Same format, same length.
 */
function freshIds(calls: CapturedCall[], known: Iterable<string>): Map<string, string> {
  const seen = new Set(known);
  const firstWrite = Math.min(...calls.filter((c) => WRITE_COMMANDS.has(c.command)).map((c) => c.start));
  for (const c of calls) {
    if (WRITE_COMMANDS.has(c.command) || c.start >= firstWrite) continue;
    for (const id of `${json(c.input)} ${json(c.output)}`.match(UUID) ?? []) seen.add(id);
  }
  const map = new Map<string, string>();
  for (const c of calls) {
    if (!WRITE_COMMANDS.has(c.command)) continue;
    for (const id of json(c.input).match(UUID) ?? []) if (!seen.has(id) && !map.has(id)) map.set(id, randomUUID());
    const token = c.input.ClientRequestToken;
    if (typeof token === 'string' && !map.has(token)) map.set(token, randomBytes(Math.ceil(token.length * 0.75)).toString('base64url').slice(0, token.length));
  }
  return map;
}

export async function measureLatency(stack: LocalStack): Promise<LatencyRow[]> {
  const { info } = stack;
  const { dynamodb, db } = await import('#db/client.js');
  const { hashToken } = await import('#domain/invitations.js');
  const counter = installCounter(dynamodb);
  const commandClasses = ddb as unknown as Record<string, new (input: unknown) => Parameters<typeof dynamodb.send>[0]>;

  // One keep-alive connection, as a client would hold one.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const api = (method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; body: any; ms: number }> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {};
      if (token !== undefined) headers.authorization = `Bearer ${token}`;
      if (payload !== undefined) { headers['content-type'] = 'application/json'; headers['content-length'] = String(Buffer.byteLength(payload)); }
      const t0 = performance.now();
      const req = httpRequest(`${info.apiUrl}${path}`, { method, headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const ms = performance.now() - t0;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, ms });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(payload);
    });
  const expect = (what: string, res: { status: number; body: unknown }, status: number): void => {
    if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
  };
  const signup = async (label: string) => {
    const email = `${label}-${randomUUID().slice(0, 8)}@example.com`;
    const { idToken, sub } = await issueToken(info, email, { givenName: label, familyName: 'Bench' });
    const res = await api('POST', '/signup', idToken, { givenName: label, familyName: 'Bench', organizationName: `${label} Org` });
    expect('signup', res, 201);
    return { email, idToken, sub, orgId: res.body.organizations[0].id as string };
  };
  /** Runs `fn` over `items` with at most `n` at a time. */
  const pool = async <T, R>(items: T[], n: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> => {
    const out: R[] = new Array(items.length);
    let next = 0;
    await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) { const i = next++; out[i] = await fn(items[i]!, i); }
    }));
    return out;
  };

  /** Replays captured calls straight to DynamoDB Local, concurrency preserved; returns its time and tally. */
  async function replay(calls: CapturedCall[], sub: (s: string) => string): Promise<{ ms: number; tally: Tally; errors: unknown[] }> {
    const prepared = groups(calls).map((g) => g.map((c) => {
      const Command = commandClasses[c.command];
      if (Command === undefined) throw new Error(`no ${c.command} in @aws-sdk/client-dynamodb`);
      return new Command(substitute(c.input, sub));
    }));
    const errors: unknown[] = [];
    counter.reset();
    const t0 = performance.now();
    for (const g of prepared) {
      const settled = await Promise.allSettled(g.map((command) => dynamodb.send(command)));
      for (const s of settled) if (s.status === 'rejected') errors.push(s.reason);
    }
    const ms = performance.now() - t0;
    return { ms, tally: counter.read(), errors };
  }

  const requestBytes = (calls: CapturedCall[]): number => calls.reduce((n, c) => n + json(c.input).length, 0);
  const signature = (t: Tally): string => `${t.requests} ${[...t.commands].sort().join(',')} rcu ${t.rcu} wcu ${t.wcu}`;

  interface Sample { gateway: number; floor: number }
  /**
   * One measured route: for each i, `call(i)` through the gateway (captured), then its replay
   * with `mapping(i, calls)` substituted. Warm-up calls run the same way, unrecorded.
   */
  async function measure(
    route: string,
    n: number,
    warmup: number,
    floorMethod: string,
    call: (i: number) => Promise<{ status: number; body: unknown; ms: number }>,
    status: number,
    mapping: (i: number, calls: CapturedCall[]) => Map<string, string> = () => new Map(),
  ): Promise<LatencyRow> {
    const samples: Sample[] = [];
    let first: { tally: Tally; shape: string } | undefined;
    const problems: string[] = [];
    counter.capture(true);
    try {
      for (let i = 0; i < warmup + n; i++) {
        counter.reset();
        const res = await call(i);
        const tally = counter.read();
        expect(`${route} #${i}`, res, status);
        if (tally.calls.some((c) => !c.ok)) throw new Error(`${route} #${i}: a DynamoDB call of the gateway run failed`);
        const map = mapping(i, tally.calls);
        const floor = await replay(tally.calls, replacer(map));
        if (floor.errors.length > 0) problems.push(`#${i}: ${floor.errors.map((e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e))).join('; ')}`);
        const bytesGateway = requestBytes(tally.calls);
        const bytesFloor = requestBytes(floor.tally.calls);
        if (signature(floor.tally) !== signature(tally) || bytesFloor !== bytesGateway) {
          problems.push(`#${i}: the replay differs: gateway ${signature(tally)} ${bytesGateway} B, floor ${signature(floor.tally)} ${bytesFloor} B`);
        }
        if (i < warmup) continue;
        samples.push({ gateway: res.ms, floor: floor.ms });
        // The row reports the first measured call; every other must have its shape.
        first ??= { tally, shape: shapeOf(tally.calls) };
        const shape = shapeOf(tally.calls);
        if (shape !== first.shape) problems.push(`#${i}: shape ${shape}, first measured call ${first.shape}`);
      }
    } finally {
      counter.capture(false);
    }
    if (problems.length > 0) {
      throw new Error(`Figure 3, ${route}: ${problems.length} replay problem(s) (of ${warmup + n} calls):\n  ${problems.slice(0, 5).join('\n  ')}`);
    }
    const gw = samples.map((s) => s.gateway);
    const fl = samples.map((s) => s.floor);
    const row: LatencyRow = {
      route,
      calls: n,
      gatewayMedianMs: round(percentile(gw, 0.5)),
      gatewayP99Ms: round(percentile(gw, 0.99)),
      floorMedianMs: round(percentile(fl, 0.5)),
      floorP99Ms: round(percentile(fl, 0.99)),
      ratioMedian: round(percentile(gw, 0.5) / percentile(fl, 0.5)),
      ratioP99: round(percentile(gw, 0.99) / percentile(fl, 0.99)),
      overheadMedianMs: round(percentile(samples.map((s) => s.gateway - s.floor), 0.5)),
      requests: first!.tally.requests,
      shape: first!.shape,
      rcu: first!.tally.rcu,
      wcu: first!.tally.wcu,
      floorMethod,
    };
    console.log(`  ${route}: gateway ${row.gatewayMedianMs} / ${row.gatewayP99Ms} ms, floor ${row.floorMedianMs} / ${row.floorP99Ms} ms, ratio ${row.ratioMedian} (p99 ${row.ratioP99}), overhead ${row.overheadMedianMs} ms`);
    return row;
  }

  const rows: LatencyRow[] = [];
  const sameCommands = 'the same commands replayed';

  // ── Reads: one user, its own org (one workspace), nobody else's data ──
  const reader = await signup('latency');
  rows.push(await measure('GET /me', READ_CALLS, WARMUP, sameCommands, () => api('GET', '/me', reader.idToken), 200));
  rows.push(await measure('GET /orgs/{orgId}', READ_CALLS, WARMUP, sameCommands, () => api('GET', `/orgs/${reader.orgId}`, reader.idToken), 200));

  // Member directory: an org of 100 members (seeded as bench/routes.ts does); its first page holds 50.
  const dir = await signup('latdir');
  {
    const { newMembership } = await import('#domain/members.js');
    const { membershipItem } = await import('#db/records/members.js');
    const { BatchWriteCommand } = await import('@aws-sdk/lib-dynamodb');
    const now = new Date();
    const items = Array.from({ length: 99 }, (_, i) => {
      const id = randomUUID();
      return membershipItem(newMembership({
        orgId: dir.orgId,
        user: { id, email: `m${i}-${id.slice(0, 6)}@example.com`, givenName: `Given${i}`, familyName: `Family${i}` },
        role: 'member',
        now,
      }));
    });
    for (let i = 0; i < items.length; i += 25) {
      let req: Record<string, any> | undefined = { [info.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) };
      while (req !== undefined && Object.keys(req).length > 0) {
        const out: { UnprocessedItems?: Record<string, any> } = await db.send(new BatchWriteCommand({ RequestItems: req }));
        req = out.UnprocessedItems;
      }
    }
  }
  rows.push(await measure('GET /orgs/{orgId}/members', READ_CALLS, WARMUP, `${sameCommands} (first page: 50 of 100 members)`,
    () => api('GET', `/orgs/${dir.orgId}/members`, dir.idToken), 200));

  // ── Create workspace: orgs on the enterprise plan (quota 100), 45 pairs each ──
  const warmWrites = 5;
  const wsOrgs = await pool(Array.from({ length: Math.ceil((WRITE_CALLS + warmWrites) / WORKSPACE_PAIRS_PER_ORG) }, (_, k) => k), 2, async (k) => {
    const owner = await signup(`latws${k}`);
    expect('plan', await api('PUT', `/orgs/${owner.orgId}/plan`, owner.idToken, { plan: 'enterprise' }), 200);
    return owner;
  });
  rows.push(await measure('POST /orgs/{orgId}/workspaces', WRITE_CALLS, warmWrites,
    'the same commands, with fresh ids for the workspace and audit event (same org: its counter takes both increments)',
    (i) => {
      const owner = wsOrgs[Math.floor(i / WORKSPACE_PAIRS_PER_ORG)]!;
      return api('POST', `/orgs/${owner.orgId}/workspaces`, owner.idToken, { name: `Bench workspace ${String(i).padStart(4, '0')}` });
    },
    201,
    (i, calls) => freshIds(calls, [wsOrgs[Math.floor(i / WORKSPACE_PAIRS_PER_ORG)]!.sub]),
  ));

  // ── Accept invitation: per pair, the invitation accepted through the gateway and its twin
  // accepted by the floor; both set up here, outside the timed section ──
  const pairs = WRITE_CALLS + warmWrites;
  const inviteOrgs = await pool(Array.from({ length: Math.ceil(pairs / ACCEPT_PAIRS_PER_ORG) }, (_, k) => k), 2, (k) => signup(`latinv${k}`));
  const local = (): string => `inv-${randomBytes(4).toString('hex')}`; // same length for every invitee
  interface Invitee { local: string; email: string; invitationId?: string; token?: string }
  const invitees: { org: (typeof inviteOrgs)[number]; gw: Invitee; twin: Invitee; idToken?: string; sub?: string; twinSub: string }[] =
    Array.from({ length: pairs }, (_, i) => {
      const a = local();
      const b = local();
      return {
        org: inviteOrgs[Math.floor(i / ACCEPT_PAIRS_PER_ORG)]!,
        gw: { local: a, email: `${a}@example.com` },
        twin: { local: b, email: `${b}@example.com` },
        twinSub: randomUUID(),
      };
    });
  await pool(invitees.flatMap((p) => [{ p, who: p.gw }, { p, who: p.twin }]), 3, async ({ p, who }) => {
    const res = await api('POST', `/orgs/${p.org.orgId}/invitations`, p.org.idToken, { email: who.email, role: 'editor' });
    expect('invite', res, 201);
    who.invitationId = res.body.id as string;
  });
  await pool(invitees, 3, async (p) => {
    const { idToken, sub } = await issueToken(info, p.gw.email);
    p.idToken = idToken;
    p.sub = sub;
  });
  const tokens = new Map<string, string>();
  for (const mail of await sentEmails(info.sesEndpoint)) {
    const token = /invitations\/([A-Za-z0-9_-]{43})/.exec(mail.body.text ?? mail.body.html ?? '')?.[1];
    for (const to of mail.destination.to) if (token !== undefined) tokens.set(to.toLowerCase(), token);
  }
  for (const p of invitees) {
    for (const who of [p.gw, p.twin]) {
      who.token = tokens.get(who.email);
      if (who.token === undefined) throw new Error(`no invitation email for ${who.email}`);
    }
  }
  rows.push(await measure('POST /invitations/{token}/accept', WRITE_CALLS, warmWrites,
    "the same commands for a twin invitation (same org, role, inviter; same-length email): its invitee id, email, invitation id and token hash substituted, fresh audit ids",
    (i) => api('POST', `/invitations/${invitees[i]!.gw.token}/accept`, invitees[i]!.idToken),
    200,
    (i, calls) => {
      const p = invitees[i]!;
      const map = new Map<string, string>([
        [p.sub!, p.twinSub],
        [p.gw.local, p.twin.local],
        [p.gw.invitationId!, p.twin.invitationId!],
        [hashToken(p.gw.token!), hashToken(p.twin.token!)],
      ]);
      for (const [from, to] of freshIds(calls, [...map.keys(), ...map.values()])) map.set(from, to);
      return map;
    },
  ));
  agent.destroy();
  return rows;
}
