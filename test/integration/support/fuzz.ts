/**
 * Generators for the property-based fuzz sweep (test/integration/fuzz.test.ts): fast-check
 * arbitraries derived from the JSON Schema of a route's zod schemas, plus hostile values.
 */
import fc from 'fast-check';
import * as z from 'zod';

export type JsonSchema = Record<string, any>;

/** The input-side JSON Schema of a request schema, `$ref`s resolvable against its `$defs`. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
}

function resolve(node: JsonSchema, root: JsonSchema): JsonSchema {
  let current = node;
  for (let i = 0; i < 10 && typeof current?.$ref === 'string'; i++) {
    const name = current.$ref.replace('#/$defs/', '');
    current = { ...root.$defs?.[name], ...Object.fromEntries(Object.entries(current).filter(([k]) => k !== '$ref')) };
  }
  return current ?? {};
}

/** Strings that tend to break things: unicode, RTL, zero-width, emoji, NUL, control characters. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '   ', 'a\u0000b', '\u0000', '\u200b', 'a\u200bb\u200d', '\u202eevil\u202c', 'שלום عليكم', '🏳️‍🌈👩‍👩‍👧‍👦', '\ud83d',
    '\u001b[31mred', 'line\nbreak', 'tab\there', '\r\n', '\\', '"quoted"', "'; DROP TABLE x; --", '<script>alert(1)</script>',
    '${jndi:ldap://x}', '{{7*7}}', '%s%n%x', '../../etc/passwd', '__proto__', 'constructor', 'null', 'undefined', 'NaN',
    'Infinity', '-0', '1e309', 'true', '[]', '{}', 'ÅÍÎÏ˝ÓÔ', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗̻̈́', '\ufeffbom', '\uffff', '\u{10ffff}',
  ),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('x', 'é', '\u200b', '😀', '\u0000', ' ', '\u202e'), minLength: 90, maxLength: 1100 }),
  fc.integer({ min: 2_000, max: 20_000 }).map((n) => 'y'.repeat(n)),
);

/** Numbers at, just beyond and far beyond bounds; floats where integers are expected. */
function numberArb(node: JsonSchema): fc.Arbitrary<unknown> {
  const min = typeof node.minimum === 'number' ? node.minimum : undefined;
  const max = typeof node.maximum === 'number' ? node.maximum : undefined;
  const edges: number[] = [
    0, -1, 1, 0.5, -0.0, 1.5, 2 ** 31, 2 ** 32, 2 ** 53, -(2 ** 53), 1e308, Number.MIN_VALUE,
    // Numeric extremes: the edges of exact integers, of doubles, and where JSON switches to exponents.
    Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER - 2,
    Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 63, 2 ** 64, 1e21, 1e-7, -1e-7, Number.EPSILON,
  ];
  if (min !== undefined) edges.push(min, min - 1, min - 0.5, min + 0.5);
  if (max !== undefined) edges.push(max, max + 1, max - 0.5, max + 0.5);
  const inRange = node.type === 'integer'
    ? fc.integer({ min: Math.max(min ?? -1e6, Number.MIN_SAFE_INTEGER), max: Math.min(max ?? 1e6, Number.MAX_SAFE_INTEGER) })
    : fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true });
  return fc.oneof(
    { weight: 3, arbitrary: inRange },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.constantFrom('NaN', '1', '-1', '1e3', '0x10', ' 5 ', '', 'Infinity', '١٢') },
  );
}

/**
 * Number literals JSON.stringify never writes but a client can send: beyond a double's range
 * (JSON.parse reads them as ±Infinity), integers past 2^53 that round on parsing, subnormal underflow.
 */
export const NUMBER_TEXT_EXTREMES = ['1e400', '-1e400', '1e309', '9007199254740993', '-9007199254740993', '123456789012345678901234567890', '1.0e+308', '0x10', '1e-400'];

/** Of those, the ones a bounded number field must refuse: above any maximum below 2^53, below any minimum above -2^53. */
export function outOfBoundsLiterals(node: JsonSchema, root: JsonSchema): string[] {
  const n = resolve(node, root);
  if (n.type !== 'number' && n.type !== 'integer') return [];
  const above = typeof n.maximum === 'number' && n.maximum < 2 ** 53 ? ['1e400', '1e309', '9007199254740993', '123456789012345678901234567890'] : [];
  const below = typeof n.minimum === 'number' && n.minimum > -(2 ** 53) ? ['-1e400', '-9007199254740993'] : [];
  return [...above, ...below];
}

