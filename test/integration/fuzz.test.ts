/**
 * Property-based fuzzing of every route with a body, query or path parameters, as a
 * signed-up owner (authorization passes; input reaches validation and the handlers):
 * never a 5xx; every 4xx is problem+json with `status` and `code`; and requests that must be
 * rejected write nothing (`GET /me` and the audit log's first page are unchanged).
 *
 * Per route, two properties:
 *  - reject-only: wrong types, unknown and prototype-pollution keys, > 64 KB (413), 10k-deep
 *    JSON, junk path IDs — every answer must be a 4xx and nothing may change;
 *  - shaped: values derived from the route's JSON Schema (boundaries, unicode, near-miss
 *    enums), junk queries and headers — 2xx allowed (and allowed to write), never 5xx.
 *
 * FUZZ_RUNS (default 10) sets the runs per property; FUZZ_SEED (default fixed) the seed, `random` for a new one.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.js';
import type { Route } from '#http/route.js';
import { call, signedUp, type Res, type Tenant } from './support/api.js';
import { createDevice, createStream } from './support/devices.js';
import { jsonSchemaOf, junkHeaders, junkPathSegment, outOfBoundsLiterals, queryArb, shapedArb, unknownKey, wrongTypeArb, type JsonSchema } from './support/fuzz.js';

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 10) || 10);
// `npm test` replays one fixed seed, so CI is reproducible; FUZZ_SEED=random (or a number) explores.
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261122);

interface Case {
  kind: string;
  path: string;
  rawBody?: string;
  headers: Record<string, string>;
}

let tenant: Tenant;
let device: { name: string; key: string; stream: string };
let sent = 0;

const fuzzed = routeList.filter((route) => route.body || route.query || route.params);

/** The values that exist for this owner; anything else in a path is unknown to it. */
function realParams(): Record<string, string> {
  return { orgId: tenant.orgId, workspaceId: tenant.workspaceId, userId: tenant.userId, deviceName: device.name, streamName: device.stream };
}

function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '00000000-0000-4000-8000-000000000000');
}

function authHeaders(route: Route): Record<string, string> {
  if (route.auth === 'user') return { authorization: `Bearer ${tenant.token}` };
  if (route.auth === 'device') return { authorization: `Device ${device.key}` };
  return {};
}

function describeCase(route: Route, c: Case): string {
  const headers = Object.fromEntries(Object.entries(c.headers).map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 80)}…(${v.length})` : v]));
  const body = c.rawBody === undefined ? '' : c.rawBody.length > 300 ? `${c.rawBody.slice(0, 300)}…(${c.rawBody.length} chars)` : c.rawBody;
  return `${route.method} ${c.path} [${c.kind}] headers=${JSON.stringify(headers)} body=${body}`;
}

async function send(route: Route, c: Case): Promise<Res> {
  sent++;
  return call(route.method, c.path, { rawBody: c.rawBody, headers: { ...c.headers, ...authHeaders(route) } });
}

/** The shared answer contract: never 5xx; a 4xx is problem+json carrying its status and a code. */
function checkContract(route: Route, c: Case, res: Res): void {
  const label = `${describeCase(route, c)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
  expect(res.status, label).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.headers.get('content-type') ?? '', label).toContain('application/problem+json');
    expect(res.body, label).toMatchObject({ status: res.status, code: expect.any(String) });
  }
}

async function snapshot(): Promise<unknown> {
  const me = await call('GET', '/me', { token: tenant.token });
  const audit = await call('GET', `/orgs/${tenant.orgId}/audit`, { token: tenant.token });
  expect(me.status).toBe(200);
  expect(audit.status).toBe(200);
  return { me: me.body, audit: audit.body.items };
}

