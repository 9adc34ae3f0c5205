/**
 * The local API Gateway: an HTTP server on loopback with the same route table and the same
 * handlers as AWS, behaving as the deployed HTTP API does. This file is the server and the
 * request flow; the steps live next to it:
 *   gateway-cors.ts       the CORS policy of infra/cors.ts, applied as API Gateway applies it
 *   gateway-router.ts     which row of the route table a request goes to
 *   gateway-throttle.ts   the stage's throttling (token buckets per route)
 *   gateway-authorizer.ts the Cognito JWT check
 *   gateway-event.ts      request → payload v2.0 event, function result → response
 *   gateway-handlers.ts   loading the functions, their environment and context
 *   gateway-responses.ts  the gateway's own answers, API Gateway's `{"message": ...}`
 * The flow, in API Gateway's order: body over 10 MB → 413; CORS preflight → 204; no route →
 * 404; throttled → 429; no valid token → 401; event over Lambda's 6 MB → 413; the function,
 * cut at its timeout; a throw, a timeout or a result over 6 MB → 500; then CORS headers.
 * The handlers cannot tell the difference from AWS; only endpoints in their environment do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from '#http/route.js';
import { AWS_LIMITS } from '../api-settings.js';
import { corsPolicy } from '../cors.js';
import { createAuthorizer, type AuthConfig } from './gateway-authorizer.js';
import { isPreflight, preflight, withCors } from './gateway-cors.js';
import { buildEvent, newRequestId, toResponse } from './gateway-event.js';
import { FUNCTION_TIMEOUT_MS, functionNameOf, lambdaContext, moduleLoader, type HandlerLoader } from './gateway-handlers.js';
import { internalError, notFound, payloadTooLarge, tooManyRequests, unauthorized, type GatewayResponse } from './gateway-responses.js';
import { referenceResponse } from './api-reference.js';
import { createRouter } from './gateway-router.js';
import { createThrottle, type ThrottleSettings } from './gateway-throttle.js';
import { listenOnLoopback } from './process.js';

/** API Gateway's own payload limit; the handlers enforce their (much smaller) one. */
export const MAX_BODY_BYTES = AWS_LIMITS.apiPayloadBytes;

/**
 * How long an idle keep-alive connection stays open: longer than clients keep theirs (Node's
 * fetch and http agents, browsers, load testers), so a client reusing a connection never
 * finds it closed under it (Node's default of 5 s did that to a request after a 5 s pause).
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface GatewayOptions {
  port: number;
  routes: Route[];
  auth: AuthConfig;
  /** The portal's URL: the one origin the CORS policy (infra/cors.ts) allows. */
  portalUrl: string;
  region: string;
  /** No per-request log lines (errors are still printed). */
  quiet?: boolean;
  /** Where the gateway's log lines go; default the console, nowhere when `quiet`. */
  log?: (line: string) => void;
  loadHandler?: HandlerLoader;
  /** Stage throttling (`npm start`: the CDK stage's); none when left out (tests, the benchmark). */
  throttle?: ThrottleSettings;
  /** How long a function may run before the gateway answers 500 (default: the deployed timeout). */
  functionTimeoutMs?: number;
}

export interface Gateway {
  url: string;
  server: Server;
  close(): Promise<void>;
}

class PayloadTooLarge extends Error {}

/** Past this, an oversized upload is cut off instead of drained. */
const DRAIN_LIMIT_BYTES = 4 * MAX_BODY_BYTES;

/**
 * Reads the body. An oversized one is drained (not kept) before the 413, as API Gateway does:
 * answering mid-upload and closing would reset the client's connection before it reads the answer.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let tooLarge = Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () => (tooLarge ? reject(new PayloadTooLarge()) : resolve(Buffer.concat(chunks))));
    req.on('error', () => reject(tooLarge ? new PayloadTooLarge() : new Error('request aborted')));
  });
}

const TIMED_OUT = Symbol('timed out');

/** Runs `invocation` for at most `ms`: its value, or TIMED_OUT. The invocation keeps running, as nothing can stop it in-process. */
async function within<T>(invocation: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  try {
    return await Promise.race([invocation, deadline]);
  } finally {
    clearTimeout(timer);
    invocation.catch(() => undefined);
  }
}

