/**
 * The picture in bench/results.md: latency per route beside its floor (figure 3) and the scaling
 * runs (figure 5), drawn by Vega-Lite and rendered to SVG headless (no browser, no canvas).
 */
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface LatencyPoint {
  route: string;
  gatewayMedianMs: number;
  gatewayP99Ms: number;
  floorMedianMs: number;
  floorP99Ms: number;
}

export interface ChartInput {
  latency: LatencyPoint[];
  sweep: { organizations: number; indexItemsRead: number; ms: number }[];
  directory: { members: number; sort: string; medianMs: number }[];
}

const WIDTH = 520;

export async function chartSvg(input: ChartInput): Promise<string> {
  const latency = input.latency.flatMap((r) => [
    { route: r.route, path: 'through the gateway', median: r.gatewayMedianMs, p99: r.gatewayP99Ms },
    { route: r.route, path: 'DynamoDB calls alone (floor)', median: r.floorMedianMs, p99: r.floorP99Ms },
  ]);
  const sweep = input.sweep.flatMap((s) => [
    { organizations: s.organizations.toLocaleString('en'), measure: 'index items read', value: s.indexItemsRead },
    { organizations: s.organizations.toLocaleString('en'), measure: 'time (ms)', value: s.ms },
  ]);
  const directory = input.directory.map((d) => ({ members: d.members.toLocaleString('en'), sort: d.sort, median: d.medianMs }));
  const panels: TopLevelSpec[] = [];
  if (latency.length > 0) {
    panels.push({
      title: 'Figure 3 — latency per route: median bar, p99 tick (ms)',
      data: { values: latency },
      width: WIDTH,
      encoding: {
        y: { field: 'route', type: 'nominal', title: null, sort: null, axis: { labelLimit: 320 } },
        yOffset: { field: 'path', type: 'nominal', sort: null },
        color: { field: 'path', type: 'nominal', sort: null, title: null, legend: { orient: 'bottom', labelLimit: 320 } },
      },
      layer: [
        { mark: { type: 'bar' }, encoding: { x: { field: 'median', type: 'quantitative', title: 'ms' } } },
        { mark: { type: 'tick', thickness: 2 }, encoding: { x: { field: 'p99', type: 'quantitative' }, color: { value: 'black' } } },
        { mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 }, encoding: { x: { field: 'median', type: 'quantitative' }, text: { field: 'median', type: 'quantitative', format: '.1f' }, color: { value: 'black' } } },
      ],
    } as unknown as TopLevelSpec);
  }
  if (sweep.length > 0) {
    panels.push({
      title: 'Figure 5 — trial sweep, 100 expired trials among N organizations',
      data: { values: sweep },
      width: WIDTH / 2 - 60,
      height: 140,
      mark: 'bar',
      encoding: {
        column: { field: 'measure', type: 'nominal', title: null },
        x: { field: 'organizations', type: 'nominal', title: 'organizations', sort: null, axis: { labelAngle: 0 } },
        y: { field: 'value', type: 'quantitative', title: null },
        color: { field: 'organizations', type: 'nominal', legend: null },
      },
      resolve: { scale: { y: 'independent' } },
    } as unknown as TopLevelSpec);
  }
  if (directory.length > 0) {
    panels.push({
      title: 'Figure 5 — member directory, first page: median (ms) by size and sort',
      data: { values: directory },
      width: WIDTH,
      encoding: {
        y: { field: 'sort', type: 'nominal', title: 'sort' },
        yOffset: { field: 'members', type: 'nominal', sort: null },
        x: { field: 'median', type: 'quantitative', title: 'ms' },
        color: { field: 'members', type: 'nominal', sort: null, title: 'members', legend: { orient: 'bottom' } },
      },
      layer: [
        { mark: 'bar' },
        { mark: { type: 'text', align: 'left', dx: 3, fontSize: 9 }, encoding: { text: { field: 'median', type: 'quantitative', format: '.1f' }, color: { value: 'black' } } },
      ],
    } as unknown as TopLevelSpec);
  }
  const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', vconcat: panels,
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
    config: { font: 'sans-serif' } } as unknown as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  return view.toSVG();
}
