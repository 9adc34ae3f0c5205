/**
 * `npm run bench`: measures the service on this machine and writes bench/results.json and
 * bench/results.md. Figures (issue 7): 1 DynamoDB round trips/capacity per route, 2 bundle
 * size and module init per function, 3 latency through the local gateway vs the DynamoDB
 * floor, 4 throughput (autocannon), 5 scaling (trial sweep, member directory), 6 the local
 * stack step by step (issue 16; also written into the README), 7 cost at scale (issue 15; computed
 * from figures 1, 2, 3 and 5 and the prices in bench/cost.ts, no stack), 8 the warm path (the
 * request wrapper per request, stage by stage). A run of some parts only
 * (`npm run bench -- local`) keeps the other parts' figures of the previous results.json, each
 * with the date it was measured.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startLocalStack } from '../infra/local/stack.js';
import type { DirectoryRow, RouteRow } from './routes.js';
import type { BundleFigures } from './bundles.js';
import type { LatencyRow } from './latency.js';
import type { ThroughputRow } from './throughput.js';
import type { SweepRow } from './sweep-scaling.js';
import type { LocalStepRow } from './local-stack.js';
import type { CostFigure } from './cost.js';
import type { WarmRow } from './warm.js';
import type { PortalFigure } from './portal.js';

// The SDK's notice about Node 20 support, once per client: noise in a benchmark's output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const here = fileURLToPath(new URL('.', import.meta.url));
/** Where results.json and results.md go (BENCH_RESULTS_DIR for a trial run that must not touch bench/). */
const outDir = process.env.BENCH_RESULTS_DIR === undefined ? here : `${process.env.BENCH_RESULTS_DIR.replace(/\/$/, '')}/`;
const started = Date.now();
const only = new Set(process.argv.slice(2)); // e.g. `npm run bench -- routes bundles sweep`
const want = (part: string): boolean => only.size === 0 || only.has(part);

const cpus = os.cpus();
const machine = {
  cpu: `${cpus[0]?.model ?? 'unknown'} × ${cpus.length}`,
  memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
  node: process.version,
  platform: `${os.platform()} ${os.release()} ${os.arch()}`,
};
const date = new Date().toISOString();

let routes: RouteRow[] = [];
let directory: DirectoryRow[] = [];
let figure2: BundleFigures | undefined;
let sweep: SweepRow[] = [];
let latency: LatencyRow[] = [];
let throughput: ThroughputRow[] = [];
let local: LocalStepRow[] = [];
let warm: WarmRow[] = [];
let portal: PortalFigure | null = null;

const PARTS = ['routes', 'directory', 'bundles', 'latency', 'throughput', 'sweep', 'local', 'warm', 'portal'] as const;
type Part = (typeof PARTS)[number];
/** The previous results, for the parts this run does not measure. */
type Machine = typeof machine;
const previous = only.size > 0 && existsSync(`${outDir}results.json`)
  ? (JSON.parse(readFileSync(`${outDir}results.json`, 'utf8')) as Record<string, unknown> & { date?: string; machine?: Machine; measuredAt?: Partial<Record<Part, string>>; measuredOn?: Partial<Record<Part, Machine>> })
  : undefined;
/** When, and on which machine, each part's figures were taken (null: never). */
const measuredAt = {} as Record<Part, string | null>;
const measuredOn = {} as Record<Part, Machine | null>;
for (const part of PARTS) {
  const before = previous?.[part] === undefined ? null : part;
  measuredAt[part] = want(part) ? date : (previous?.measuredAt?.[part] ?? (before && (previous?.date ?? null)));
  measuredOn[part] = want(part) ? machine : (previous?.measuredOn?.[part] ?? (before && (previous?.machine ?? null)));
}
const kept = <T>(part: Part): T[] => (previous?.[part] as T[] | undefined) ?? [];

