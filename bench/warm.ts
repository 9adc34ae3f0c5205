/**
 * Figure 8: the warm path (issue 15). What the request wrapper (`api()`, shared/http/api.ts) costs
 * per request once a function is warm, stage by stage, for two routes a portal calls most.
 *
 * In the bench's process, against the bench's local stack (DynamoDB Local), with the event the
 * local gateway would pass (`buildEvent`) and a real ID token's claims:
 * - for each k, a middy chain of the wrapper's first k stages (`middlewares(spec)`, the very
 *   stages `api()` uses) around an operation that does nothing; a stage's cost is the chain with it
 *   minus the chain without it. In these chains the authorization stage hands over the access it
 *   loaded once, so no database round trip's variance swamps the stages around it;
 * - the chain with the real authorization (one BatchGet to DynamoDB Local: its CPU is the SDK's
 *   marshalling, signing and HTTP on our side, its wall time includes the database);
 * - the function's own handler (the real operation), whose cost beyond the whole chain is the
 *   operation: its reads beyond authorization, if any, and its view;
 * - `respond` alone (status, ETag, JSON of the same body).
 * CPU is `process.cpuUsage()` (user + system) over a batch of sequential requests, per request;
 * every chain runs one batch per round, in turn, and the figure is the median over the rounds.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { routeList } from '#functions/routes.js';
import { middlewares, respond } from '#http/api.js';
import type { RouteSpec } from '#http/route.js';
import type { LocalStack } from '../infra/local/stack.js';
import { issueToken } from '../infra/local/cognito.js';
import { buildEvent } from '../infra/local/gateway-event.js';
import { functionNameOf, lambdaContext, moduleLoader } from '../infra/local/gateway-handlers.js';

export interface WarmStage {
  stage: string;
  /** CPU per request this stage adds, µs (median over rounds; a difference of two medians, so it can read slightly below 0 for a stage that costs nearly nothing). */
  cpuUs: number;
  /** Wall time per request it adds, µs. */
  wallUs: number;
}

export interface WarmRow {
  route: string;
  fn: string;
  node: string;
  requests: number;
  rounds: number;
  stages: WarmStage[];
  /** Every stage, with the access as authorization loaded it (no I/O): what the wrapper itself costs per request. */
  wrapperCpuUs: number;
  /** The whole handler (wrapper + operation), CPU and wall per request. */
  handlerCpuUs: number;
  handlerWallUs: number;
  /** respond(): status, headers and the JSON of the body the operation returned. */
  respondUs: number;
  /** The response body's size, bytes. */
  bodyBytes: number;
}

/** Requests per batch through the database (the real authorization, the whole handler), and through the chains without I/O. */
const BATCH = Number(process.env.BENCH_WARM_BATCH ?? 300);
const CPU_BATCH = BATCH * 4;
const ROUNDS = Number(process.env.BENCH_WARM_ROUNDS ?? 11);

type Handler = (event: unknown, context: Context) => Promise<{ statusCode?: number; body?: string; headers?: Record<string, string> }>;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const round1 = (x: number): number => Math.round(x * 10) / 10;

/** CPU and wall µs per request of `BATCH` sequential requests, each on a fresh copy of the event. */
async function batch(handler: Handler, event: unknown, fnName: string, expected: number, size: number): Promise<{ cpuUs: number; wallUs: number }> {
  const events = Array.from({ length: size }, () => structuredClone(event));
  const contexts = events.map(() => lambdaContext(fnName, 'us-east-1'));
  const cpu = process.cpuUsage();
  const start = performance.now();
  for (let i = 0; i < size; i++) {
    const result = await handler(events[i], contexts[i]!);
    if (result.statusCode !== expected) throw new Error(`warm path ${fnName}: ${result.statusCode} ${result.body ?? ''}`);
  }
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { cpuUs: (used.user + used.system) / size, wallUs: (wall * 1000) / size };
}

