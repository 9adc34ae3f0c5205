import { describe, expect, it, vi } from 'vitest';
import { byDottedPath } from '#kernel/logger.js';

describe('the correlation id lookup', () => {
  it('walks a dotted path as JMESPath would for one, and is undefined where the path leads nowhere', () => {
    const event = { requestContext: { requestId: 'abc=', http: { method: 'GET' } }, headers: null };
    expect(byDottedPath('requestContext.requestId', event)).toBe('abc=');
    expect(byDottedPath('requestContext.http.method', event)).toBe('GET');
    expect(byDottedPath('requestContext.missing.deeper', event)).toBeUndefined();
    expect(byDottedPath('headers.x', event)).toBeUndefined();
    expect(byDottedPath('requestContext.requestId', undefined)).toBeUndefined();
  });

  it('splits a path on its first lookup only, not on every request', () => {
    const event = { requestContext: { onlyHere: 'x' } };
    const split = vi.spyOn(String.prototype, 'split');
    try {
      for (let i = 0; i < 3; i++) expect(byDottedPath('requestContext.onlyHere', event)).toBe('x');
      expect(split.mock.calls.filter(([separator]) => (separator as unknown) === '.')).toHaveLength(1);
    } finally {
      split.mockRestore();
    }
  });
});