// One local stack for figures 1, 2 (its first calls), 3, 4 and the directory: the handlers'
// DynamoDB client is created once per process, with the endpoint of the first stack. Each figure
// signs up its own users and organizations and reads only those.
if (want('routes') || want('directory') || want('latency') || want('throughput') || want('bundles') || want('warm')) {
  console.log('Starting the local stack…');
  const stack = await startLocalStack({ ports: { api: 0, dynamodb: 0, cognito: 0, ses: 0, admin: 0 }, quiet: true });
  try {
    if (want('latency')) {
      console.log('Figure 3: latency through the local gateway vs the DynamoDB floor…');
      const { measureLatency } = await import('./latency.js'); // each part loads only when asked for
      latency = await measureLatency(stack);
    }
    if (want('throughput')) {
      console.log('Figure 4: throughput (autocannon, 10 connections)…');
      const { measureThroughput } = await import('./throughput.js');
      throughput = await measureThroughput(stack);
    }
    if (want('routes') || want('directory')) {
      console.log('Figure 1 and directory scaling…');
      const { measureRoutes } = await import('./routes.js');
      ({ routes, directory } = await measureRoutes(stack));
    }
    if (want('warm')) {
      console.log('Figure 8: the warm path, the request wrapper stage by stage…');
      const { measureWarm } = await import('./warm.js');
      warm = await measureWarm(stack);
    }
    if (want('bundles')) {
      console.log('Figure 2: every function built as deployed and as before, module init and first calls…');
      const { measureBundles } = await import('./bundles.js');
      figure2 = await measureBundles(stack);
    }
  } finally {
    await stack.stop();
  }
}
if (want('sweep')) {
  console.log('Figure 5: the trial sweep at 1,000 and 10,000 organizations…');
  // Its own process: it sets up its own DynamoDB Local, table and handler configuration.
  const out = execFileSync(process.execPath, ['--import', 'tsx', `${here}sweep-scaling.ts`, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  sweep = JSON.parse(out.trim().split('\n').at(-1)!) as SweepRow[];
}
if (want('local')) {
  console.log('Figure 6: the local stack, step by step (npm start, demo, sweep, quickstart, stop)…');
  const { measureLocalStack } = await import('./local-stack.js');
  local = await measureLocalStack();
}
// A partial run keeps what the previous run measured of the other parts.
if (!want('routes')) routes = kept('routes');
if (!want('directory')) directory = kept('directory');
if (!want('bundles')) {
  const before = previous?.bundles as BundleFigures | BundleFigures['rows'] | null | undefined;
  // Results from before figure 2 compared builds held a bare list: nothing to keep of them.
  figure2 = before && !Array.isArray(before) ? before : undefined;
}
const bundles = figure2?.rows ?? [];
if (!want('latency')) latency = kept('latency');
if (!want('throughput')) throughput = kept('throughput');
if (!want('sweep')) sweep = kept('sweep');
if (!want('local')) local = kept('local');
if (!want('warm')) warm = kept('warm');
if (want('portal')) {
  console.log("Figure 9: the portal's first load (JS + CSS, gzip)…");
  portal = await (await import('./portal.js')).measurePortal();
} else {
  portal = (previous?.portal as PortalFigure | null | undefined) ?? null;
}

// Figure 7: computed from the figures above (measured now or kept), no stack; `npm run bench -- cost`
// measures nothing and rewrites results.md with it.
// Always recomputed from the figures this file holds, so results.md never pairs a cost with other figures.
let cost: CostFigure | null = null;
let costLines: string[] = [];
if (routes.length > 0 && figure2 !== undefined && latency.length > 0 && sweep.length > 0) {
  const { ASSUMPTIONS, PORTAL_MIX, PRICES, computeCost, costMarkdown } = await import('./cost.js');
  const { API_FUNCTION } = await import('../infra/api-settings.js');
  const inputs = { routes, latency, bundles: figure2, sweep, memoryMb: API_FUNCTION.memoryMb, prices: PRICES, mix: PORTAL_MIX, assumptions: ASSUMPTIONS };
  cost = computeCost(inputs);
  const from = (['routes', 'bundles', 'latency', 'sweep'] as const).map((p) => `${p} ${measuredAt[p]?.slice(0, 10) ?? '–'}`).join(', ');
  costLines = costMarkdown(cost, inputs, from);
}

// ── Targets ──
const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b === 0 ? null : Math.round((a / b) * 100) / 100;
const dirDefault = ratio(directory.find((d) => d.members === 5_000 && d.sort === 'default')?.medianMs, directory.find((d) => d.members === 50 && d.sort === 'default')?.medianMs);
const dirName = ratio(directory.find((d) => d.members === 5_000 && d.sort === 'name')?.medianMs, directory.find((d) => d.members === 50 && d.sort === 'name')?.medianMs);
const sweepItems = ratio(sweep[1]?.indexItemsRead, sweep[0]?.indexItemsRead);
const sweepTime = ratio(sweep[1]?.ms, sweep[0]?.ms);
const authRow = routes.find((r) => r.route === 'GET /orgs/{orgId}');
const functions = bundles.filter((b) => !b.floor);
const floor = bundles.find((b) => b.floor);
const deployedNode = figure2?.nodes.deployed ?? '';
const comparisonNode = figure2?.nodes.comparison ?? '';
/** after / before of a function's init on the deployed Node. */
const initRatio = (b: (typeof bundles)[number], node = deployedNode, of: 'initMs' | 'initCpuMs' = 'initMs'): number => Math.round((b.deployed[of][node]! / b.baseline[of][node]!) * 100) / 100;
const senders = functions.filter((b) => b.sendsMail);
const others = functions.filter((b) => !b.sendsMail);
const range = (xs: number[]): string => (xs.length === 0 ? '–' : `${Math.min(...xs)}–${Math.max(...xs)}`);
const medianOf = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const targets = {
  routesAtMinimum: routes.length === 0 ? null : routes.every((r) => r.ok),
  authorizationOneRoundTrip: authRow === undefined ? null : authRow.requests === 1,
  nonSendersAtInitAtMost300KB: others.length === 0 ? null : others.every((b) => b.deployed.kbAtInit <= 300),
  sendersAtInitAtMost350KB: senders.length === 0 ? null : senders.every((b) => b.deployed.kbAtInit <= 350),
  sesOnlyWhereMailIsSent: functions.length === 0 ? null : functions.every((b) => b.ses === b.sendsMail),
  sesNotLoadedAtInit: functions.length === 0 ? null : functions.every((b) => !b.deployed.sesAtInit),
  initAtMostHalfOfBaseline: functions.length === 0 ? null : functions.every((b) => initRatio(b) <= 0.5),
  initAtMostFloor: functions.length === 0 || floor === undefined ? null : functions.every((b) => b.deployed.initMs[deployedNode]! <= floor.baseline.initMs[deployedNode]!),
  sweepItemsRatio: sweepItems,
  sweepTimeRatio: sweepTime,
  sweepRatioAtMost1_1: sweepItems === null ? null : sweepItems <= 1.1 && (sweepTime ?? 0) <= 1.1,
  directoryDefaultRatio: dirDefault,
  directoryNameRatio: dirName,
  directoryDefaultRatioAtMost1_5: dirDefault === null ? null : dirDefault <= 1.5,
  latencyRatioUnder1_5: latency.length === 0 ? null : latency.every((l) => l.ratioMedian < 1.5),
  portalFirstLoadUnder150KB: portal === null ? null : portal.firstLoadGzipBytes < 150 * 1024,
};
const seconds = Math.round((Date.now() - started) / 1000);
const results = { date, machine, seconds, measuredAt, measuredOn, targets, routes, bundles: figure2 ?? null, latency, throughput, sweep, directory, local, cost, warm, portal };
writeFileSync(`${outDir}results.json`, `${JSON.stringify(results, null, 2)}\n`);

// ── Markdown ──
/** The machine, or, when kept figures were taken on another one, each machine with its parts. */
function machineLines(): string[] {
  const describeMachine = (m: Machine): string => `${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform}`;
  const byMachine = new Map<string, Part[]>();
  for (const part of PARTS) {
    const m = measuredOn[part];
    if (m !== null) byMachine.set(describeMachine(m), [...(byMachine.get(describeMachine(m)) ?? []), part]);
  }
  // One machine for every figure: that one (a run of `cost` alone measures nothing on this one).
  if (byMachine.size <= 1) return [`Machine: ${[...byMachine.keys()][0] ?? describeMachine(machine)}. DynamoDB Local in memory.`];
  return [[...byMachine].map(([m, parts]) => `Machine for ${parts.join(', ')}: ${m}.`).join(' ') + ' DynamoDB Local in memory.'];
}
const yes = (b: boolean | null): string => (b === null ? 'not measured' : b ? 'met' : '**missed**');
const cap = (n: number | null): string => (n === null ? 'n/a' : String(Math.round(n * 10) / 10));
const md: string[] = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${date} (${seconds} s).`,
  ...(only.size === 0 ? [] : ['', `This run measured ${[...only].join(', ')}; the other figures are kept from earlier runs: ${PARTS.filter((p) => !want(p) && measuredAt[p] !== null).map((p) => `${p} ${measuredAt[p]!.slice(0, 10)}`).join(', ') || 'none'}.`]),
  '',
  ...machineLines(),
  '',
  '## Targets',
  '',
  '| target | result |',
  '|---|---|',
  `| no route above its minimum round trips${routes.length === 0 ? '' : ` (${routes.filter((r) => r.ok).length} of ${routes.length} at it)`} | ${yes(targets.routesAtMinimum)} |`,
  `| authorization is one round trip (GET /orgs/{id}) | ${yes(targets.authorizationOneRoundTrip)} |`,
  ...(functions.length === 0 ? [] : [
    `| every function that sends no mail ≤ 300 KB loaded at init (${range(others.map((b) => b.deployed.kbAtInit))} KB; before ${range(others.map((b) => b.baseline.kbAtInit))}) | ${yes(targets.nonSendersAtInitAtMost300KB)} |`,
    `| every sender ≤ 350 KB loaded at init (${senders.map((b) => `${b.fn} ${b.deployed.kbAtInit}`).join(', ')}) | ${yes(targets.sendersAtInitAtMost350KB)} |`,
    `| SES code only in functions that send mail, and loaded on the first send, not at init | ${yes(targets.sesOnlyWhereMailIsSent === true && targets.sesNotLoadedAtInit === true)} |`,
    `| every function's module init ≤ 0.5 × its build of before, Node ${deployedNode} (ratios ${range(functions.map((b) => initRatio(b)))}, median ${medianOf(functions.map((b) => initRatio(b)))}; CPU time median ${medianOf(functions.map((b) => initRatio(b, deployedNode, 'initCpuMs')))}; Node ${comparisonNode}: median ${medianOf(functions.map((b) => initRatio(b, comparisonNode)))}) | ${yes(targets.initAtMostHalfOfBaseline)} |`,
    `| every function's module init ≤ the DynamoDB document client alone, default bundling (${floor?.baseline.initMs[deployedNode]} ms on Node ${deployedNode}; functions ${range(functions.map((b) => b.deployed.initMs[deployedNode]!))} ms) | ${yes(targets.initAtMostFloor)} |`,
  ]),
  `| sweep 10,000 / 1,000 organizations ≤ 1.1 (items ${sweepItems ?? '–'}, time ${sweepTime ?? '–'}) | ${yes(targets.sweepRatioAtMost1_1)} |`,
  `| the portal's first load (JS + CSS, gzip) < 150 KB${portal === null ? '' : ` (${(portal.firstLoadGzipBytes / 1024).toFixed(1)} KB)`} | ${yes(targets.portalFirstLoadUnder150KB)} |`,
  `| directory first page 5,000 / 50 members, default sort ≤ 1.5 (${dirDefault ?? '–'}; by name ${dirName ?? '–'}) | ${yes(targets.directoryDefaultRatioAtMost1_5)} |`,
  `| latency ratio under 1.5 (per route, gateway / floor, medians)${latency.length === 0 ? '' : `: ${latency.map((l) => `${l.route} ${l.ratioMedian}`).join(', ')}`} | ${yes(targets.latencyRatioUnder1_5)} |`,
  '',
];
if (routes.length > 0) {
  md.push('## 1. DynamoDB round trips and capacity per route', '',
    'Counted by a middleware on the handlers\' DynamoDB client (`ReturnConsumedCapacity: TOTAL`); one call per route, in route-table order. ' +
    '*Waves*: calls that overlapped in time count once (the latency a caller waits for). A count in bold is above the minimum the data model allows.', '',
    '| route | status | requests | waves | minimum | RCU | WCU | calls | minimum is |', '|---|---|---|---|---|---|---|---|---|');
  for (const r of routes) {
    md.push(`| \`${r.route}\` | ${r.status} | ${r.ok ? '' : '**'}${r.requests}${r.ok ? '' : '**'} | ${r.waves ?? '–'} | ${r.minimum} | ${cap(r.rcu)} | ${cap(r.wcu)} | ${r.commands} | ${r.why} |`);
  }
  md.push('');
}
if (figure2 !== undefined && bundles.length > 0) {
  const d = figure2.nodes.deployed;
  const c = figure2.nodes.comparison;
  const cell = (b: (typeof bundles)[number], node: string, of: 'initMs' | 'initCpuMs' = 'initMs'): string => `${b.baseline[of][node]} → ${b.deployed[of][node]} (${initRatio(b, node, of)})`;
  md.push('## 2. Bundle size and module init per function', '',
    `Each function built twice by infra/bundling/build.ts: *before* is the bundling of before issue 15 (the NodejsFunction options of then: one ESM file, minified, the whole SDK default credential chain), *after* the build CDK now deploys (code splitting, the environment's credentials only, Node built-ins through \`require\`). ` +
    `*KB at init*: the entry file and the chunks it imports statically (a chunk loaded by \`import()\`, such as the SES client's, is read on first use). ` +
    `*Init*: how long a fresh \`node\` with the function's environment (\`NODE_OPTIONS=--enable-source-maps\`) takes to \`import()\` the bundle, wall time and CPU time (all threads), median of ${figure2.runs} rounds; in each round every bundle ran once on each Node, in turn. CPU time varies less on this shared machine. ` +
    `Node ${d} is the major the functions deploy with (Lambda nodejs24.x, arm64; measured here on ${machine.platform.split(' ').at(-1)}), Node ${c} is for comparison. ` +
    'The floor row bundles only the DynamoDB document client.', '',
    `| function | sends mail | KB at init, before → after | of which SDK (after) | KB in the asset (after) | SES at init, before / after | init ms Node ${d}, before → after (ratio) | CPU ms Node ${d} | init ms Node ${c} |`,
    '|---|---|---|---|---|---|---|---|---|');
  for (const b of bundles) {
    md.push(`| ${b.floor ? `*${b.fn}*` : b.fn} | ${b.sendsMail ? 'yes' : 'no'} | ${b.baseline.kbAtInit} → ${b.deployed.kbAtInit} | ${b.deployed.sdkKbAtInit} | ${b.deployed.kbTotal} | ${b.baseline.sesAtInit ? 'yes' : 'no'} / ${b.deployed.sesAtInit ? 'yes' : 'no'} | ${cell(b, d)} | ${cell(b, d, 'initCpuMs')} | ${cell(b, c)} |`);
  }
  md.push('');
  if (figure2.firstCalls.length > 0) {
    md.push('Import + first call: a fresh process imports the bundle, then answers one request (the event the local gateway would pass) against DynamoDB Local and the SES emulator; median of 7 per build and Node, interleaved. ms from the module\'s first line: import, then the call (SDK client set-up, credentials, connection, the DynamoDB round trips, SES for the invitation).', '',
      `| route | function | status | Node ${d}: import + call, before → after (ratio) | of which the call, after | Node ${c}: before → after (ratio) |`, '|---|---|---|---|---|---|');
    for (const f of figure2.firstCalls) {
      const r = (node: string) => `${f.ms.baseline[node]!.totalMs} → ${f.ms.deployed[node]!.totalMs} (${Math.round((f.ms.deployed[node]!.totalMs / f.ms.baseline[node]!.totalMs) * 100) / 100})`;
      md.push(`| \`${f.route}\` | ${f.fn} | ${f.status} | ${r(d)} | ${f.ms.deployed[d]!.callMs} | ${r(c)} |`);
    }
    md.push('');
  }
}
if (latency.length > 0) {
  md.push('## 3. Latency through the local gateway vs the floor', '',
    'Each call goes through the local gateway (HTTP on loopback, one keep-alive connection, handlers in the bench\'s process) while a middleware on the handlers\' DynamoDB client captures its commands; ' +
    'right after it, the floor replays those commands with the same SDK client straight to DynamoDB Local (no HTTP server, no handler), commands that overlapped in the call together (`∥`), the others in turn (`→`). ' +
    'Gateway and floor alternate call by call; overhead = median of each call\'s gateway time minus its own replay\'s. Writes are replayed on fresh entities (see "floor"); every replay succeeded with the same requests, request bytes and capacity as its call.', '',
    '| route | calls | gateway median (ms) | gateway p99 | floor median | floor p99 | ratio (medians) | ratio (p99) | overhead (ms) | DynamoDB requests | shape | floor |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const l of latency) {
    const bad = l.ratioMedian >= 1.5;
    md.push(`| \`${l.route}\` | ${l.calls} | ${l.gatewayMedianMs} | ${l.gatewayP99Ms} | ${l.floorMedianMs} | ${l.floorP99Ms} | ${bad ? '**' : ''}${l.ratioMedian}${bad ? '**' : ''} | ${l.ratioP99} | ${l.overheadMedianMs} | ${l.requests} | ${l.shape} | ${l.floorMethod} |`);
  }
  md.push('');
}
if (throughput.length > 0) {
  md.push('## 4. Throughput', '',
    `autocannon (CLI, \`--json\`) in a child \`node\` process, so it does not share the event loop of the gateway it loads; ${throughput[0]!.connections} connections, a 2 s warm-up not counted, then ${throughput[0]!.seconds} s, one signed-up user's real ID token (its own org, one workspace).`, '',
    '| route | connections | requests/s (mean) | requests | latency p50 (ms) | p99 (ms) | mean (ms) | non-2xx | errors |', '|---|---|---|---|---|---|---|---|---|');
  for (const t of throughput) md.push(`| \`${t.route}\` | ${t.connections} | ${t.requestsPerSecond} | ${t.requests} | ${t.latencyP50Ms} | ${t.latencyP99Ms} | ${t.latencyMeanMs} | ${t.non2xx} | ${t.errors} |`);
  md.push('');
}
if (sweep.length > 0 || directory.length > 0) md.push('## 5. Scaling', '');
if (sweep.length > 0) {
  md.push('Trial sweep, 100 expired trials (first run from an empty watermark; see bench/sweep-scaling.ts):', '',
    '| organizations | expired trials | ended by the sweep | index items read | index Queries | time (ms) | second run |', '|---|---|---|---|---|---|---|');
  for (const s of sweep) md.push(`| ${s.organizations.toLocaleString('en')} | ${s.expired} | ${s.ended} | ${s.indexItemsRead} | ${s.indexQueries} | ${s.ms} | ${s.secondRunItems} items, ${s.secondRunChanges} changes |`);
  md.push('');
}
if (directory.length > 0) {
  md.push('Member directory, first page (`GET /orgs/{id}/members`), median of 7 through the local gateway:', '',
    '| members | sort | DynamoDB requests | RCU | items returned | median (ms) |', '|---|---|---|---|---|---|');
  for (const d of directory) md.push(`| ${d.members.toLocaleString('en')} | ${d.sort} | ${d.requests} | ${cap(d.rcu)} | ${d.itemsReturned} | ${d.medianMs} |`);
  md.push('');
}
if (local.length > 0) {
  md.push('## 6. The local stack, step by step', '',
    'Real processes, as a developer runs them (infra/local/launch.ts): the tsx CLI on infra/local/start.ts with a new data dir and free ports, then each script in turn; wall time from spawn to the banner or to the script\'s exit, one run each. The README\'s table is written from these rows.', '',
    '| step | command | seconds |', '|---|---|---|');
  for (const l of local) md.push(`| ${l.step} | \`${l.command}\` | ${l.seconds} |`);
  md.push('');
  // The README quotes these figures: rewritten here, never by hand (a unit test compares the two).
  if (want('local') && process.env.BENCH_RESULTS_DIR === undefined) {
    const { localTimingsBlock, withLocalTimings } = await import('./local-stack.js');
    const readme = `${here}../README.md`;
    writeFileSync(readme, withLocalTimings(readFileSync(readme, 'utf8'), localTimingsBlock(local, date)));
  }
}
md.push(...costLines);
if (warm.length > 0) md.push(...(await import('./warm-markdown.js')).warmMarkdown(warm));
if (portal !== null) md.push(...(await import('./portal.js')).portalMarkdown(portal));
if (latency.length > 0 || sweep.length > 0 || directory.length > 0) {
  const { chartSvg } = await import('./chart.js');
  writeFileSync(`${outDir}results.svg`, await chartSvg({ latency, sweep, directory }));
  md.splice(md.indexOf('## Targets'), 0, '![Latency per route beside its floor; the scaling runs](results.svg)', '');
}
writeFileSync(`${outDir}results.md`, `${md.join('\n')}\n`);
// The summary: the targets; the tables are in the files.
console.log(md.slice(md.indexOf('## Targets'), md.indexOf('', md.indexOf('| target | result |'))).join('\n'));
console.log(`\nWritten in ${seconds} s: ${outDir}results.md, results.json${latency.length + sweep.length + directory.length > 0 ? ', results.svg' : ''}`);
