/**
 * The local gateway's JWT authorizer: checks a Cognito token with aws-jwt-verify against the
 * user pool's JWKS, which is handed over up front and cached in the verifier, so no check ever
 * goes to the network.
 */
import { JwtVerifier } from 'aws-jwt-verify';
import {
  JwtExpiredError, JwtInvalidIssuerError, JwtInvalidSignatureAlgorithmError, JwtInvalidSignatureError,
  JwtNotBeforeError, JwtParseError, JwtWithoutValidKidError, KidNotFoundInJwksError,
} from 'aws-jwt-verify/error';

export interface AuthConfig {
  /** `<cognito endpoint>/<user pool id>`. */
  issuer: string;
  /** The portal's app client id: the authorizer's one audience. */
  clientId: string;
  /** The pool's JWKS, fetched beforehand (aws-jwt-verify only fetches over https). */
  jwks: unknown;
}

/** The token's claims, or why it was refused (for the gateway's log; the answer is API Gateway's bare 401). */
export type Authorization = { claims: Record<string, unknown> } | { refused: string };

/** A refusal's reason in a few words, from aws-jwt-verify's error or our own checks. */
function reasonOf(error: unknown): string {
  if (error instanceof JwtExpiredError) return 'expired';
  if (error instanceof JwtNotBeforeError) return 'not valid yet (nbf)';
  if (error instanceof JwtInvalidIssuerError) return 'wrong issuer';
  if (error instanceof JwtInvalidSignatureError) return 'bad signature';
  if (error instanceof JwtInvalidSignatureAlgorithmError) return 'signature algorithm not allowed';
  if (error instanceof KidNotFoundInJwksError) return 'unknown key (kid not in the JWKS)';
  if (error instanceof JwtWithoutValidKidError) return 'no key id (kid)';
  if (error instanceof JwtParseError) return 'not a JWT';
  return error instanceof Error ? error.message : 'refused';
}

class Refused extends Error {}

/**
 * Verifies `Authorization` as API Gateway's JWT authorizer (Cognito issuer, the portal client
 * as audience) does: the token with or without `Bearer `, an RSA signature by a key of the
 * pool's JWKS, the issuer, `aud` — or `client_id` when there is no `aud`, as in an access
 * token — the portal client, `exp` after now, `nbf` and `iat` before now. Like API Gateway it
 * does not look at `token_use`: an access token gets through, and the handlers refuse it.
 * Never throws.
 */
export function createAuthorizer(auth: AuthConfig): (authorization: string | undefined) => Authorization {
  const verifier = JwtVerifier.create({
    issuer: auth.issuer,
    audience: null,
    customJwtCheck: ({ payload }) => {
      const aud = payload.aud;
      if (aud !== undefined) {
        if (!(Array.isArray(aud) ? aud : [aud]).includes(auth.clientId)) throw new Refused('wrong audience');
      } else if (payload.client_id !== auth.clientId) {
        throw new Refused('wrong audience (no aud, and client_id is not the portal client)');
      }
      // aws-jwt-verify checks exp only when present; a token without one would never expire.
      if (typeof payload.exp !== 'number') throw new Refused('no expiry (exp)');
      if (typeof payload.iat === 'number' && payload.iat > Date.now() / 1000) throw new Refused('issued in the future (iat)');
    },
  });
  verifier.cacheJwks(auth.jwks as Parameters<typeof verifier.cacheJwks>[0]);
  return (authorization) => {
    if (authorization === undefined) return { refused: 'no Authorization header' };
    // API Gateway takes the token with or without the Bearer prefix.
    const token = authorization.replace(/^Bearer\s+/i, '').trim();
    if (token === '') return { refused: 'empty token' };
    try {
      // Synchronous on purpose: the keys are cached, and a token with an unknown key must
      // fail here rather than send the verifier off to fetch keys over https.
      return { claims: verifier.verifySync(token) as Record<string, unknown> };
    } catch (error) {
      return { refused: reasonOf(error) };
    }
  };
}
