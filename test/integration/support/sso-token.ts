/**
 * ID tokens of a user who signed in through a federated identity provider (SAML, OIDC): the
 * same claims as the user's real cognito-local ID token plus Cognito's `identities` claim,
 * signed with cognito-local's own key (the one its JWKS publishes), so the gateway verifies it
 * exactly like any other token: signature, kid, issuer, audience, expiry, token_use.
 * cognito-local has no identity providers of its own; this is what one would hand back.
 */
import { signLikeCognitoLocal } from '../../../infra/local/federation.js';
import { as, type Client, type User } from './api.js';

export { signLikeCognitoLocal };

/** The payload of a JWT (not verified: it came from cognito-local a moment ago). */
export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
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
