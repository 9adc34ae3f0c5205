/**
 * Every route of the route table, fed malformed input: never a 5xx, always problem+json (but
 * for a refused token, which API Gateway answers itself), and the caller's state is exactly what it was.
 */
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.js';
import { call, signedUp, type Tenant } from './support/api.js';

const FOREIGN_UUID = '00000000-0000-4000-8000-000000000000';

function pathFor(template: string, tenant: Tenant, override?: string): string {
  return template
    .replace('{orgId}', override ?? tenant.orgId)
    .replace('{workspaceId}', override ?? tenant.workspaceId)
    .replace('{userId}', override ?? tenant.userId);
}

const hostile: { name: string; rawBody?: string; headers?: Record<string, string> }[] = [
  { name: 'malformed JSON', rawBody: '{"name": ' },
  { name: 'a JSON array', rawBody: '[1,2,3]' },
  { name: 'a JSON string', rawBody: '"hello"' },
  { name: 'null', rawBody: 'null' },
  { name: 'wrong types', rawBody: JSON.stringify({ name: 1, givenName: [], familyName: {}, role: 7, userId: true, description: 5 }) },
  { name: 'unknown fields', rawBody: JSON.stringify({ isAdmin: true, __proto__: { polluted: 1 }, constructor: 'x' }) },
  { name: 'deep nesting', rawBody: `${'['.repeat(5000)}${']'.repeat(5000)}` },
  { name: 'an oversized body', rawBody: JSON.stringify({ name: 'x'.repeat(70 * 1024) }) },
  { name: 'a non-JSON content type', rawBody: 'name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
  { name: 'control characters', rawBody: JSON.stringify({ name: 'a\u0000b', givenName: 'a\u0007', familyName: '\u001b[31m' }) },
];

describe('bad input on every route', () => {
  it('never answers 5xx, always problem+json, and changes nothing', async () => {
    const tenant = await signedUp('fuzz');
    const before = (await tenant.api.get('/me')).body;
    const failures: string[] = [];
    for (const route of routeList) {
      const attempts: { label: string; path: string; rawBody?: string; headers?: Record<string, string>; token?: string; byGateway?: boolean }[] = [];
      const token = route.auth === 'user' ? tenant.token : undefined;
      if (route.body) for (const h of hostile) attempts.push({ label: h.name, path: pathFor(route.path, tenant), rawBody: h.rawBody, headers: h.headers, token });
      if (route.params) {
        for (const bad of ['not-a-uuid', '%00', '..%2F..%2Fetc', 'x'.repeat(300), FOREIGN_UUID]) {
          attempts.push({ label: `path ${bad.slice(0, 12)}`, path: pathFor(route.path, tenant, bad), rawBody: route.body ? '{}' : undefined, token });
        }
      }
      if (route.query) {
        for (const q of ['limit=abc', 'limit=-1', 'limit=1e9', 'cursor=%7B%7D', `cursor=${'a'.repeat(3000)}`, 'unknown=1', 'q=' + 'z'.repeat(500)]) {
          attempts.push({ label: `query ${q.slice(0, 12)}`, path: `${pathFor(route.path, tenant)}?${q}`, token });
        }
      }
      if (route.auth === 'user') {
        for (const auth of ['', 'Bearer', 'Bearer garbage', 'Basic dXNlcjpwYXNz', `Bearer ${tenant.token}x`]) {
          // Refused by the JWT authorizer: API Gateway's own 401, `{"message":"Unauthorized"}`.
          attempts.push({ label: `auth "${auth.slice(0, 14)}"`, path: pathFor(route.path, tenant), headers: { authorization: auth }, rawBody: route.body ? '{}' : undefined, byGateway: true });
        }
      }
      for (const attempt of attempts) {
        const res = await call(route.method, attempt.path, { token: attempt.token, rawBody: attempt.rawBody, headers: { 'content-type': 'application/json', ...attempt.headers } });
        const problem = (res.headers.get('content-type') ?? '').includes('application/problem+json');
        if (attempt.byGateway) {
          const gateway = res.status === 401 && res.headers.get('content-type') === 'application/json' && res.body?.message === 'Unauthorized';
          if (!gateway) failures.push(`${route.key} with ${attempt.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          continue;
        }
        if (res.status >= 500 || (res.status >= 400 && !problem) || res.status < 400) {
          failures.push(`${route.key} with ${attempt.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect((await tenant.api.get('/me')).body).toEqual(before);
  });

  it('the 64 KB limit answers 413 payload_too_large through the gateway', async () => {
    const tenant = await signedUp('big');
    const res = await tenant.api.patch(`/orgs/${tenant.orgId}`, { description: 'x'.repeat(65 * 1024) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });
});
