/**
 * The conformance check the integration tests run on every response (test/support/conformance-check.ts),
 * on the real document and made-up answers: what conforms passes, and each way of not conforming
 * is caught — so a passing integration run means something.
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/openapi.js';
import { Conformance, type Document } from '../support/conformance-check.js';

const conformance = new Conformance(JSON.parse(JSON.stringify(openApiDocument())) as Document);
const ORG = '/orgs/5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70';
const WORKSPACE = '/workspaces/0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c';

const organization = {
  id: '5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70',
  name: 'Analytical Engines',
  description: null,
  logoUrl: null,
  branding: null,
  plan: 'trial',
  trialEndsAt: '2026-03-16T09:30:00.000Z',
  ownerId: '2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  createdAt: '2026-03-02T09:30:00.000Z',
};
const problem = (status: number, code: string) => ({ type: `https://tenancy.dev/problems/${code}`, title: 'T', status, detail: 'd', code });
const json = (status: number, body: unknown, headers: Record<string, string> = {}, type = 'application/json') => ({
  status,
  headers: new Headers({ 'content-type': type, ...headers }),
  text: JSON.stringify(body),
});
const problems = (method: string, path: string, response: ReturnType<typeof json>) => conformance.check(method, path, response).problems;

describe('the conformance check', () => {
  it('passes an answer that conforms, and names the operation it matched (a literal segment before a parameter)', () => {
    const { seen, problems: found } = conformance.check('GET', `${ORG}?x=1`, json(200, organization, { etag: '"1"' }));
    expect(found).toEqual([]);
    expect(seen).toEqual({ operation: 'GET /orgs/{orgId}', status: 200 });
    expect(conformance.match('GET', `${WORKSPACE}/overview`)?.key).toBe('GET /workspaces/{workspaceId}/overview');
  });

  it('fails a status the operation does not declare', () => {
    expect(problems('GET', ORG, json(409, problem(409, 'conflict'), {}, 'application/problem+json'))[0]).toMatch(/status 409 is not declared/);
  });

  it('fails a problem code the status does not carry, and a body off its schema', () => {
    expect(problems('GET', ORG, json(404, problem(404, 'conflict'), {}, 'application/problem+json'))[0]).toMatch(/does not match/);
    expect(problems('GET', ORG, json(200, { ...organization, extra: 1 }, { etag: '"1"' }))[0]).toMatch(/does not match/);
    expect(problems('GET', ORG, json(200, { ...organization, plan: 'gold' }, { etag: '"1"' }))[0]).toMatch(/does not match/);
  });

  it('fails a content type the status does not declare: a problem document where only API Gateway answers, a { message } where only the function does', () => {
    expect(problems('GET', '/health', json(429, problem(429, 'rate_limited'), { 'retry-after': '3' }, 'application/problem+json'))[0]).toMatch(/content type/);
    expect(problems('GET', ORG, json(404, { message: 'Not Found' }))[0]).toMatch(/content type/);
    expect(problems('GET', '/health', json(429, { message: 'Too Many Requests' }))).toEqual([]);
  });

  it('fails a missing required header, and one missing with the content type it comes with', () => {
    expect(problems('GET', ORG, json(200, organization))).toEqual(['header ETag is missing']);
    expect(problems('GET', ORG, json(200, organization, { etag: 'W/"1"' }))[0]).toMatch(/header ETag/);
    expect(problems('GET', ORG, json(503, problem(503, 'unavailable'), {}, 'application/problem+json'))).toEqual(['header Retry-After is missing']);
    expect(problems('POST', '/orgs', json(429, problem(429, 'rate_limited'), {}, 'application/problem+json'))).toEqual(['header Retry-After is missing']);
    expect(problems('POST', '/orgs', json(429, { message: 'Too Many Requests' }))).toEqual([]);
  });

  it('fails a body where the status has none, and none where it has one', () => {
    expect(problems('DELETE', ORG, { status: 204, headers: new Headers(), text: '' })).toEqual([]);
    expect(problems('DELETE', ORG, json(204, {}))[0]).toMatch(/content type/);
    expect(problems('GET', '/health', { status: 200, headers: new Headers(), text: '' })[0]).toMatch(/no body/);
  });

  it("holds what no operation has to API Gateway's unknown-route answer", () => {
    expect(problems('GET', '/no/such/route', json(404, { message: 'Not Found' }))).toEqual([]);
    expect(problems('PUT', '/health', json(404, problem(404, 'not_found'), {}, 'application/problem+json'))[0]).toMatch(/content type/);
    expect(problems('GET', '/no/such/route', json(200, {}))[0]).toMatch(/no operation has GET \/no\/such\/route/);
  });
});
