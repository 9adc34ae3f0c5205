/**
 * The local gateway's own answers, the ones no function gives: its errors (401, 404, 413,
 * 500) as problem documents, the CORS preflight, and the CORS headers on every response.
 */

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

const STATUS_TITLES: Record<number, string> = {
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Payload Too Large',
  500: 'Internal Server Error',
};

/**
 * An RFC 9457 problem document shaped like the handlers' own (shared/http/problem.ts), so a
 * client cannot tell the gateway's errors from theirs. That module is not imported here:
 * it loads the handlers' logger, which must not initialise before their environment is set.
 */
export function problem(status: number, code: string, detail: string): GatewayResponse {
  const title = STATUS_TITLES[status] ?? 'Error';
  const type = `https://tenancy.dev/problems/${code}`;
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json' },
    body: Buffer.from(JSON.stringify({ type, title, status, detail, code })),
  };
}

/** No route-table row for this method and path. */
export function notFound(method: string, path: string): GatewayResponse {
  return problem(404, 'not_found', `No route for ${method} ${path}`);
}

/** The route is behind the authorizer and the request carries no valid ID token. */
export function unauthorized(): GatewayResponse {
  const response = problem(401, 'unauthorized', 'A valid Cognito ID token is required (Authorization: Bearer <token>)');
  response.headers['www-authenticate'] = 'Bearer';
  return response;
}

/** The body is over API Gateway's payload limit of `limitBytes`. */
export function payloadTooLarge(limitBytes: number): GatewayResponse {
  return problem(413, 'payload_too_large', `The request body exceeds ${limitBytes} bytes`);
}

/** The function failed (threw, or could not be loaded), or the gateway itself did. */
export function internalError(): GatewayResponse {
  return problem(500, 'internal_error', 'Something went wrong on our side.');
}

// ── CORS ─────────────────────────────────────────────────────────────────────

export const CORS_ALLOW_HEADERS = 'authorization, content-type, if-match, idempotency-key';

/** The answer to every `OPTIONS` request: only the portal's origin is allowed. */
export function preflight(portalOrigin: string, allowMethods: string): GatewayResponse {
  return {
    statusCode: 204,
    headers: {
      'access-control-allow-origin': portalOrigin,
      'access-control-allow-methods': allowMethods,
      'access-control-allow-headers': CORS_ALLOW_HEADERS,
      'access-control-max-age': '600',
      vary: 'origin',
    },
    body: Buffer.alloc(0),
  };
}

/** Added to every response: requests from the portal's origin may read it, and its ETag. */
export function corsHeaders(origin: string | undefined, portalOrigin: string): Record<string, string> {
  if (origin !== portalOrigin) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': 'etag', vary: 'origin' };
}
