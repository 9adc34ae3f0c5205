/**
 * The table browser's gate (infra/local/admin.ts): it answers only requests addressed to it by a
 * loopback name and port, and takes changes only from its own pages.
 */
import { describe, expect, it } from 'vitest';
import { adminRequestAllowed } from '../../infra/local/admin.js';

const PORT = 8001;

describe('adminRequestAllowed', () => {
  it.each(['127.0.0.1:8001', 'localhost:8001', 'LOCALHOST:8001', '[::1]:8001'])('lets a read addressed to %s through', (host) => {
    expect(adminRequestAllowed(PORT, { host }, 'GET')).toBe(true);
  });

  it.each([
    ['another name (DNS rebinding)', 'evil.example:8001'],
    ['another port', '127.0.0.1:8002'],
    ['no port', 'localhost'],
    ['no Host at all', undefined],
  ])('refuses %s', (_, host) => {
    expect(adminRequestAllowed(PORT, { host }, 'GET')).toBe(false);
  });

  it('takes a change from its own pages, and from a client that sends no Origin (curl)', () => {
    expect(adminRequestAllowed(PORT, { host: 'localhost:8001', origin: 'http://localhost:8001', 'sec-fetch-site': 'same-origin' }, 'POST')).toBe(true);
    expect(adminRequestAllowed(PORT, { host: '127.0.0.1:8001' }, 'DELETE')).toBe(true);
  });

  it.each([
    ['a page of another site', { origin: 'http://evil.example' }],
    ['a page of another local port', { origin: 'http://localhost:5173' }],
    ['an opaque origin', { origin: 'null' }],
    ['a cross-site fetch without Origin', { 'sec-fetch-site': 'cross-site' }],
    ['a same-site page of another port', { 'sec-fetch-site': 'same-site', origin: 'http://localhost:3000' }],
  ])('refuses a change from %s', (_, headers) => {
    expect(adminRequestAllowed(PORT, { host: 'localhost:8001', ...headers }, 'POST')).toBe(false);
  });
});
