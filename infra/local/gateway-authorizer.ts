/**
 * The local gateway's JWT authorizer: checks a Cognito ID token with aws-jwt-verify against
 * the user pool's JWKS, which is handed over up front and cached in the verifier, so no
 * check ever goes to the network.
 */
import { JwtVerifier } from 'aws-jwt-verify';

export interface AuthConfig {
  /** `<cognito endpoint>/<user pool id>`. */
  issuer: string;
  /** The portal's app client id: the ID token's audience. */
  clientId: string;
  /** The pool's JWKS, fetched beforehand (aws-jwt-verify only fetches over https). */
  jwks: unknown;
}

/**
 * Verifies `Authorization` as API Gateway's Cognito JWT authorizer does: signature, issuer,
 * audience, expiry, and an ID token (not an access token). Returns the claims, or
 * undefined for anything else — never throws.
 */
export function createAuthorizer(auth: AuthConfig): (authorization: string | undefined) => Record<string, unknown> | undefined {
  const verifier = JwtVerifier.create({
    issuer: auth.issuer,
    audience: auth.clientId,
    customJwtCheck: ({ payload }) => {
      if (payload.token_use !== 'id') throw new Error('Not an ID token');
      // aws-jwt-verify checks exp only when present; a token without one would never expire.
      if (typeof payload.exp !== 'number') throw new Error('No expiry');
    },
  });
  verifier.cacheJwks(auth.jwks as Parameters<typeof verifier.cacheJwks>[0]);
  return (authorization) => {
    if (authorization === undefined) return undefined;
    // API Gateway takes the token with or without the Bearer prefix.
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    if (token === '') return undefined;
    try {
      // Synchronous on purpose: the keys are cached, and a token with an unknown key must
      // fail here rather than send the verifier off to fetch keys over https.
      return verifier.verifySync(token) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  };
}
