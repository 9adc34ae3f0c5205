/**
 * Forged, stale and malformed bearer tokens through the local gateway on an auth route: each
 * answers 401 — API Gateway's own `{"message":"Unauthorized"}` for what its JWT authorizer
 * refuses, the handler's problem+json for what the authorizer lets through and the API does not
 * want (an access token, no `token_use`, no `sub`); a valid one that lacks the email claim, 403 —
 * and a good token still gets through. This extends the
 * gateway cases of local-stack.test.ts (no header, garbage, empty bearer, long-expired,
 * other audience, other issuer host, token_use=access, a real access token, a payload
 * swapped under a real signature) with the JWT attacks of RFC 8725: `alg: none`, a key of
 * the attacker's own under the pool's kid, an unknown kid, HS256 keyed with the public key,
 * and the edges of each claim check.
 */
import { createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { issuerOf } from '../../infra/local/cognito.js';
import { call, expectGatewayAnswer, expectProblem, signedUp, type Tenant } from './support/api.js';
import { stack, token } from './support/stack.js';
import { claimsOf, signLikeCognitoLocal } from './support/sso-token.js';

const ROUTE = '/me';
const KID = 'CognitoLocal';

const poolKey = createPrivateKey({
  key: (createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: Record<string, string> }).jwk,
  format: 'jwk',
});

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = (): number => Math.floor(Date.now() / 1000);

/** A JWT with any header, RS256-signed with `key`. */
function rs256(header: Record<string, unknown>, claims: Record<string, unknown>, key: KeyObject = poolKey): string {
  const head = `${b64(header)}.${b64(claims)}`;
  return `${head}.${sign('sha256', Buffer.from(head), key).toString('base64url')}`;
}

let owner: Tenant;
/** The claims of the owner's real ID token, fresh: each case changes only what it is about. */
let claims: Record<string, unknown>;

beforeAll(async () => {
  owner = await signedUp('tokens');
  claims = { ...claimsOf(owner.token), iat: now(), exp: now() + 3600 };
});

/** Refused by API Gateway's JWT authorizer (`gateway`), or let through by it and refused by the handler. */
async function expectRefused(authorization: string | undefined, by: 'gateway' | 'handler' = 'gateway'): Promise<void> {
  const res = await call('GET', ROUTE, { headers: authorization === undefined ? {} : { authorization } });
  if (by === 'gateway') expectGatewayAnswer(res, 401);
  else expectProblem(res, 401, 'unauthorized');
  expect(JSON.stringify(res.body)).not.toContain(owner.email);
}

const bearer = (jwt: string): string => `Bearer ${jwt}`;
const without = (name: string): Record<string, unknown> => Object.fromEntries(Object.entries(claims).filter(([k]) => k !== name));

