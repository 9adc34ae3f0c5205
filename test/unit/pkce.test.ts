/**
 * PKCE's S256 challenge, as the portal computes it in the browser (Web Crypto) and as the local
 * managed login checks it (node:crypto): both against RFC 7636's own example (Appendix B).
 */
import { describe, expect, it } from 'vitest';
import { s256 } from '../../infra/local/managed-login.js';
import { challengeOf, randomString, safeNext } from '../../portal/src/pkce.js';

const RFC7636_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC7636_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE S256', () => {
  it('the portal derives RFC 7636’s challenge from its verifier', async () => {
    expect(await challengeOf(RFC7636_VERIFIER)).toBe(RFC7636_CHALLENGE);
  });

  it('the local managed login derives the same', () => {
    expect(s256(RFC7636_VERIFIER)).toBe(RFC7636_CHALLENGE);
  });
});

describe('where the portal goes after signing in', () => {
  it('keeps its own paths and turns anything else into /', () => {
    expect(safeNext('/orgs/x/members?role=admin')).toBe('/orgs/x/members?role=admin');
    for (const foreign of [undefined, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)']) expect(safeNext(foreign)).toBe('/');
  });
});

describe('the portal’s verifier', () => {
  it('is 43 characters of the unreserved alphabet, new every time', () => {
    const a = randomString(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomString(32)).not.toBe(a);
  });
});