/** Valid enum values, and near misses: case, whitespace, prefixes. */
function enumArb(values: unknown[]): fc.Arbitrary<unknown> {
  const near = values.flatMap((v) =>
    typeof v === 'string' ? [v.toUpperCase(), ` ${v}`, `${v} `, `${v}s`, v.slice(0, -1), `${v}\u0000`, `${v}\u200b`] : [],
  );
  return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 2, arbitrary: fc.constantFrom(...near, 'owner', '', 'ADMIN') });
}

function stringArb(node: JsonSchema, name: string): fc.Arbitrary<string> {
  const shaped: fc.Arbitrary<string>[] = [];
  if (node.format === 'uuid') shaped.push(fc.uuid({ version: 4 }), fc.uuid());
  else if (node.format === 'email') shaped.push(fc.emailAddress(), fc.constantFrom('a@b', '@x.com', 'a@@b.com', 'ü@ü.com', `${'a'.repeat(250)}@x.com`));
  else if (node.format === 'date-time') shaped.push(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom('2024-02-30T00:00:00Z', '2024-01-01', '2024-01-01T00:00:00+02:00', '0000-00-00T00:00:00Z', '9999-12-31T23:59:59.999999999Z'));
  else if (node.format === 'uri') shaped.push(fc.webUrl({ validSchemes: ['https'] }), fc.constantFrom('http://x.com', 'javascript:alert(1)', 'https://', 'file:///etc/passwd'));
  else if (node.pattern) {
    try {
      shaped.push(fc.stringMatching(new RegExp(node.pattern)));
    } catch {
      // A pattern fast-check cannot generate from: random strings only.
    }
  }
  if (/iccid/i.test(name)) shaped.push(fc.stringMatching(/^\d{19,20}$/));
  if (/workspaceIds/.test(name)) shaped.push(fc.array(fc.uuid({ version: 4 }), { maxLength: 120 }).map((ids) => ids.join(',')));
  const min = node.minLength ?? 0;
  const max = Math.min(node.maxLength ?? 64, 200);
  shaped.push(fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.max(min, max) }));
  if (node.maxLength !== undefined) shaped.push(fc.constantFrom('z'.repeat(node.maxLength), 'z'.repeat(node.maxLength + 1)));
  return fc.oneof({ weight: 3, arbitrary: fc.oneof(...shaped) }, { weight: 2, arbitrary: nastyString });
}

/** A value shaped like `node` (right types, random and boundary values). */
export function shapedArb(node: JsonSchema, root: JsonSchema, name = '', depth = 0): fc.Arbitrary<unknown> {
  const n = resolve(node, root);
  if (Array.isArray(n.anyOf) || Array.isArray(n.oneOf)) return fc.oneof(...(n.anyOf ?? n.oneOf).map((s: JsonSchema) => shapedArb(s, root, name, depth)));
  if (n.const !== undefined) return enumArb([n.const]);
  if (Array.isArray(n.enum)) return enumArb(n.enum);
  switch (n.type) {
    case 'string': return stringArb(n, name);
    case 'integer':
    case 'number': return numberArb(n);
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    case 'array': return depth > 4 ? fc.constant([]) : fc.array(shapedArb(n.items ?? {}, root, name, depth + 1), { maxLength: Math.min((n.maxItems ?? 5) + 1, 45) });
    case 'object': return objectArb(n, root, depth);
    default: return depth > 3 ? fc.constant(null) : fc.jsonValue({ maxDepth: 3 });
  }
}

function objectArb(n: JsonSchema, root: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties: Record<string, JsonSchema> = n.properties ?? {};
  const required = new Set<string>(n.required ?? []);
  const entries = Object.entries(properties).map(([key, schema]) => {
    const value = shapedArb(schema, root, key, depth + 1);
    // Required fields are present most of the time, optional ones half the time.
    return fc.option(value.map((v) => [key, v] as const), { freq: required.has(key) ? 8 : 1, nil: undefined });
  });
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter((p) => p !== undefined) as (readonly [string, unknown])[]));
}

