/**
 * Figure 2: each function as CDK deploys it (infra/bundling/build.ts, `deployed`) beside the same
 * function built as before issue 15 (`baseline`, the NodejsFunction options of then, frozen), on
 * the Node major the functions deploy with and on Node 20 (bench/node.ts):
 * - KB loaded at init: the entry file and the chunks it imports statically (a chunk loaded by
 *   `import()`, such as the SES client's, is read only when first used), and how much of it is the SDK;
 * - module init: how long a fresh `node` takes to import the bundle (wall and CPU time, measured
 *   in the process around the `import()`), median over RUNS rounds; in each round every bundle runs
 *   once on each Node, in turn, so the before/after ratios come from the same minutes of the same machine;
 * - import + first call, for three representative functions: a fresh process imports the bundle
 *   and answers one real request against the local stack's DynamoDB Local (and SES emulator).
 * Two floor rows bundle only the DynamoDB document client: with the baseline's (the default)
 * bundling, the floor the targets compare against, and with the deployed build.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { routeList } from '#functions/routes.js';
import { buildEntry, type BuildProfile, type BuiltFunction } from '../infra/bundling/build.js';
import { RUNTIME_ENVIRONMENT } from '../infra/constructs/function.js';
import { handlerEnvironment, type LocalStack } from '../infra/local/stack.js';
import { issueToken } from '../infra/local/cognito.js';
import { buildEvent } from '../infra/local/gateway-event.js';
import { COMPARISON_NODE, DEPLOYED_NODE, nodeBinary } from './node.js';

/** One build of one function (or floor) and its init time on each Node. */
export interface BuildFigures {
  kbAtInit: number;
  /** Everything the asset holds (JavaScript only). */
  kbTotal: number;
  /** Of `kbAtInit`, @aws-sdk/* and @smithy/*. */
  sdkKbAtInit: number;
  sesAtInit: boolean;
  /** Median module init (ms, wall) per Node version (`24.22.3`, `20.20.2`). */
  initMs: Record<string, number>;
  /** Median CPU time of the same imports (all the process's threads): steadier than wall time on a shared machine. */
  initCpuMs: Record<string, number>;
}

export interface BundleRow {
  fn: string;
  /** A floor row: not a function, the DynamoDB document client alone. */
  floor?: boolean;
  sendsMail: boolean;
  /** Whether the SES client is in the bundle at all (only where mail is sent). */
  ses: boolean;
  baseline: BuildFigures;
  deployed: BuildFigures;
}

export interface FirstCallRow {
  fn: string;
  route: string;
  status: number;
  /** Per build and Node version: median ms of import, of the first call, and of both (in the process, from its first line). */
  ms: Record<BuildProfile, Record<string, { importMs: number; callMs: number; totalMs: number }>>;
}

export interface BundleFigures {
  nodes: { deployed: string; comparison: string };
  runs: number;
  rows: BundleRow[];
  firstCalls: FirstCallRow[];
}

const RUNS = 11;
const FIRST_CALL_RUNS = 7;
const PROFILES: BuildProfile[] = ['baseline', 'deployed'];

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};
const kb = (bytes: number): number => Math.round(bytes / 102.4) / 10;
const ms = (x: number): number => Math.round(x * 10) / 10;

const FLOOR_SOURCE = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));`;

/** What a function reads at init in AWS (shared/config.ts, the SDK), with no endpoint overrides. */
function awsLikeEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...handlerEnvironment({ tableName: 'bench', dynamodbEndpoint: '', sesEndpoint: '', portalUrl: 'https://portal.example.com', cursorSecret: 'bench' }),
    ...RUNTIME_ENVIRONMENT,
    AWS_SESSION_TOKEN: 'bench',
  };
  delete env.DYNAMODB_ENDPOINT;
  delete env.SES_ENDPOINT;
  // The SDK warns at load on Node < 22: printing it is not init work on Lambda's Node 24.
  env.NODE_NO_WARNINGS = '1';
  return env;
}

/** The child of one init run: how long importing the bundle takes, in wall and CPU time, from the process's first line of ours. */
const INIT_SCRIPT = `const cpu = process.cpuUsage();
const start = performance.now();
await import(process.argv[2]);
const wallMs = performance.now() - start;
const used = process.cpuUsage(cpu);
process.stdout.write(JSON.stringify({ wallMs, cpuMs: (used.user + used.system) / 1000 }));
process.exit(0);
`;

function importMs(node: string, script: string, file: string, env: NodeJS.ProcessEnv): { wallMs: number; cpuMs: number } {
  const r = spawnSync(node, [script, file], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0) throw new Error(`${file}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(r.stdout) as { wallMs: number; cpuMs: number };
}

interface Target {
  fn: string;
  floor: boolean;
  sendsMail: boolean;
  builds: Record<BuildProfile, BuiltFunction>;
}

