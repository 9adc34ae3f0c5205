/**
 * Figure 7 (issue 15): cost at scale. Nothing is measured here: the cost is computed from the
 * benchmark's own figures (1 DynamoDB capacity per route, 2 module init per function, 3 latency
 * per route, 5 the trial sweep) and AWS's on-demand prices, kept in PRICES below with their
 * source. `npm run bench -- cost` reads results.json and needs no local stack.
 *
 * What a local benchmark cannot know is stated as an assumption in ASSUMPTIONS (the request
 * mix, the cold-start rate, the log bytes, the organization's activity); each is printed with
 * the figure.
 */
import type { RouteRow } from './routes.js';
import type { BundleFigures } from './bundles.js';
import type { LatencyRow } from './latency.js';
import type { SweepRow } from './sweep-scaling.js';

/** When the prices below were written down; none was re-read on its page in this session. */
const READ = 'as widely published; not re-read here (written 2026-12-03)';

export interface Price {
  usd: number;
  /** How many units `usd` buys. */
  per: number;
  unit: string;
  source: string;
  read: string;
}

/** AWS on-demand prices, us-east-1. */
export const PRICES = {
  apiRequest: { usd: 1.0, per: 1e6, unit: 'API Gateway HTTP API requests (first 300 million a month)', source: 'https://aws.amazon.com/api-gateway/pricing/', read: READ },
  lambdaRequest: { usd: 0.2, per: 1e6, unit: 'Lambda requests', source: 'https://aws.amazon.com/lambda/pricing/', read: READ },
  lambdaGbSecond: { usd: 0.0000133334, per: 1, unit: 'Lambda GB-second, arm64 (first 7.5 billion GB-s a month)', source: 'https://aws.amazon.com/lambda/pricing/', read: READ },
  dynamoRead: { usd: 0.125, per: 1e6, unit: 'DynamoDB on-demand read request units (after the November 2024 cut)', source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/', read: READ },
  dynamoWrite: { usd: 0.625, per: 1e6, unit: 'DynamoDB on-demand write request units (after the November 2024 cut)', source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/', read: READ },
  dynamoStorage: { usd: 0.25, per: 1, unit: 'DynamoDB Standard table storage, GB-month', source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/', read: READ },
  sesEmail: { usd: 0.1, per: 1000, unit: 'SES outbound emails', source: 'https://aws.amazon.com/ses/pricing/', read: READ },
  logsIngest: { usd: 0.5, per: 1, unit: 'CloudWatch Logs ingestion (standard class), GB', source: 'https://aws.amazon.com/cloudwatch/pricing/', read: READ },
  logsStorage: { usd: 0.03, per: 1, unit: 'CloudWatch Logs storage, GB-month', source: 'https://aws.amazon.com/cloudwatch/pricing/', read: READ },
  cognitoMau: { usd: 0.015, per: 1, unit: 'Cognito user pool monthly active user, Essentials tier, beyond the 10,000 free a month', source: 'https://aws.amazon.com/cognito/pricing/', read: READ },
} satisfies Record<string, Price>;
export type Prices = typeof PRICES;

/** One route of the portal mix: its share of the requests and the function that answers it. */
export interface MixRow {
  route: string;
  fn: string;
  share: number;
  /** Emails the route sends per request (an invitation sends one). */
  mails: number;
}

/**
 * A portal session's requests, as we expect them: mostly reads of the member's own orgs,
 * workspaces and devices, few writes, few invitations. Shares sum to 1.
 */
export const PORTAL_MIX: MixRow[] = [
  { route: 'GET /me', fn: 'me/get', share: 0.25, mails: 0 },
  { route: 'GET /orgs/{orgId}', fn: 'orgs/get', share: 0.15, mails: 0 },
  { route: 'GET /orgs/{orgId}/members', fn: 'members/list', share: 0.1, mails: 0 },
  { route: 'GET /orgs/{orgId}/workspaces', fn: 'workspaces/list', share: 0.1, mails: 0 },
  { route: 'GET /workspaces/{workspaceId}/devices', fn: 'devices/list', share: 0.15, mails: 0 },
  { route: 'GET /workspaces/{workspaceId}/devices/{deviceId}', fn: 'devices/get', share: 0.11, mails: 0 },
  { route: 'GET /workspaces/{workspaceId}/usage', fn: 'sims/usage', share: 0.06, mails: 0 },
  { route: 'PATCH /workspaces/{workspaceId}/devices/{deviceId}', fn: 'devices/patch', share: 0.04, mails: 0 },
  { route: 'POST /orgs/{orgId}/workspaces', fn: 'workspaces/create', share: 0.02, mails: 0 },
  { route: 'PATCH /me', fn: 'me/patch', share: 0.01, mails: 0 },
  { route: 'POST /orgs/{orgId}/invitations', fn: 'invitations/create', share: 0.005, mails: 1 },
  { route: 'POST /invitations/{token}/accept', fn: 'invitations/accept', share: 0.005, mails: 0 },
];

export const INGEST: MixRow = { route: 'POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}', fn: 'ingest/post', share: 1, mails: 0 };
const SWEEP_FN = 'sweep/handler';

export interface Assumptions {
  /** Share of invocations that start a new execution environment (pay its init). */
  coldStartRate: number;
  /** CloudWatch Logs bytes ingested per request: the Lambda platform lines (start, report), the handler's line, the gateway's access log line. */
  logBytesPerRequest: number;
  org: {
    members: number;
    devices: number;
    /** Portal requests per member per day, in PORTAL_MIX. */
    requestsPerMemberPerDay: number;
    /** Ingest messages per device per hour. */
    ingestPerDevicePerHour: number;
    sweepsPerHour: number;
    /** Items per member (profile, org membership, email guard) and per device (device, one stream). */
    itemsPerMember: number;
    itemsPerDevice: number;
    /** Bytes per stored item, its index copies included. */
    bytesPerItem: number;
    /** Days the logs are kept. */
    logRetentionDays: number;
  };
  daysPerMonth: number;
}

export const ASSUMPTIONS: Assumptions = {
  coldStartRate: 0.01,
  logBytesPerRequest: 1500,
  org: {
    members: 10_000,
    devices: 1_000,
    requestsPerMemberPerDay: 10,
    ingestPerDevicePerHour: 12,
    sweepsPerHour: 1,
    itemsPerMember: 3,
    itemsPerDevice: 2,
    bytesPerItem: 2_000,
    logRetentionDays: 30,
  },
  daysPerMonth: 30.4,
};

export type Service = 'apiGateway' | 'lambda' | 'dynamodb' | 'ses' | 'logs';
export const SERVICES: Service[] = ['apiGateway', 'lambda', 'dynamodb', 'ses', 'logs'];
export type Split = Record<Service, number>;

export interface RouteCost {
  route: string;
  fn: string;
  share: number;
  rcu: number;
  wcu: number;
  /** Duration billed per warm call (ms), and the route of figure 3 it comes from. */
  durationMs: number;
  durationFrom: string;
  initMs: number;
  /** USD per request of this route. */
  perRequest: Split;
}

export interface CostInputs {
  routes: RouteRow[];
  latency: LatencyRow[];
  bundles: BundleFigures;
  sweep: SweepRow[];
  memoryMb: number;
  prices: Prices;
  mix: MixRow[];
  assumptions: Assumptions;
}

export interface CostFigure {
  /** 1 million portal requests in the mix: per route and per service. */
  perMillion: { routes: RouteCost[]; split: Split; total: number };
  /** One organization, one month. */
  org: {
    portalRequests: number;
    ingestRequests: number;
    sweeps: number;
    storageGb: number;
    lines: { what: string; split: Split; total: number }[];
    split: Split;
    total: number;
  };
}

const zero = (): Split => ({ apiGateway: 0, lambda: 0, dynamodb: 0, ses: 0, logs: 0 });
const add = (a: Split, b: Split, times = 1): Split => Object.fromEntries(SERVICES.map((s) => [s, a[s] + b[s] * times])) as Split;
const sum = (s: Split): number => SERVICES.reduce((t, k) => t + s[k], 0);
const cost = (p: Price, units: number): number => (p.usd / p.per) * units;

/** The warm duration of a route: figure 3's median where it measured the route, else the measured route nearest in DynamoDB requests (writes beside writes). */
export function durationOf(route: RouteRow, latency: LatencyRow[]): { ms: number; from: string } {
  const own = latency.find((l) => l.route === route.route);
  if (own) return { ms: own.gatewayMedianMs, from: 'measured' };
  if (latency.length === 0) throw new Error('figure 3 (latency) has no rows: nothing to stand in for a duration');
  const writes = (route.wcu ?? 0) > 0;
  const score = (l: LatencyRow): number => Math.abs(l.requests - route.requests) + ((l.wcu > 0) === writes ? 0 : 10);
  const best = [...latency].sort((a, b) => score(a) - score(b))[0]!;
  return { ms: best.gatewayMedianMs, from: best.route };
}

function initOf(fn: string, bundles: BundleFigures): number {
  const row = bundles.rows.find((b) => b.fn === fn && !b.floor);
  const ms = row?.deployed.initMs[bundles.nodes.deployed];
  if (ms === undefined) throw new Error(`figure 2 has no init for ${fn} on Node ${bundles.nodes.deployed}`);
  return ms;
}

/** One Lambda invocation's cost: the request, the billed duration (1 ms steps) and, at the cold-start rate, the init (billed since August 2025). */
function lambdaCost(i: CostInputs, durationMs: number, initMs: number, coldRate: number): number {
  const gbSeconds = (i.memoryMb / 1024) * ((Math.ceil(durationMs) + coldRate * Math.ceil(initMs)) / 1000);
  return cost(i.prices.lambdaRequest, 1) + cost(i.prices.lambdaGbSecond, gbSeconds);
}

export function routeCost(i: CostInputs, m: MixRow): RouteCost {
  const row = i.routes.find((r) => r.route === m.route);
  if (!row) throw new Error(`figure 1 did not measure ${m.route}`);
  if (row.rcu === null || row.wcu === null) throw new Error(`figure 1 has no capacity for ${m.route}`);
  const { ms, from } = durationOf(row, i.latency);
  const initMs = initOf(m.fn, i.bundles);
  const gb = i.assumptions.logBytesPerRequest / 1e9;
  return {
    route: m.route, fn: m.fn, share: m.share, rcu: row.rcu, wcu: row.wcu, durationMs: ms, durationFrom: from, initMs,
    perRequest: {
      apiGateway: cost(i.prices.apiRequest, 1),
      lambda: lambdaCost(i, ms, initMs, i.assumptions.coldStartRate),
      dynamodb: cost(i.prices.dynamoRead, row.rcu) + cost(i.prices.dynamoWrite, row.wcu),
      ses: cost(i.prices.sesEmail, m.mails),
      logs: cost(i.prices.logsIngest, gb),
    },
  };
}

export function computeCost(i: CostInputs): CostFigure {
  const shares = i.mix.reduce((t, m) => t + m.share, 0);
  if (Math.abs(shares - 1) > 1e-9) throw new Error(`the mix's shares sum to ${shares}, not 1`);
  const routes = i.mix.map((m) => routeCost(i, m));
  const perMix = routes.reduce((s, r) => add(s, r.perRequest, r.share), zero()); // one request of the mix
  const million = add(zero(), perMix, 1e6);

  const a = i.assumptions;
  const o = a.org;
  const hours = a.daysPerMonth * 24;
  const portalRequests = o.members * o.requestsPerMemberPerDay * a.daysPerMonth;
  const ingestRequests = o.devices * o.ingestPerDevicePerHour * hours;
  const sweeps = o.sweepsPerHour * hours;
  const ingest = routeCost(i, INGEST);
  // The sweep: EventBridge starts it, no gateway; every run hourly is a cold start. Figure 5's
  // run at 1,000 organizations stands in for its duration and index Queries (each ≥ 0.5 RRU: an
  // index reads eventually consistent).
  const sweepRow = i.sweep[0];
  if (!sweepRow) throw new Error('figure 5 (sweep) has no rows');
  const sweepRun: Split = {
    ...zero(),
    lambda: lambdaCost(i, sweepRow.ms, initOf(SWEEP_FN, i.bundles), 1),
    dynamodb: cost(i.prices.dynamoRead, sweepRow.indexQueries * 0.5 + sweepRow.indexItemsRead * 0.5),
    logs: cost(i.prices.logsIngest, a.logBytesPerRequest / 1e9),
  };
  const storageGb = ((o.members * o.itemsPerMember + o.devices * o.itemsPerDevice) * o.bytesPerItem) / 1e9;
  const logGb = ((portalRequests + ingestRequests + sweeps) * a.logBytesPerRequest) / 1e9;
  const storage: Split = { ...zero(), dynamodb: cost(i.prices.dynamoStorage, storageGb), logs: cost(i.prices.logsStorage, logGb * (o.logRetentionDays / a.daysPerMonth)) };
  const lines = [
    { what: `portal: ${portalRequests.toLocaleString('en')} requests in the mix`, split: add(zero(), perMix, portalRequests) },
    { what: `ingest: ${ingestRequests.toLocaleString('en')} messages (\`${INGEST.route}\`)`, split: add(zero(), ingest.perRequest, ingestRequests) },
    { what: `trial sweep: ${sweeps.toLocaleString('en')} runs`, split: add(zero(), sweepRun, sweeps) },
    { what: `storage: ${(storageGb * 1000).toFixed(1)} MB of items, ${logGb.toFixed(1)} GB of logs a month kept ${o.logRetentionDays} days`, split: storage },
  ].map((l) => ({ ...l, total: sum(l.split) }));
  const split = lines.reduce((s, l) => add(s, l.split), zero());
  return {
    perMillion: { routes, split: million, total: sum(million) },
    org: { portalRequests, ingestRequests, sweeps, storageGb, lines, split, total: sum(split) },
  };
}

/** What identity vendors charge for the same 10,000 monthly active members (their list prices; none re-read on its own page here). */
export interface VendorRow {
  vendor: string;
  plan: string;
  usdPerMonth: string;
  source: string;
}
export const VENDORS: VendorRow[] = [
  {
    vendor: 'Auth0',
    plan: 'B2B Essentials / B2B Professional (Organizations included)',
    usdPerMonth: '≥ 150 / ≥ 800 (the entry price, for 500 MAU; 10,000 MAU is a higher tier of the page\'s slider or sales)',
    source: 'https://auth0.com/pricing — list price as commonly published, not re-read here',
  },
  {
    vendor: 'WorkOS',
    plan: 'AuthKit (free to 1,000,000 MAU) + SSO $125 per connection a month (1–15 connections)',
    usdPerMonth: '0 without SSO; 125 with one SSO connection for the organization',
    source: 'https://workos.com/pricing — as summarized by api-evangelist/workos plans (2026-05), not re-read on the page',
  },
  {
    vendor: 'Clerk',
    plan: 'Pro: $25 a month including 10,000 MAU, then $0.02 per MAU (Organizations in the plan)',
    usdPerMonth: '25 (a 2026-03 snapshot reports $20 billed annually with 50,000 included users)',
    source: 'https://clerk.com/pricing — list price as commonly published, not re-read here',
  },
];

const usd = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4));

/** The section of results.md. `from` says when each figure the cost reads was measured. */
export function costMarkdown(f: CostFigure, i: CostInputs, from: string): string[] {
  const a = i.assumptions;
  const o = a.org;
  const head = `| ${SERVICES.map((s) => ({ apiGateway: 'API Gateway', lambda: 'Lambda', dynamodb: 'DynamoDB', ses: 'SES', logs: 'CloudWatch Logs' })[s]).join(' | ')} | total |`;
  const cells = (s: Split, total: number): string => `| ${SERVICES.map((k) => usd(s[k])).join(' | ')} | **${usd(total)}** |`;
  const standIns = f.perMillion.routes.filter((r) => r.durationFrom !== 'measured');
  return [
    '## 7. Cost at scale', '',
    `Computed, not measured: from figure 1 (RCU/WCU per route), figure 2 (module init per function, Node ${i.bundles.nodes.deployed}), figure 3 (duration per route) and figure 5 (the sweep), as measured ${from}, and the on-demand prices below. US dollars, us-east-1.`, '',
    '### 1 million portal requests', '',
    head, `|${'---|'.repeat(SERVICES.length + 1)}`, cells(f.perMillion.split, f.perMillion.total), '',
    `Per route (USD per million requests of that route; the mix's share in the second column). Lambda: ${i.memoryMb} MB arm64 (infra/api-settings.ts, infra/constructs/function.ts), the duration rounded up to the ms, ${a.coldStartRate * 100}% of calls cold and paying figure 2's init (Lambda bills the init phase since August 2025). Durations are figure 3's gateway medians on this machine against DynamoDB Local — in AWS a DynamoDB round trip takes a few ms, so read the Lambda column as a lower bound.`, '',
    '| route | share | RCU | WCU | duration ms (from) | init ms | API Gateway | Lambda | DynamoDB | SES | Logs | total |', '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...f.perMillion.routes.map((r) => `| \`${r.route}\` | ${r.share * 100}% | ${r.rcu} | ${r.wcu} | ${r.durationMs} (${r.durationFrom === 'measured' ? 'measured' : `\`${r.durationFrom}\``}) | ${r.initMs} | ${SERVICES.map((s) => usd(r.perRequest[s] * 1e6)).join(' | ')} | ${usd(sum(r.perRequest) * 1e6)} |`),
    '',
    ...(standIns.length === 0 ? [] : [`Figure 3 measured ${i.latency.length} routes; a route it did not measure takes the duration of the measured route nearest in DynamoDB requests, reads beside reads and writes beside writes (named in the table).`, '']),
    `### One organization, a month: ${o.members.toLocaleString('en')} members, ${o.devices.toLocaleString('en')} devices`, '',
    `Activity: ${o.requestsPerMemberPerDay} portal requests per member per day in the mix above, ${o.ingestPerDevicePerHour} ingest messages per device per hour (one each 5 minutes), the trial sweep ${o.sweepsPerHour}× an hour (cold each time; figure 5's run at ${i.sweep[0]?.organizations.toLocaleString('en')} organizations stands in for its duration, ${i.sweep[0]?.ms} ms, and its ${i.sweep[0]?.indexQueries} index Queries at 0.5 RRU each), ${a.daysPerMonth} days. ` +
      `Storage: ${o.itemsPerMember} items per member, ${o.itemsPerDevice} per device, ${o.bytesPerItem} bytes each with its index copies; an ingest message updates its stream in place (figure 1: 1 WCU), so it adds no items. Logs: ${a.logBytesPerRequest} bytes per request (assumed, not measured: the Lambda platform start and report lines, one handler line, one access-log line), kept ${o.logRetentionDays} days.`, '',
    `| part | ${head.slice(2)}`, `|---|${'---|'.repeat(SERVICES.length + 1)}`,
    ...f.org.lines.map((l) => `| ${l.what} ${cells(l.split, l.total)}`),
    `| **month** ${cells(f.org.split, f.org.total)}`, '',
    `### Beside it: identity vendors for ${o.members.toLocaleString('en')} monthly active members`, '',
    'Identity only (sign-in, organizations, members); this service\'s figure above also stores and serves the devices, workspaces and ingest.', '',
    '| vendor | plan | USD a month | source |', '|---|---|---|---|',
    ...VENDORS.map((v) => `| ${v.vendor} | ${v.plan} | ${v.usdPerMonth} | ${v.source} |`),
    `| Amazon Cognito (this service's sign-in) | Essentials, direct and social sign-in | 0 inside the account's 10,000 free MAU; ${usd(cost(i.prices.cognitoMau, o.members))} beyond it | prices below |`,
    `| this service | the month above, Cognito apart | ${usd(f.org.total)} | figure 7 |`,
    '',
    '### Prices', '',
    '| price | USD | per | source | read |', '|---|---|---|---|---|',
    ...Object.values(i.prices).map((p) => `| ${p.unit} | ${p.usd} | ${p.per.toLocaleString('en')} | ${p.source} | ${p.read} |`),
    '',
  ];
}