/** Starts the gateway on 127.0.0.1:`port` (0 for any free port). */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const route = createRouter(opts.routes);
  const authorize = createAuthorizer(opts.auth);
  const throttle = opts.throttle === undefined ? undefined : createThrottle(opts.throttle);
  const loadHandler = opts.loadHandler ?? moduleLoader();
  const cors = corsPolicy(opts.portalUrl);
  const functionTimeoutMs = opts.functionTimeoutMs ?? FUNCTION_TIMEOUT_MS;
  const log = opts.log ?? (opts.quiet ? () => undefined : (line: string) => console.log(line));

  async function respond(req: IncomingMessage, requestId: string, port: number): Promise<GatewayResponse> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof PayloadTooLarge) {
        const answer = payloadTooLarge();
        answer.headers.connection = 'close';
        return answer;
      }
      throw error;
    }

    // With CORS configured, API Gateway answers preflights itself, whatever the path.
    if (isPreflight(method, req.headers)) return preflight(cors, req.headers);

    const match = route(method, path);
    if (match === undefined) return referenceResponse(method, path) ?? notFound();

    if (throttle !== undefined && !throttle(match.route)) {
      log(`[gateway] 429 ${match.route.key}: throttled (stage limits of infra/api-settings.ts)`);
      return tooManyRequests();
    }

    let claims: Record<string, unknown> | undefined;
    if (match.route.auth === 'user') {
      const authorization = authorize(req.headers.authorization);
      if ('refused' in authorization) {
        // The why is for the log only (in AWS: the access log's authorizerError); the answer is API Gateway's bare 401.
        log(`[gateway] 401 ${method} ${path}: token refused: ${authorization.refused}`);
        return unauthorized();
      }
      claims = authorization.claims;
    }

    const event = buildEvent(
      {
        method,
        url,
        rawHeaders: req.rawHeaders,
        body,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        protocol: `HTTP/${req.httpVersion}`,
        port,
      },
      match,
      { claims, requestId },
    );
    const eventBytes = Buffer.byteLength(JSON.stringify(event));
    if (eventBytes > AWS_LIMITS.lambdaRequestBytes) {
      log(`[gateway] 413 ${match.route.key}: the event is ${eventBytes} bytes, over Lambda's ${AWS_LIMITS.lambdaRequestBytes}`);
      return payloadTooLarge();
    }

    try {
      const handler = await loadHandler(match.route.handler);
      // The clock starts once the module is loaded: in AWS the init phase is not part of the timeout.
      const context = lambdaContext(functionNameOf(match.route.handler), opts.region, undefined, functionTimeoutMs);
      const result = await within(Promise.resolve().then(() => handler(event, context)), functionTimeoutMs);
      if (result === TIMED_OUT) {
        console.error(`[gateway] ${match.route.key} (functions/${match.route.handler}.ts) timed out after ${functionTimeoutMs} ms`);
        return internalError();
      }
      const resultBytes = Buffer.byteLength(JSON.stringify(result) ?? '');
      if (resultBytes > AWS_LIMITS.lambdaResponseBytes) {
        console.error(`[gateway] ${match.route.key} returned ${resultBytes} bytes, over Lambda's ${AWS_LIMITS.lambdaResponseBytes}`);
        return internalError();
      }
      return toResponse(result);
    } catch (error) {
      console.error(`[gateway] ${match.route.key} (functions/${match.route.handler}.ts) failed:`, error);
      return internalError();
    }
  }

  const server = createServer((req, res: ServerResponse) => {
    const started = performance.now();
    const requestId = newRequestId();
    respond(req, requestId, (server.address() as AddressInfo).port)
      .catch((error: unknown) => {
        console.error('[gateway] request failed:', error);
        return internalError();
      })
      .then((answer) => {
        // A preflight's answer carries the CORS headers already; every other gets them from the policy.
        const response = isPreflight(req.method ?? 'GET', req.headers) ? answer : withCors(cors, req.headers, answer);
        const headers: Record<string, string | string[]> = { ...response.headers, 'apigw-requestid': requestId };
        res.writeHead(response.statusCode, { ...headers, 'content-length': String(response.body.length) });
        res.end(response.body);
        const ms = Math.round(performance.now() - started);
        log(`${req.method} ${(req.url ?? '/').split('?')[0]} ${response.statusCode} ${ms}ms`);
      });
  });
  // Handlers may take a while (cold imports); the function timeout, not Node's, cuts them.
  server.requestTimeout = 0;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  const listening = await listenOnLoopback(server, opts.port);
  return { url: `http://127.0.0.1:${listening.port}`, server, close: listening.close };
}
