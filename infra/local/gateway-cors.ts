/**
 * The API's CORS policy (infra/cors.ts) applied the way an HTTP API with a CORS configuration
 * applies it:
 *   - an `OPTIONS` request with `Origin` and `Access-Control-Request-Method` (a preflight) is
 *     answered by the gateway itself, 204, for any path, before routing or the authorizer;
 *     the CORS headers are in it only when the origin is an allowed one;
 *   - every other response (a function's or the gateway's own) loses whatever CORS headers the
 *     function set, and gets the configured ones when the request's `Origin` is allowed;
 *   - a request without `Origin`, or from another origin, gets no CORS header at all.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { CorsPolicy } from '../cors.js';
import type { GatewayResponse } from './gateway-responses.js';

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** A CORS preflight, which the gateway answers itself. */
export function isPreflight(method: string, headers: IncomingHttpHeaders): boolean {
  return method === 'OPTIONS' && header(headers, 'origin') !== undefined && header(headers, 'access-control-request-method') !== undefined;
}

function allowedOrigin(policy: CorsPolicy, headers: IncomingHttpHeaders): string | undefined {
  const origin = header(headers, 'origin');
  return origin !== undefined && policy.allowOrigins.includes(origin) ? origin : undefined;
}

/** The answer to a preflight: 204, with the policy when the origin is allowed, bare otherwise. */
export function preflight(policy: CorsPolicy, headers: IncomingHttpHeaders): GatewayResponse {
  const origin = allowedOrigin(policy, headers);
  const cors: Record<string, string> =
    origin === undefined
      ? {}
      : {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': policy.allowMethods.join(','),
          'access-control-allow-headers': policy.allowHeaders.join(','),
          'access-control-max-age': String(policy.maxAgeSeconds),
          ...(policy.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
        };
  return { statusCode: 204, headers: cors, body: Buffer.alloc(0) };
}

/** A response as it leaves the gateway: the function's CORS headers dropped, the policy's added for an allowed origin. */
export function withCors(policy: CorsPolicy, headers: IncomingHttpHeaders, response: GatewayResponse): GatewayResponse {
  const kept = Object.fromEntries(Object.entries(response.headers).filter(([name]) => !name.toLowerCase().startsWith('access-control-')));
  const origin = allowedOrigin(policy, headers);
  if (origin === undefined) return { ...response, headers: kept };
  return {
    ...response,
    headers: {
      ...kept,
      'access-control-allow-origin': origin,
      ...(policy.exposeHeaders.length > 0 ? { 'access-control-expose-headers': policy.exposeHeaders.join(',') } : {}),
      ...(policy.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
    },
  };
}
