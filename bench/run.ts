/**
 * `npm run bench`: measures the service on this machine and writes bench/results.json and
 * bench/results.md. Figures (issue 7): 1 DynamoDB round trips/capacity per route, 2 bundle
 * size and module init per function, 5 scaling (trial sweep, member directory).
 * Figures 3 (latency) and 4 (throughput) are not measured yet.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startLocalStack } from '../infra/local/stack.js';
import { measureRoutes, type DirectoryRow, type RouteRow } from './routes.js';
import { measureBundles, type BundleRow } from './bundles.js';
import type { SweepRow } from './sweep-scaling.js';

const here = fileURLToPath(new URL('.', import.meta.url));
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
let bundles: BundleRow[] = [];
let sweep: SweepRow[] = [];

if (want('routes') || want('directory')) {
  console.log('Figure 1 and directory scaling: starting the local stack…');
  const stack = await startLocalStack({ ports: { api: 0, dynamodb: 0, cognito: 0, ses: 0 }, quiet: true });
  try {
    ({ routes, directory } = await measureRoutes(stack));
  } finally {
    await stack.stop();
  }
}
if (want('bundles')) {
  console.log('Figure 2: bundling every function…');
  bundles = await measureBundles();
}
if (want('sweep')) {
  console.log('Figure 5: the trial sweep at 1,000 and 10,000 organizations…');
  // Its own process: it sets up its own DynamoDB Local, table and handler configuration.
  const out = execFileSync(process.execPath, ['--import', 'tsx', `${here}sweep-scaling.ts`, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  sweep = JSON.parse(out.trim().split('\n').at(-1)!) as SweepRow[];
}

// ── Targets ──
const ratio = (a: number | undefined, b: number | undefined): number | null =>
  a === undefined || b === undefined || b === 0 ? null : Math.round((a / b) * 100) / 100;
const dirDefault = ratio(directory.find((d) => d.members === 5_000 && d.sort === 'default')?.medianMs, directory.find((d) => d.members === 50 && d.sort === 'default')?.medianMs);
const dirName = ratio(directory.find((d) => d.members === 5_000 && d.sort === 'name')?.medianMs, directory.find((d) => d.members === 50 && d.sort === 'name')?.medianMs);
const sweepItems = ratio(sweep[1]?.indexItemsRead, sweep[0]?.indexItemsRead);
const sweepTime = ratio(sweep[1]?.ms, sweep[0]?.ms);
const authRow = routes.find((r) => r.route === 'GET /orgs/{orgId}');
const targets = {
  routesAtMinimum: routes.length === 0 ? null : routes.every((r) => r.ok),
  authorizationOneRoundTrip: authRow === undefined ? null : authRow.requests === 1,
  bundlesUnder300KB: bundles.length === 0 ? null : bundles.every((b) => b.kb <= 300),
  sesOnlyWhereMailIsSent: bundles.length === 0 ? null : bundles.every((b) => b.ses === b.sendsMail),
  initMedianUnder60ms: bundles.length === 0 ? null : bundles.every((b) => b.initMs < 60),
  sweepItemsRatio: sweepItems,
  sweepTimeRatio: sweepTime,
  sweepRatioAtMost1_1: sweepItems === null ? null : sweepItems <= 1.1 && (sweepTime ?? 0) <= 1.1,
  directoryDefaultRatio: dirDefault,
  directoryNameRatio: dirName,
  directoryDefaultRatioAtMost1_5: dirDefault === null ? null : dirDefault <= 1.5,
};
const seconds = Math.round((Date.now() - started) / 1000);
const results = { date, machine, seconds, targets, routes, bundles, sweep, directory, notMeasured: ['figure 3: latency', 'figure 4: throughput'] };
writeFileSync(`${here}results.json`, `${JSON.stringify(results, null, 2)}\n`);

// ── Markdown ──
const yes = (b: boolean | null): string => (b === null ? 'not measured' : b ? 'met' : '**missed**');
const cap = (n: number | null): string => (n === null ? 'n/a' : String(Math.round(n * 10) / 10));
const md: string[] = [
  '# Benchmark results',
  '',
  `Written by \`npm run bench\` on ${date} (${seconds} s).`,
  '',
  `Machine: ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}. DynamoDB Local in memory.`,
  '',
  '## Targets',
  '',
  '| target | result |',
  '|---|---|',
  `| no route above its minimum round trips | ${yes(targets.routesAtMinimum)} |`,
  `| authorization is one round trip (GET /orgs/{id}) | ${yes(targets.authorizationOneRoundTrip)} |`,
  `| no function over 300 KB | ${yes(targets.bundlesUnder300KB)} |`,
  `| SES code only in functions that send mail | ${yes(targets.sesOnlyWhereMailIsSent)} |`,
  `| median module init under 60 ms | ${yes(targets.initMedianUnder60ms)} |`,
  `| sweep 10,000 / 1,000 organizations ≤ 1.1 (items ${sweepItems ?? '–'}, time ${sweepTime ?? '–'}) | ${yes(targets.sweepRatioAtMost1_1)} |`,
  `| directory first page 5,000 / 50 members, default sort ≤ 1.5 (${dirDefault ?? '–'}; by name ${dirName ?? '–'}) | ${yes(targets.directoryDefaultRatioAtMost1_5)} |`,
  '| figure 3 latency, figure 4 throughput | not measured yet |',
  '',
];
if (routes.length > 0) {
  md.push('## 1. DynamoDB round trips and capacity per route', '',
    'Counted by a middleware on the handlers\' DynamoDB client (`ReturnConsumedCapacity: TOTAL`); one call per route, after a warm-up.', '',
    '| route | status | requests | minimum | RCU | WCU | calls | minimum is |', '|---|---|---|---|---|---|---|---|');
  for (const r of routes) {
    md.push(`| \`${r.route}\` | ${r.status} | ${r.ok ? '' : '**'}${r.requests}${r.ok ? '' : '**'} | ${r.minimum} | ${cap(r.rcu)} | ${cap(r.wcu)} | ${r.commands} | ${r.why} |`);
  }
  md.push('');
}
if (bundles.length > 0) {
  md.push('## 2. Bundle size and module init per function', '',
    'esbuild with the options of infra/constructs/function.ts (ESM, node24, minified, AWS SDK bundled); init = median over 7 fresh `node` processes that import the bundle, minus the median of an empty one.', '',
    '| function | KB | SES client | sends mail | init (ms) |', '|---|---|---|---|---|');
  for (const b of bundles) md.push(`| ${b.fn} | ${b.kb} | ${b.ses ? 'yes' : 'no'} | ${b.sendsMail ? 'yes' : 'no'} | ${b.initMs} |`);
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
writeFileSync(`${here}results.md`, `${md.join('\n')}\n`);
console.log(md.join('\n'));
