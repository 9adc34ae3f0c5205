/**
 * The local gateway's own answers, the ones no function gives, in exactly the shape API
 * Gateway's HTTP API gives them: `{"message": "..."}` with `application/json`. An HTTP API
 * cannot customize these (it has no gateway responses), so in AWS a client sees this body, not
 * a problem document, for an unknown route, a missing or refused token, throttling, a body too
 * large for the API or for Lambda, and a function that failed or timed out.
 */

export interface GatewayResponse {
  statusCode: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/** API Gateway's messages, word for word. */
export const GATEWAY_MESSAGES = {
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
} as const;

export type GatewayStatus = keyof typeof GATEWAY_MESSAGES;

/** `{"message": "..."}` with `application/json`, as API Gateway answers itself. */
export function gatewayAnswer(status: GatewayStatus, headers: Record<string, string> = {}): GatewayResponse {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify({ message: GATEWAY_MESSAGES[status] })),
  };
}

/** No route-table row for this method and path (and not a CORS preflight). */
export function notFound(): GatewayResponse {
  return gatewayAnswer(404);
}

/** The route is behind the JWT authorizer and the request carries no token it accepts. */
export function unauthorized(): GatewayResponse {
  return gatewayAnswer(401, { 'www-authenticate': 'Bearer' });
}

/** The body is over the API's payload limit, or the event over Lambda's invocation limit. */
export function payloadTooLarge(): GatewayResponse {
  return gatewayAnswer(413);
}

/** The route's throttling bucket is empty. */
export function tooManyRequests(): GatewayResponse {
  return gatewayAnswer(429);
}

/**
 * The function failed: it threw (an invocation error), ran past its timeout, returned more than
 * Lambda returns or something that is no response; or the gateway itself did.
 */
export function internalError(): GatewayResponse {
  return gatewayAnswer(500);
}
