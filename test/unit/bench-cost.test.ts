import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, INGEST, PORTAL_MIX, PRICES, computeCost, costMarkdown, durationOf, routeCost, type CostInputs, type MixRow } from '../../bench/cost.js';
import type { RouteRow } from '../../bench/routes.js';
import type { LatencyRow } from '../../bench/latency.js';
import type { BundleFigures, BuildFigures } from '../../bench/bundles.js';
import type { SweepRow } from '../../bench/sweep-scaling.js';

// Figure 7 is arithmetic over the other figures: these tests pin the arithmetic on small inputs
// whose answer is worked out by hand below, so a wrong unit (per million, GB-s, 0.5 RRU) fails.

const route = (r: string, rcu: number, wcu: number, requests = 2): RouteRow => ({
  route: r, status: 200, expected: 200, requests, waves: requests, commands: '', rcu, wcu, minimum: requests, why: '', ok: true,
});
const latency = (r: string, ms: number, requests: number, wcu: number): LatencyRow => ({
  route: r, calls: 100, gatewayMedianMs: ms, gatewayP99Ms: ms * 2, floorMedianMs: 1, floorP99Ms: 2, ratioMedian: 1, ratioP99: 1,
  overheadMedianMs: 0, requests, shape: '→', rcu: 1, wcu, floorMethod: 'replay',
});
const build = (initMs: number): BuildFigures => ({ kbAtInit: 300, kbTotal: 400, sdkKbAtInit: 150, sesAtInit: false, initMs: { '24.22.3': initMs, '20.20.2': initMs * 0.8 }, initCpuMs: {} });
const bundles = (inits: Record<string, number>): BundleFigures => ({
  nodes: { deployed: '24.22.3', comparison: '20.20.2' },
  runs: 1,
  rows: [
    { fn: 'floor', floor: true, sendsMail: false, ses: false, baseline: build(1), deployed: build(1) },
    ...Object.entries(inits).map(([fn, ms]) => ({ fn, sendsMail: false, ses: false, baseline: build(ms * 2), deployed: build(ms) })),
  ],
  firstCalls: [],
});
const sweep: SweepRow = { organizations: 1000, expired: 100, ended: 100, indexItemsRead: 200, indexQueries: 100, ms: 999.2, secondRunItems: 0, secondRunChanges: 0 };

const GET: MixRow = { route: 'GET /a', fn: 'a/get', share: 0.5, mails: 0 };
const POST: MixRow = { route: 'POST /b', fn: 'b/post', share: 0.5, mails: 1 };

function inputs(over: Partial<CostInputs> = {}): CostInputs {
  return {
    routes: [route('GET /a', 2, 0), route('POST /b', 1, 4, 3), route(INGEST.route, 1, 1)],
    latency: [latency('GET /a', 9.5, 2, 0), latency('POST /b', 19.1, 3, 4)],
    bundles: bundles({ 'a/get': 50, 'b/post': 70, [INGEST.fn]: 40, 'sweep/handler': 30 }),
    sweep: [sweep],
    memoryMb: 1024,
    prices: PRICES,
    mix: [GET, POST],
    assumptions: { ...ASSUMPTIONS, coldStartRate: 0.5, logBytesPerRequest: 1000 },
    ...over,
  };
}