describe('401 for every token the API must not take', () => {
  describe('stale tokens', () => {
    it('expired a moment ago (no leeway)', async () => {
      await expectRefused(bearer(signLikeCognitoLocal({ ...claims, iat: now() - 3602, exp: now() - 2 })));
    });

    it('not valid yet (nbf in the future)', async () => {
      await expectRefused(bearer(signLikeCognitoLocal({ ...claims, nbf: now() + 600 })));
    });

    it('issued in the future (iat after now)', async () => {
      await expectRefused(bearer(signLikeCognitoLocal({ ...claims, iat: now() + 600 })));
    });

    it('without exp', async () => {
      await expectRefused(bearer(signLikeCognitoLocal(without('exp'))));
    });
  });

  describe('tokens meant for someone else', () => {
    it('another user pool on the same Cognito endpoint (issuer)', async () => {
      await expectRefused(bearer(signLikeCognitoLocal({ ...claims, iss: `${stack().cognitoEndpoint}/us-east-1_other` })));
    });

    it('the issuer with a trailing slash', async () => {
      await expectRefused(bearer(signLikeCognitoLocal({ ...claims, iss: `${issuerOf(stack())}/` })));
    });

    it('no issuer', async () => {
      await expectRefused(bearer(signLikeCognitoLocal(without('iss'))));
    });

    it('another app client as an audience list', async () => {
      await expectRefused(bearer(signLikeCognitoLocal({ ...claims, aud: ['another-client'] })));
    });

    it('no audience', async () => {
      await expectRefused(bearer(signLikeCognitoLocal(without('aud'))));
    });

    it("an access token shaped like Cognito's (client_id, scope, no aud) where an ID token is expected: the authorizer takes it, the handler does not", async () => {
      const { aud, email, email_verified, ...rest } = claims;
      await expectRefused(bearer(signLikeCognitoLocal({ ...rest, token_use: 'access', client_id: aud, scope: 'aws.cognito.signin.user.admin' })), 'handler');
    });

    it('an access token of another app client (client_id, no aud)', async () => {
      const { aud, email, email_verified, ...rest } = claims;
      await expectRefused(bearer(signLikeCognitoLocal({ ...rest, token_use: 'access', client_id: 'another-client' })));
    });

    it('no token_use (the authorizer does not look at it; the handler does)', async () => {
      await expectRefused(bearer(signLikeCognitoLocal(without('token_use'))), 'handler');
    });
  });

  describe('forged signatures', () => {
    it('alg none, unsigned', async () => {
      await expectRefused(bearer(`${b64({ alg: 'none', typ: 'JWT', kid: KID })}.${b64(claims)}.`));
    });

    it('alg none, with the pool signature of the same claims kept', async () => {
      const signature = signLikeCognitoLocal(claims).split('.')[2]!;
      await expectRefused(bearer(`${b64({ alg: 'none', typ: 'JWT', kid: KID })}.${b64(claims)}.${signature}`));
    });

    it("signed with another RSA key under the pool's kid", async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      await expectRefused(bearer(rs256({ alg: 'RS256', typ: 'JWT', kid: KID }, claims, privateKey)));
    });

    it('a kid the pool does not publish (signed with the pool key)', async () => {
      await expectRefused(bearer(rs256({ alg: 'RS256', typ: 'JWT', kid: 'unknown-kid' }, claims)));
    });

    it('no kid', async () => {
      await expectRefused(bearer(rs256({ alg: 'RS256', typ: 'JWT' }, claims)));
    });

    it('HS256 with the public key (PEM) as the HMAC secret: algorithm confusion', async () => {
      const secret = createPublicKey(poolKey).export({ type: 'spki', format: 'pem' });
      const head = `${b64({ alg: 'HS256', typ: 'JWT', kid: KID })}.${b64(claims)}`;
      await expectRefused(bearer(`${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`));
    });

    it('RS512 signed with the pool key (the pool signs RS256)', async () => {
      const head = `${b64({ alg: 'RS512', typ: 'JWT', kid: KID })}.${b64(claims)}`;
      await expectRefused(bearer(`${head}.${sign('sha512', Buffer.from(head), poolKey).toString('base64url')}`));
    });

    it("one claim changed under the real token's signature: operator group added", async () => {
      const [header, , signature] = owner.token.split('.');
      const forged = { ...claimsOf(owner.token), 'cognito:groups': ['platform-operators'] };
      await expectRefused(bearer(`${header}.${b64(forged)}.${signature}`));
    });

    it("one claim changed under the real token's signature: another user's sub", async () => {
      const victim = await token('tokens-victim@example.test');
      const [header, , signature] = owner.token.split('.');
      await expectRefused(bearer(`${header}.${b64({ ...claimsOf(owner.token), sub: victim.sub })}.${signature}`));
    });

    it('the signature stripped', async () => {
      const [header, payload] = owner.token.split('.');
      await expectRefused(bearer(`${header}.${payload}.`));
      await expectRefused(bearer(`${header}.${payload}`));
    });
  });

  describe('claims the API needs (the authorizer lets these through; the handler refuses them)', () => {
    it('missing sub (signature, issuer and audience all good)', async () => {
      await expectRefused(bearer(signLikeCognitoLocal(without('sub'))), 'handler');
    });

    it('an empty sub', async () => {
      await expectRefused(bearer(signLikeCognitoLocal({ ...claims, sub: '' })), 'handler');
    });

  });

  describe('malformed', () => {
    it.each([
      ['three dots', 'a.b.c'],
      ['a header that is not JSON', `${Buffer.from('not json').toString('base64url')}.${b64({ sub: 'x' })}.sig`],
      ['a JSON array as payload', `${b64({ alg: 'RS256', kid: KID })}.${b64([{ sub: 'x' }])}.sig`],
      ['non-base64url characters', 'e!J.h$b.G*c'],
    ])('%s', async (_, jwt) => {
      await expectRefused(bearer(jwt));
    });

    it('a valid token with a fourth segment appended', async () => {
      await expectRefused(bearer(`${owner.token}.extra`));
    });

    it.each([
      ['Bearer without a token', 'Bearer'],
      ['Bearer and spaces', 'Bearer    '],
      ['an empty header', ''],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('%s', async (_, authorization) => {
      await expectRefused(authorization);
    });

    it('a valid token under another scheme (Basic)', async () => {
      await expectRefused(`Basic ${owner.token}`);
    });
  });
});

describe('a valid ID token without email (a provider that maps none)', () => {
  it('answers 403 saying the email claim is missing, not 401', async () => {
    for (const claimsWithoutEmail of [without('email'), { ...claims, email: '' }]) {
      const res = await call('GET', ROUTE, { token: signLikeCognitoLocal(claimsWithoutEmail) });

      expectProblem(res, 403, 'forbidden');
      expect(res.body.detail).toMatch(/no email claim/);
      expect(JSON.stringify(res.body)).not.toContain(owner.email);
    }
  });
});

describe('the control', () => {
  it("a token signed like cognito-local's, with the same claims, gets through", async () => {
    const res = await call('GET', ROUTE, { token: signLikeCognitoLocal(claims) });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ user: { email: owner.email } });
  });

  it('the real ID token gets through', async () => {
    const res = await call('GET', ROUTE, { token: owner.token });

    expect(res.status).toBe(200);
  });
});
