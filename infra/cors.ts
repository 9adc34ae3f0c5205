/**
 * CORS, defined once: the HTTP API's `corsPreflight` (infra/constructs/api.ts) and the local
 * gateway (infra/local/gateway-cors.ts) are both built from `corsPolicy`. The functions add no
 * CORS headers of their own: with CORS configured, API Gateway answers preflights itself and
 * ignores any CORS header an integration returns.
 *
 * No CDK import here, so the local gateway can read it without loading aws-cdk-lib.
 */

export interface CorsPolicy {
  /** Exact origins (scheme, host, port), compared as sent in `Origin`. */
  allowOrigins: string[];
  allowMethods: string[];
  /** Lower-case request headers a browser may send. */
  allowHeaders: string[];
  /** Lower-case response headers a browser script may read beyond the safelisted ones. */
  exposeHeaders: string[];
  /** How long a browser may cache a preflight answer. */
  maxAgeSeconds: number;
  allowCredentials: boolean;
}

/** The methods of the route table, and the preflight's own. */
export const CORS_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/** The headers the portal sends: the token, JSON bodies, `If-Match` on updates, `Idempotency-Key` on creates. */
export const CORS_ALLOW_HEADERS = ['authorization', 'content-type', 'if-match', 'idempotency-key'] as const;

/**
 * What the portal reads: `ETag` (sent back as `If-Match`), `Location` (where a 201 put what it created), `Retry-After` (on 429 and 503, to
 * know when to try again) and `WWW-Authenticate` (on API Gateway's 401). `Content-Type` is
 * safelisted and needs no entry.
 */
export const CORS_EXPOSE_HEADERS = ['etag', 'location', 'retry-after', 'www-authenticate'] as const;

/** One hour: the preflight is asked again at most hourly per path and method. */
export const CORS_MAX_AGE_SECONDS = 3600;

/** The API's CORS: the portal's origin only, no credentials (bearer tokens travel in a header, never in cookies). */
export function corsPolicy(portalUrl: string): CorsPolicy {
  return {
    allowOrigins: [new URL(portalUrl).origin],
    allowMethods: [...CORS_METHODS],
    allowHeaders: [...CORS_ALLOW_HEADERS],
    exposeHeaders: [...CORS_EXPOSE_HEADERS],
    maxAgeSeconds: CORS_MAX_AGE_SECONDS,
    allowCredentials: false,
  };
}
