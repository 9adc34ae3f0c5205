/**
 * ID tokens of a user who signed in through a federated identity provider (SAML, OIDC): the
 * same claims as the user's real cognito-local ID token plus Cognito's `identities` claim,
 * signed with cognito-local's own key (the one its JWKS publishes), so the gateway verifies it
 * exactly like any other token: signature, kid, issuer, audience, expiry, token_use.
 * cognito-local has no identity providers of its own; this is what one would hand back.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import { as, type Client, type User } from './api.js';

const require = createRequire(import.meta.url);
const signingKey = require('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: Record<string, string>; pem: string };
const KEY_ID = 'CognitoLocal';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The payload of a JWT (not verified: it came from cognito-local a moment ago). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Signs `claims` as cognito-local signs its ID tokens (RS256, kid CognitoLocal). */
export function signLikeCognitoLocal(claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })}.${b64(claims)}`;
  const signature = sign('sha256', Buffer.from(head), createPrivateKey({ key: signingKey.jwk, format: 'jwk' }));
  return `${head}.${signature.toString('base64url')}`;
}

/** The user's ID token as if they had signed in through `providerName` (Cognito's `identities` claim). */
export function ssoToken(user: Pick<User, 'token'>, providerName: string, providerType = 'SAML'): string {
  const claims = claimsOf(user.token);
  return signLikeCognitoLocal({
    ...claims,
    identities: [{ providerName, providerType, userId: `${providerName}-${String(claims.sub)}`, primary: 'true', issuer: null, dateCreated: '1700000000000' }],
  });
}

/** A client that calls as `user`, signed in through `providerName`. */
export function viaSso(user: Pick<User, 'token'>, providerName: string): Client {
  return as(ssoToken(user, providerName));
}