export async function measureBundles(stack: LocalStack): Promise<BundleFigures> {
  const nodes = { deployed: nodeBinary(DEPLOYED_NODE), comparison: nodeBinary(COMPARISON_NODE) };
  const versions: [string, string][] = [[DEPLOYED_NODE, nodes.deployed], [COMPARISON_NODE, nodes.comparison]];
  // The sweep sends the reminder and trial-ended emails; routes say so in their permissions.
  const functions = new Map<string, boolean>([['sweep/handler', true]]);
  for (const r of routeList) functions.set(r.handler, Boolean((r.permissions as { email?: boolean }).email));
  const dir = mkdtempSync(join(tmpdir(), 'tenancy-bundles-'));
  try {
    const targets: Target[] = [];
    const buildBoth = async (fn: string, entry: Parameters<typeof buildEntry>[0]) =>
      Object.fromEntries(await Promise.all(PROFILES.map(async (p) => [p, await buildEntry(entry, join(dir, p, fn.replace(/[^a-z0-9/-]/gi, '_')), p)] as const))) as Record<BuildProfile, BuiltFunction>;
    targets.push({ fn: 'floor: DynamoDB document client', floor: true, sendsMail: false, builds: await buildBoth('floor', { source: FLOOR_SOURCE }) });
    for (const [fn, sendsMail] of [...functions].sort(([a], [b]) => a.localeCompare(b))) {
      targets.push({ fn, floor: false, sendsMail, builds: await buildBoth(fn, { handler: fn }) });
    }
    console.log(`  built ${targets.length - 1} functions twice (baseline, deployed); timing ${RUNS} rounds on Node ${DEPLOYED_NODE} and ${COMPARISON_NODE}…`);

    const env = awsLikeEnvironment();
    const script = join(dir, 'init.mjs');
    writeFileSync(script, INIT_SCRIPT);
    const times = new Map<string, { wallMs: number; cpuMs: number }[]>();
    const record = (key: string, t: { wallMs: number; cpuMs: number }) => (times.get(key) ?? times.set(key, []).get(key)!).push(t);
    for (const [, node] of versions) for (const t of targets) importMs(node, script, t.builds.deployed.entry, env); // warm the file cache
    for (let round = 0; round < RUNS; round++) {
      for (const [version, node] of versions) {
        for (const t of targets) for (const p of PROFILES) record(`${version} ${p} ${t.fn}`, importMs(node, script, t.builds[p].entry, env));
      }
    }
    const init = (version: string, p: BuildProfile, fn: string, of: 'wallMs' | 'cpuMs' = 'wallMs') => ms(median(times.get(`${version} ${p} ${fn}`)!.map((x) => x[of])));

    const rows: BundleRow[] = targets.map((t) => {
      const figures = (p: BuildProfile): BuildFigures => ({
        kbAtInit: kb(t.builds[p].initBytes),
        kbTotal: kb(t.builds[p].totalBytes),
        sdkKbAtInit: kb(t.builds[p].sdkInitBytes),
        sesAtInit: t.builds[p].sesAtInit,
        initMs: Object.fromEntries(versions.map(([v]) => [v, init(v, p, t.fn)])),
        initCpuMs: Object.fromEntries(versions.map(([v]) => [v, init(v, p, t.fn, 'cpuMs')])),
      });
      const row: BundleRow = { fn: t.fn, sendsMail: t.sendsMail, ses: t.builds.deployed.ses, baseline: figures('baseline'), deployed: figures('deployed'), ...(t.floor ? { floor: true } : {}) };
      console.log(`  ${t.fn}: ${row.baseline.kbAtInit} → ${row.deployed.kbAtInit} KB at init; Node ${DEPLOYED_NODE} ${row.baseline.initMs[DEPLOYED_NODE]} → ${row.deployed.initMs[DEPLOYED_NODE]} ms; Node ${COMPARISON_NODE} ${row.baseline.initMs[COMPARISON_NODE]} → ${row.deployed.initMs[COMPARISON_NODE]} ms`);
      return row;
    });

    const firstCalls = await measureFirstCalls(stack, dir, versions, targets);
    return { nodes: { deployed: DEPLOYED_NODE, comparison: COMPARISON_NODE }, runs: RUNS, rows, firstCalls };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The child of one first-call run: import, one call, the three instants; then exit (keep-alive sockets would hold it). */
const FIRST_CALL_SCRIPT = `const start = performance.now();
const { handler } = await import(process.argv[2]);
const imported = performance.now();
const event = JSON.parse(process.env.BENCH_EVENT);
const context = { awsRequestId: event.requestContext.requestId, functionName: 'bench', functionVersion: '$LATEST', memoryLimitInMB: '1024',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:bench', logGroupName: '/aws/lambda/bench', logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true, getRemainingTimeInMillis: () => 10000, done() {}, fail() {}, succeed() {} };
const result = await handler(event, context);
const answered = performance.now();
process.stdout.write(JSON.stringify({ importMs: imported - start, callMs: answered - imported, totalMs: answered - start, status: result.statusCode }));
process.exit(0);
`;

interface Call {
  fn: string;
  route: string;
  status: number;
  /** A fresh request each run (a new invitee for the invitation). */
  request: () => { method: string; url: string; headers: Record<string, string>; body?: unknown; params: Record<string, string>; claims?: Record<string, unknown> };
}

/** Three functions a portal and a fleet call most: a read, a create that sends mail, device ingest. */
async function measureFirstCalls(stack: LocalStack, dir: string, versions: [string, string][], targets: Target[]): Promise<FirstCallRow[]> {
  const { info } = stack;
  const api = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
    const res = await fetch(`${info.apiUrl}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const json = (await res.json().catch(() => undefined)) as any;
    if (res.status >= 300) throw new Error(`bench set-up ${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const owner = await issueToken(info, `cold-${randomUUID().slice(0, 8)}@example.com`, { givenName: 'Cold', familyName: 'Start' });
  const bearer = { authorization: `Bearer ${owner.idToken}` };
  const me = await api('POST', '/signup', bearer, { givenName: 'Cold', familyName: 'Start', organizationName: 'Cold Start Org' });
  const orgId = me.organizations[0].id as string;
  const workspaceId = me.workspaces[0].id as string;
  const device = await api('POST', `/workspaces/${workspaceId}/devices`, bearer, { name: 'thermo-1' });
  await api('POST', `/workspaces/${workspaceId}/streams`, bearer, { name: 'temperature' });
  const claims = JSON.parse(Buffer.from(owner.idToken.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

  const calls: Call[] = [
    { fn: 'orgs/get', route: 'GET /orgs/{orgId}', status: 200, request: () => ({ method: 'GET', url: `/orgs/${orgId}`, headers: bearer, params: { orgId }, claims }) },
    {
      fn: 'invitations/create', route: 'POST /orgs/{orgId}/invitations', status: 201,
      request: () => ({ method: 'POST', url: `/orgs/${orgId}/invitations`, headers: bearer, body: { email: `invitee-${randomUUID().slice(0, 8)}@example.com`, role: 'editor' }, params: { orgId }, claims }),
    },
    {
      fn: 'ingest/post', route: 'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}', status: 202,
      request: () => ({
        method: 'POST', url: `/ingest/${workspaceId}/devices/thermo-1/streams/temperature`, headers: { authorization: `Device ${device.deviceKey as string}` },
        body: { t: 21.5 }, params: { workspaceId, deviceName: 'thermo-1', streamName: 'temperature' },
      }),
    },
  ];
  const script = join(dir, 'first-call.mjs');
  writeFileSync(script, FIRST_CALL_SCRIPT);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...handlerEnvironment({ tableName: info.tableName, dynamodbEndpoint: info.dynamodbEndpoint, sesEndpoint: info.sesEndpoint, portalUrl: 'https://portal.example.com', cursorSecret: 'bench' }),
    ...RUNTIME_ENVIRONMENT,
    NODE_NO_WARNINGS: '1',
  };
  const runOnce = (node: string, entry: string, call: Call) => {
    const r = call.request();
    const headers = { host: 'localhost', 'user-agent': 'bench', ...r.headers, ...(r.body === undefined ? {} : { 'content-type': 'application/json' }) };
    const event = buildEvent(
      { method: r.method, url: r.url, rawHeaders: Object.entries(headers).flat(), body: Buffer.from(r.body === undefined ? '' : JSON.stringify(r.body)), sourceIp: '127.0.0.1', protocol: 'HTTP/1.1', port: 443 },
      { route: routeList.find((x) => x.key === call.route)!, params: r.params },
      r.claims === undefined ? {} : { claims: r.claims },
    );
    const out = spawnSync(node, [script, entry], { env: { ...env, BENCH_EVENT: JSON.stringify(event) }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (out.status !== 0) throw new Error(`first call of ${call.fn}: ${out.stderr.slice(0, 500)}`);
    const figures = JSON.parse(out.stdout) as { importMs: number; callMs: number; totalMs: number; status: number };
    if (figures.status !== call.status) throw new Error(`first call of ${call.fn}: ${figures.status}, expected ${call.status}`);
    return figures;
  };
  const samples = new Map<string, { importMs: number; callMs: number; totalMs: number }[]>();
  for (let round = 0; round < FIRST_CALL_RUNS; round++) {
    for (const [version, node] of versions) {
      for (const call of calls) {
        const target = targets.find((t) => t.fn === call.fn)!;
        for (const p of PROFILES) {
          const key = `${version} ${p} ${call.fn}`;
          (samples.get(key) ?? samples.set(key, []).get(key)!).push(runOnce(node, target.builds[p].entry, call));
        }
      }
    }
  }
  return calls.map((call) => {
    const row: FirstCallRow = { fn: call.fn, route: call.route, status: call.status, ms: { baseline: {}, deployed: {} } };
    for (const p of PROFILES) {
      for (const [version] of versions) {
        const s = samples.get(`${version} ${p} ${call.fn}`)!;
        row.ms[p][version] = { importMs: ms(median(s.map((x) => x.importMs))), callMs: ms(median(s.map((x) => x.callMs))), totalMs: ms(median(s.map((x) => x.totalMs))) };
      }
    }
    console.log(`  first call ${call.fn}: Node ${DEPLOYED_NODE} ${row.ms.baseline[DEPLOYED_NODE]!.totalMs} → ${row.ms.deployed[DEPLOYED_NODE]!.totalMs} ms`);
    return row;
  });
}