/** Generators whose every request must be refused (4xx), writing nothing. */
function rejectArb(route: Route): fc.Arbitrary<Case> {
  const real = realParams();
  const options: fc.Arbitrary<Case>[] = [];
  const realPath = fillPath(route.path, real);
  const bodySchema: JsonSchema | undefined = route.body ? jsonSchemaOf(route.body) : undefined;
  const strictBody = bodySchema?.type === 'object';
  const validShape = bodySchema ? shapedArb(bodySchema, bodySchema) : fc.constant(undefined);
  const json = { 'content-type': 'application/json' };

  if (route.body) {
    // (d) over 64 KB: 413, whatever the content.
    options.push(
      fc.tuple(fc.integer({ min: 65 * 1024, max: 200 * 1024 }), fc.constantFrom('x', 'é', '😀', '\u0000')).map(([size, ch]) => ({
        kind: 'huge body', path: realPath, headers: json, rawBody: JSON.stringify({ name: ch.repeat(Math.ceil(size / Buffer.byteLength(ch))), description: 'd' }),
      })),
    );
  }
  if (strictBody && bodySchema) {
    const props = Object.entries<JsonSchema>(bodySchema.properties ?? {});
    // (d) 10 000 levels of nesting.
    options.push(
      fc.constantFrom('array', 'object').map((shape) => ({
        kind: 'deep nesting', path: realPath, headers: json,
        rawBody: shape === 'array' ? `${'['.repeat(10_000)}${']'.repeat(10_000)}` : `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      })),
    );
    // (b) the whole body of the wrong type.
    options.push(
      wrongTypeArb(bodySchema, bodySchema).map((body) => ({ kind: 'wrong body type', path: realPath, headers: json, rawBody: JSON.stringify(body) ?? 'undefined' })),
    );
    // (b) one field of the wrong type, the rest shaped.
    if (props.length) {
      options.push(
        fc.tuple(validShape, fc.constantFrom(...props)).chain(([body, [key, schema]]) =>
          wrongTypeArb(schema, bodySchema).map((bad) => ({
            kind: `wrong type for ${key}`, path: realPath, headers: json, rawBody: JSON.stringify({ ...(body as object), [key]: bad }),
          })),
        ),
      );
    }
    // (c) unknown fields and prototype-pollution keys (written into the raw JSON, so `__proto__` really is sent).
    // Numeric extremes as number literals: Infinity after parsing, or past 2^53 — refused by every bounded field.
    const bounded = props.flatMap(([key, schema]) => outOfBoundsLiterals(schema, bodySchema).map((literal) => [key, literal] as const));
    if (bounded.length) {
      options.push(
        fc.tuple(validShape, fc.constantFrom(...bounded)).map(([body, [key, literal]]) => ({
          kind: `numeric extreme ${key}=${literal}`, path: realPath, headers: json,
          rawBody: JSON.stringify({ ...(body as object), [key]: '\u0000extreme' }).replace('"\\u0000extreme"', literal),
        })),
      );
    }
    options.push(
      fc.tuple(validShape, unknownKey, fc.jsonValue({ maxDepth: 2 })).map(([body, key, value]) => {
        const base = JSON.stringify(body);
        const extra = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
        return { kind: `unknown key ${JSON.stringify(key)}`, path: realPath, headers: json, rawBody: base === '{}' ? `{${extra}}` : `${base.slice(0, -1)},${extra}}` };
      }).filter((c) => !Object.keys(bodySchema.properties ?? {}).includes(JSON.parse(c.kind.slice('unknown key '.length)))),
    );
    // Malformed JSON text.
    options.push(
      fc.constantFrom('{', '{"name":', '{"a":1,}', "{'a':1}", '{"a":01}', '{"a":NaN}', '{"a":1}{"b":2}', '\ufeff{}x', '{"a":"\\x"}', 'nul', '[', '"unterminated').map((rawBody) => ({
        kind: 'malformed JSON', path: realPath, headers: json, rawBody,
      })),
    );
  }
  if (route.params) {
    // (e) junk in at least one path parameter; any real ones may stay.
    const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const body = route.body && strictBody ? validShape.map((b) => JSON.stringify(b)) : route.body ? fc.constant('{"t":1}') : fc.constant(undefined);
    options.push(
      fc.tuple(fc.array(fc.option(junkPathSegment, { freq: 2 }), { minLength: names.length, maxLength: names.length }), fc.nat({ max: names.length - 1 }), junkPathSegment, body)
        .map(([junk, forced, forcedJunk, rawBody]) => {
          const values: Record<string, string> = {};
          names.forEach((name, i) => { values[name] = i === forced ? forcedJunk : junk[i] ?? real[name] ?? forcedJunk; });
          return { kind: 'junk path id', path: fillPath(route.path, values), headers: json, rawBody };
        }),
    );
  }
  if (!options.length) return fc.constant({ kind: 'none', path: '', headers: {} });
  // (g) junk headers on top, sometimes.
  return fc.tuple(fc.oneof(...options), fc.option(junkHeaders, { freq: 3 })).map(([c, extra]): Case => {
    if (!extra) return c;
    // A huge body stays 413 and deep nesting stays invalid under any content type; the others keep JSON.
    const keepType: Record<string, string> = c.kind === 'huge body' ? {} : { 'content-type': c.headers['content-type'] ?? 'application/json' };
    return { ...c, headers: { ...c.headers, ...extra, ...keepType } };
  });
}

/** A lone UTF-16 surrogate cannot be put in a URL (encodeURIComponent throws): replace it, as a client would have to. */
const wellFormed = (s: string): string => s.replace(/[\uD800-\uDFFF]/gu, '\uFFFD');

/** Shaped and junk input that may legitimately succeed. */
function shapedCaseArb(route: Route): fc.Arbitrary<Case> {
  const real = realParams();
  const paramSchema = route.params ? jsonSchemaOf(route.params) : undefined;
  const bodySchema = route.body ? jsonSchemaOf(route.body) : undefined;
  const querySchema = route.query ? jsonSchemaOf(route.query) : undefined;
  const paramsArb: fc.Arbitrary<Record<string, string>> = paramSchema
    ? fc.record(Object.fromEntries(Object.entries<JsonSchema>(paramSchema.properties ?? {}).map(([name, schema]) => [
        name,
        // Capped so the request line stays under Node's 16 KB header limit (overlong IDs: the reject-only property).
        name in real ? fc.constant(real[name]!) : shapedArb(schema, paramSchema, name).map((v) => encodeURIComponent(wellFormed(typeof v === 'string' && v ? v : String(v) || 'x')).slice(0, 3000).replace(/%[0-9A-F]?$/, '')),
      ])))
    : fc.constant({});
  const bodyArb = bodySchema ? shapedArb(bodySchema, bodySchema).map((b) => JSON.stringify(b) ?? 'null') : fc.constant(undefined);
  const qArb = route.query ? queryArb(querySchema).map((q) => (q.length > 6000 ? q.slice(0, 6000) : q)) : fc.constant('');
  return fc.tuple(paramsArb, bodyArb, qArb, fc.option(junkHeaders, { freq: 2 })).map(([params, rawBody, q, extra]) => ({
    kind: 'shaped',
    path: `${fillPath(route.path, params)}${q ? `?${q}` : ''}`,
    rawBody,
    headers: { ...(rawBody !== undefined ? { 'content-type': 'application/json' } : {}), ...extra },
  }));
}

describe('fuzzing every route with input', () => {
  beforeAll(async () => {
    tenant = await signedUp('fuzz');
    const created = await createDevice(tenant.api, tenant.workspaceId, 'fuzz-device');
    await createStream(tenant.api, tenant.workspaceId, 'fuzz-stream');
    device = { name: 'fuzz-device', key: created.deviceKey, stream: 'fuzz-stream' };
  });

  for (const route of fuzzed) {
    it(`${route.key}: refused input is a 4xx problem and writes nothing`, async () => {
      const arb = rejectArb(route);
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(arb, async (c) => {
          if (c.kind === 'none') return;
          const res = await send(route, c);
          checkContract(route, c, res);
          const label = `${describeCase(route, c)} → ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`;
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          if (c.kind === 'huge body') expect(res.status, label).toBe(413);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      expect(await snapshot()).toEqual(before);
    }, 60_000);

    // DELETE with real IDs would delete this owner's own things: only the reject-only property.
    if (route.method === 'DELETE') continue;
    it(`${route.key}: shaped input never answers 5xx`, async () => {
      const before = await snapshot();
      let succeeded = 0;
      await fc.assert(
        fc.asyncProperty(shapedCaseArb(route), async (c) => {
          const res = await send(route, c);
          checkContract(route, c, res);
          if (res.status < 400) succeeded++;
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      // Nothing written unless something succeeded (a GET never writes).
      if (route.method === 'GET' || succeeded === 0) expect(await snapshot()).toEqual(before);
    }, 60_000);
  }

  afterAll(() => {
    console.log(`fuzz: ${sent} requests over ${fuzzed.length} routes (FUZZ_RUNS=${RUNS})`);
  });

  it('sent enough requests', () => {
    // Each route: one reject-only property, and a shaped one unless it is a DELETE.
    const properties = fuzzed.reduce((n, route) => n + (route.method === 'DELETE' ? 1 : 2), 0);
    expect(sent).toBeGreaterThanOrEqual(Math.floor(properties * RUNS * 0.9));
  });
});