/** A JSON value whose type the schema node does not allow. */
export function wrongTypeArb(node: JsonSchema, root: JsonSchema): fc.Arbitrary<unknown> {
  const n = resolve(node, root);
  const allowed = new Set<string>();
  const collect = (s: JsonSchema) => {
    const r = resolve(s, root);
    if (Array.isArray(r.anyOf ?? r.oneOf)) (r.anyOf ?? r.oneOf).forEach(collect);
    else if (Array.isArray(r.enum)) r.enum.forEach((v: unknown) => allowed.add(v === null ? 'null' : typeof v));
    else if (r.type === 'integer') allowed.add('number');
    else if (r.type) allowed.add(r.type);
    else allowed.add('any');
  };
  collect(n);
  if (allowed.has('any')) return fc.constant(undefined);
  const options: fc.Arbitrary<unknown>[] = [];
  if (!allowed.has('string')) options.push(nastyString);
  if (!allowed.has('number')) options.push(fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })));
  if (!allowed.has('boolean')) options.push(fc.boolean());
  if (!allowed.has('null')) options.push(fc.constant(null));
  if (!allowed.has('array')) options.push(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }), fc.constant([]));
  if (!allowed.has('object')) options.push(fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }), fc.constant({}));
  return fc.oneof(...options);
}

/** Keys a strict schema must refuse, prototype pollution among them. */
export const unknownKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'isAdmin', 'role ', 'ownerId', 'orgId', 'PK', 'SK', '', ' ', '\u0000', 'toString', 'hasOwnProperty'),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !/^(name|description|email|role)$/.test(s)),
);

/** Path segment junk (already URL-safe): random strings, URL-encoded junk, overlong, UUID-shaped but unknown. */
export const junkPathSegment: fc.Arbitrary<string> = fc.oneof(
  fc.uuid({ version: 4 }),
  fc.uuid(),
  fc.constantFrom('%00', '%2F', '%2e%2e', '..%2F..%2Fetc%2Fpasswd', '%ZZ', '%', '%25', '%C0%AF', '%FF%FE', '%E2%80%AE', '%20', '+', 'null', 'undefined', '__proto__', 'constructor', '-1', '0', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }).map(encodeURIComponent),
  fc.integer({ min: 257, max: 3000 }).map((n) => 'x'.repeat(n)),
  fc.uuid({ version: 4 }).map((u) => `${u}%00`),
  fc.uuid({ version: 4 }).map((u) => u.toUpperCase()),
);

/**
 * Header values an API should refuse, within what fetch can send at all (tab, printable ASCII and
 * Latin-1: it refuses other control characters before sending).
 */
const headerJunk: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', ' ', '\t', '\u0080', '\u009b', '"', '\\', ',', 'ÿ', '*', ';', '='), maxLength: 60 }),
  // Huge, but under Node's 16 KB header limit even two at a time (the gateway, like API Gateway, caps headers).
  fc.integer({ min: 256, max: 5000 }).map((n) => 'k'.repeat(n)),
  fc.constantFrom('', ' ', '*', '"', '""', 'W/"x"', 'W/', '"abc", "def"', 'null', '-1', '"' + 'e'.repeat(2000) + '"'),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[^\t\x20-\x7e]/g, '')),
);

export const contentTypes = [
  'application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'application/json; charset=latin1', 'text/plain',
  'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/problem+json', 'application/xml', '', '*/*', 'application/json;;;',
];

/** Extra request headers: junk If-Match, Idempotency-Key, Content-Type — or none. */
export const junkHeaders: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    'if-match': headerJunk,
    'idempotency-key': headerJunk,
    'content-type': fc.constantFrom(...contentTypes),
  },
  { requiredKeys: [] },
);

/** A query string: shaped values, junk values, repeated and unknown parameters. */
export function queryArb(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const props: Record<string, JsonSchema> = schema?.properties ?? {};
  const names = Object.keys(props);
  const value = (name: string) =>
    fc.oneof(
      shapedArb(props[name]!, schema!, name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')),
      nastyString,
      fc.constantFrom('abc', '-1', '0', '1e9', '1.5', 'NaN', '', '%7B%7D', '[]', 'a'.repeat(3000), 'true'),
      fc.constantFrom(...NUMBER_TEXT_EXTREMES),
    );
  const pair = fc.oneof(
    ...(names.length ? [fc.constantFrom(...names).chain((name) => value(name).map((v) => [name, v] as const))] : []),
    fc.tuple(fc.constantFrom('unknown', '__proto__', 'constructor', 'limit[]', 'cursor[a]', '', 'q', 'status', 'name', 'filter'), nastyString),
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(pair, { maxLength: 5 }).map((pairs) => {
      const params = new URLSearchParams();
      for (const [k, v] of pairs) params.append(k, v);
      return params.toString();
    }) },
    { weight: 1, arbitrary: fc.constantFrom('limit=1&limit=2', 'limit=%ZZ', 'cursor=%', '&&&', '=', 'limit', '%00=%00', 'a=1&a=2&a=3', '__proto__[x]=1', 'constructor[prototype][x]=1') },
  );
}
