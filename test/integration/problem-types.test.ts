/**
 * A problem document's `type` leads to a page that says what its code means (RFC 9457 §3.1.1):
 * `GET /problems/{code}`, one page per code of the one list (shared/kernel/errors.ts).
 */
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from '#kernel/errors.js';
import { call, expectProblem, signedUp } from './support/api.js';
import { stack } from './support/stack.js';

describe('problem types', () => {
  it("a problem's type is an absolute URI on this API, and it answers a page about that code", async () => {
    const owner = await signedUp('problem-types');
    const missing = await owner.api.get('/workspaces/00000000-0000-4000-8000-000000000000');
    expectProblem(missing, 404, 'not_found');
    expect(missing.body.type).toBe(`${stack().apiUrl}/problems/not_found`);

    const page = await fetch(missing.body.type);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<h1><code>not_found</code></h1>');
    expect(html).toContain('HTTP status <strong>404</strong>');
    // Every code is on every page, linked to its own.
    for (const code of Object.keys(PROBLEMS)) expect(html).toContain(`<a href="${code}"><code>${code}</code></a>`);
  });

  it('every listed code has its page; an unknown one is 404, a malformed one 400', async () => {
    for (const [code, { status }] of Object.entries(PROBLEMS)) {
      const res = await call('GET', `/problems/${code}`);
      expect(res.status, code).toBe(200);
      expect(String(res.body)).toContain(`HTTP status <strong>${status}</strong>`);
    }
    expectProblem(await call('GET', '/problems/no_such_code'), 404, 'not_found');
    expectProblem(await call('GET', '/problems/Not-A-Code'), 400, 'bad_request');
  });
});