describe('bench figure 7: cost at scale', () => {
  it('prices one request of a route from its capacity, duration, init and mail', () => {
    const c = routeCost(inputs(), POST);
    expect(c.perRequest.apiGateway).toBeCloseTo(1e-6, 15);
    // 1 GB × (20 ms rounded up + half the calls paying 70 ms of init) = 0.055 GB-s
    expect(c.perRequest.lambda).toBeCloseTo(0.2e-6 + 0.055 * 0.0000133334, 15);
    expect(c.perRequest.dynamodb).toBeCloseTo(0.125e-6 + 4 * 0.625e-6, 15);
    expect(c.perRequest.ses).toBeCloseTo(0.0001, 15);
    expect(c.perRequest.logs).toBeCloseTo(1e-6 * 0.5, 15);
    expect(c).toMatchObject({ durationMs: 19.1, durationFrom: 'measured', initMs: 70 });
  });

  it('gives a route figure 3 did not measure the duration of the nearest measured one, writes beside writes', () => {
    const { latency: rows } = inputs();
    expect(durationOf(route('PATCH /c', 1, 2, 3), rows)).toEqual({ ms: 19.1, from: 'POST /b' });
    expect(durationOf(route('GET /d', 3, 0, 3), rows)).toEqual({ ms: 9.5, from: 'GET /a' });
    expect(() => durationOf(route('GET /d', 3, 0), [])).toThrow(/figure 3/);
  });

  it('sums the mix into 1 million requests and an organization\'s month', () => {
    const i = inputs();
    const f = computeCost(i);
    const get = routeCost(i, GET);
    const post = routeCost(i, POST);
    const perMix = (s: 'apiGateway' | 'lambda' | 'dynamodb' | 'ses' | 'logs') => 0.5 * get.perRequest[s] + 0.5 * post.perRequest[s];
    expect(f.perMillion.split.ses).toBeCloseTo(50, 9); // half the requests send one mail at $0.10 per 1,000
    expect(f.perMillion.split.dynamodb).toBeCloseTo(perMix('dynamodb') * 1e6, 9);
    expect(f.perMillion.total).toBeCloseTo(['apiGateway', 'lambda', 'dynamodb', 'ses', 'logs'].reduce((t, s) => t + perMix(s as 'ses') * 1e6, 0), 9);

    const o = i.assumptions.org;
    const hours = i.assumptions.daysPerMonth * 24;
    expect(f.org.portalRequests).toBe(o.members * o.requestsPerMemberPerDay * i.assumptions.daysPerMonth);
    expect(f.org.ingestRequests).toBe(o.devices * o.ingestPerDevicePerHour * hours);
    expect(f.org.sweeps).toBe(hours);
    // Each sweep: cold (30 ms init) + 1000 ms, 1 GB; 100 Queries and 200 items at 0.5 RRU.
    const sweepLine = f.org.lines.find((l) => l.what.startsWith('trial sweep'))!;
    expect(sweepLine.split.lambda).toBeCloseTo(hours * (0.2e-6 + 1.03 * 0.0000133334), 9);
    expect(sweepLine.split.dynamodb).toBeCloseTo(hours * 150 * 0.125e-6, 9);
    expect(sweepLine.split.apiGateway).toBe(0);
    expect(f.org.total).toBeCloseTo(f.org.lines.reduce((t, l) => t + l.total, 0), 9);
    expect(f.org.storageGb).toBeCloseTo(((o.members * o.itemsPerMember + o.devices * o.itemsPerDevice) * o.bytesPerItem) / 1e9, 12);
  });

  it('refuses a mix that does not add up, a route figure 1 did not measure, a function figure 2 did not build', () => {
    expect(() => computeCost(inputs({ mix: [GET] }))).toThrow(/sum to 0.5/);
    expect(() => computeCost(inputs({ routes: [route('POST /b', 1, 4)] }))).toThrow(/figure 1 did not measure GET \/a/);
    expect(() => computeCost(inputs({ bundles: bundles({ 'b/post': 1 }) }))).toThrow(/figure 2 has no init for a\/get/);
  });

  it('keeps the portal mix at 100% and names every price with its source', () => {
    expect(PORTAL_MIX.reduce((t, m) => t + m.share, 0)).toBeCloseTo(1, 12);
    for (const p of Object.values(PRICES)) expect(p.source).toMatch(/^https:\/\/aws\.amazon\.com\//);
    const md = costMarkdown(computeCost(inputs()), inputs(), 'routes 2026-12-03').join('\n');
    expect(md).toContain('## 7. Cost at scale');
    expect(md).toContain('| Auth0 |');
    expect(md).toContain('https://aws.amazon.com/dynamodb/pricing/on-demand/');
  });
});