export async function measureWarm(stack: LocalStack): Promise<WarmRow[]> {
  const { info } = stack;
  const email = `warm-${randomUUID().slice(0, 8)}@example.com`;
  const owner = await issueToken(info, email, { givenName: 'Warm', familyName: 'Path' });
  const signup = await fetch(`${info.apiUrl}/signup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${owner.idToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ givenName: 'Warm', familyName: 'Path', organizationName: 'Warm Path Org' }),
  });
  if (signup.status !== 201) throw new Error(`warm path set-up: sign-up ${signup.status}`);
  const me = (await signup.json()) as { organizations: { id: string }[] };
  const orgId = me.organizations[0]!.id;
  const claims = JSON.parse(Buffer.from(owner.idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  const load = moduleLoader();

  const cases = [
    { key: 'GET /orgs/{orgId}', url: `/orgs/${orgId}`, params: { orgId } },
    { key: 'GET /orgs/{orgId}/members', url: `/orgs/${orgId}/members?limit=20&sort=name`, params: { orgId } },
  ];
  const rows: WarmRow[] = [];
  for (const c of cases) {
    const route = routeList.find((r) => r.key === c.key)!;
    const spec = route as RouteSpec;
    const headers = { host: 'localhost', 'user-agent': 'bench', accept: 'application/json', authorization: `Bearer ${owner.idToken}` };
    const event = buildEvent(
      { method: 'GET', url: c.url, rawHeaders: Object.entries(headers).flat(), body: Buffer.alloc(0), sourceIp: '127.0.0.1', protocol: 'HTTP/1.1', port: 443 },
      { route, params: c.params },
      { claims },
    );
    const fnName = functionNameOf(spec.handler);
    const real = Object.entries(middlewares(spec));
    const noop = async () => ({ statusCode: 200 });
    const chain = (ms: [string, unknown][]): Handler => middy().use(ms.map(([, m]) => m) as never[]).handler(noop) as unknown as Handler;
    // The access the authorization stage loads, captured once: the wrapper's other stages are then
    // timed without a database round trip in the chain (its variance would swamp them).
    let loaded: unknown;
    const upToAuthorization = real.slice(0, real.findIndex(([name]) => name === 'authorization') + 1);
    await middy().use(upToAuthorization.map(([, m]) => m) as never[]).handler(async (_e: unknown, ctx: any) => {
      loaded = ctx.tenancy.access;
      return { statusCode: 200 };
    })(structuredClone(event), lambdaContext(fnName, 'us-east-1'));
    if (loaded === undefined) throw new Error(`warm path ${c.key}: authorization loaded no access`);
    const stages = real.map(([name, m]): [string, unknown] =>
      name === 'authorization' ? ['authorization (access as loaded)', { before: ({ context }: any) => void (context.tenancy.access = loaded) }] : [name, m]);
    // chains[k]: the first k stages around an operation that does nothing, no I/O.
    const chains: Handler[] = stages.map((_, k) => chain(stages.slice(0, k)));
    chains.push(chain(stages));
    const withDatabase = chain(real);
    const full = (await load(spec.handler)) as unknown as Handler;

    // Warm every chain (first calls build schemas' caches, open sockets) before measuring.
    for (const h of [...chains, withDatabase, full]) for (let i = 0; i < 50; i++) await h(structuredClone(event), lambdaContext(fnName, 'us-east-1'));
    const chainSamples = chains.map(() => ({ cpu: [] as number[], wall: [] as number[] }));
    const dbSamples = { cpu: [] as number[], wall: [] as number[] };
    const fullSamples = { cpu: [] as number[], wall: [] as number[] };
    const push = (into: { cpu: number[]; wall: number[] }, s: { cpuUs: number; wallUs: number }) => {
      into.cpu.push(s.cpuUs);
      into.wall.push(s.wallUs);
    };
    for (let r = 0; r < ROUNDS; r++) {
      for (const [k, h] of chains.entries()) push(chainSamples[k]!, await batch(h, event, fnName, 200, CPU_BATCH));
      push(dbSamples, await batch(withDatabase, event, fnName, 200, BATCH));
      push(fullSamples, await batch(full, event, fnName, spec.status, BATCH));
    }
    const cpuAt = chainSamples.map((s) => median(s.cpu));
    const wallAt = chainSamples.map((s) => median(s.wall));
    const rowStages: WarmStage[] = [
      { stage: '(event copy, context, middy)', cpuUs: round1(cpuAt[0]!), wallUs: round1(wallAt[0]!) },
      ...stages.map(([name], k) => ({ stage: name, cpuUs: round1(cpuAt[k + 1]! - cpuAt[k]!), wallUs: round1(wallAt[k + 1]! - wallAt[k]!) })),
    ];
    const dbCpu = median(dbSamples.cpu);
    const dbWall = median(dbSamples.wall);
    rowStages.push({ stage: 'authorization: its BatchGet (SDK on our side; wall includes DynamoDB Local)', cpuUs: round1(dbCpu - cpuAt.at(-1)!), wallUs: round1(dbWall - wallAt.at(-1)!) });
    const handlerCpuUs = median(fullSamples.cpu);
    rowStages.push({ stage: 'operation (reads beyond authorization, view, respond)', cpuUs: round1(handlerCpuUs - dbCpu), wallUs: round1(median(fullSamples.wall) - dbWall) });

    // respond() alone, on the body the operation returned.
    const answer = await full(structuredClone(event), lambdaContext(fnName, 'us-east-1'));
    const body = JSON.parse(answer.body ?? 'null') as unknown;
    const reply = { body, ...(spec.etag ? { version: 1 } : {}) };
    const n = 20_000;
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) respond(spec, reply as never);
    const used = process.cpuUsage(t);

    rows.push({
      route: c.key,
      fn: spec.handler,
      node: process.version,
      requests: BATCH,
      rounds: ROUNDS,
      stages: rowStages,
      wrapperCpuUs: round1(cpuAt.at(-1)! - cpuAt[0]!),
      handlerCpuUs: round1(handlerCpuUs),
      handlerWallUs: round1(median(fullSamples.wall)),
      respondUs: round1((used.user + used.system) / n),
      bodyBytes: Buffer.byteLength(answer.body ?? ''),
    });
  }
  return rows;
}
