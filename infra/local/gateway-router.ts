/**
 * The local gateway's route matching: finds the route-table row for a method and path the
 * way API Gateway's HTTP API does (most specific template first) and decodes its
 * `{param}` and `{proxy+}` values.
 */
import type { Route } from '#http/route.js';

export interface RouteMatch {
  route: Route;
  /** URL-decoded values of the template's `{name}` segments. */
  params: Record<string, string>;
}

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: Route;
  segments: Segment[];
}

function compile(route: Route): CompiledRoute {
  const segments = route.path
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const greedy = /^\{(\w+)\+\}$/.exec(part);
      if (greedy?.[1] !== undefined) return { kind: 'greedy', name: greedy[1] };
      const param = /^\{(\w+)\}$/.exec(part);
      if (param?.[1] !== undefined) return { kind: 'param', name: param[1] };
      return { kind: 'literal', value: part };
    });
  return { route, segments };
}

const RANK = { literal: 0, param: 1, greedy: 2 } as const;

/** API Gateway prefers the most specific route: literal segments beat `{param}`, which beats `{proxy+}`. */
function specificity(a: CompiledRoute, b: CompiledRoute): number {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < length; i += 1) {
    const sa = a.segments[i];
    const sb = b.segments[i];
    if (sa === undefined || sb === undefined) return sa === undefined ? 1 : -1;
    if (RANK[sa.kind] !== RANK[sb.kind]) return RANK[sa.kind] - RANK[sb.kind];
  }
  return 0;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function matchSegments(segments: Segment[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    if (segment.kind === 'greedy') {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.join('') === '') return undefined;
      params[segment.name] = decode(rest.join('/'));
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal') {
      if (part !== segment.value) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.name] = decode(part);
    }
  }
  return parts.length === segments.length ? params : undefined;
}

/** A matcher over the route table. Unknown paths and unknown methods both find nothing. */
export function createRouter(routes: Route[]): (method: string, path: string) => RouteMatch | undefined {
  const compiled = routes.map(compile).sort(specificity);
  return (method, path) => {
    const parts = path.split('/').slice(1);
    for (const candidate of compiled) {
      if (candidate.route.method !== method) continue;
      const params = matchSegments(candidate.segments, parts);
      if (params !== undefined) return { route: candidate.route, params };
    }
    return undefined;
  };
}
