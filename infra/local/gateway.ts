/**
 * The local API Gateway: an HTTP server on loopback with the same route table and the same
 * handlers as AWS. This file is the server and the request flow (preflight, body limit,
 * route, authorizer, function, response); the steps live next to it:
 *   gateway-router.ts     which row of the route table a request goes to
 *   gateway-authorizer.ts the Cognito JWT check
 *   gateway-event.ts      request → payload v2.0 event, function result → response
 *   gateway-handlers.ts   loading the functions, their environment and context
 *   gateway-responses.ts  the gateway's own answers (401/404/413/500, CORS)
 * The handlers cannot tell the difference from AWS; only endpoints in their environment do.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Route } from '#http/route.js';
import { createAuthorizer, type AuthConfig } from './gateway-authorizer.js';
import { buildEvent, toResponse } from './gateway-event.js';
import { functionNameOf, lambdaContext, moduleLoader, type HandlerLoader } from './gateway-handlers.js';
import {
  corsHeaders, internalError, notFound, payloadTooLarge, preflight, unauthorized, type GatewayResponse,
} from './gateway-responses.js';
import { referenceResponse } from './api-reference.js';
import { createRouter } from './gateway-router.js';

/** API Gateway's own payload limit; the handlers enforce their (much smaller) one. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface GatewayOptions {
  port: number;
  routes: Route[];
  auth: AuthConfig;
  /** The portal's origin, the only one CORS allows. */
  portalUrl: string;
  region: string;
  quiet?: boolean;
  loadHandler?: HandlerLoader;
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

/** Starts the gateway on 127.0.0.1:`port` (0 for any free port). */
export async function startGateway(opts: GatewayOptions): Promise<Gateway> {
  const route = createRouter(opts.routes);
  const authorize = createAuthorizer(opts.auth);
  const loadHandler = opts.loadHandler ?? moduleLoader();
  const portalOrigin = new URL(opts.portalUrl).origin;
  const allowMethods = [...new Set(opts.routes.map((r) => r.method)), 'OPTIONS'].join(', ');

  async function respond(req: IncomingMessage, requestId: string): Promise<GatewayResponse> {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';

    if (method === 'OPTIONS') {
      req.resume();
      return preflight(portalOrigin, allowMethods);
    }

    let body: Buffer;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof PayloadTooLarge) return payloadTooLarge(MAX_BODY_BYTES);
      throw error;
    }

    const match = route(method, path);
    if (match === undefined) return referenceResponse(method, path) ?? notFound(method, path);

    let claims: Record<string, unknown> | undefined;
    if (match.route.auth === 'user') {
      claims = authorize(req.headers.authorization);
      if (claims === undefined) return unauthorized();
    }

    const event = buildEvent(
      {
        method,
        url,
        rawHeaders: req.rawHeaders,
        body,
        sourceIp: (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
        protocol: `HTTP/${req.httpVersion}`,
      },
      match,
      { claims, requestId },
    );
    try {
      const handler = await loadHandler(match.route.handler);
      const result = await handler(event, lambdaContext(functionNameOf(match.route.handler), opts.region));
      return toResponse(result);
    } catch (error) {
      console.error(`[gateway] ${match.route.key} (functions/${match.route.handler}.ts) failed:`, error);
      return internalError();
    }
  }

  const server = createServer((req, res: ServerResponse) => {
    const started = performance.now();
    const requestId = randomUUID();
    respond(req, requestId)
      .catch((error: unknown) => {
        console.error('[gateway] request failed:', error);
        return internalError();
      })
      .then((response) => {
        const headers: Record<string, string | string[]> = {
          ...corsHeaders(req.headers.origin, portalOrigin),
          ...response.headers,
          'apigw-requestid': requestId,
        };
        if (response.statusCode === 413) headers.connection = 'close';
        res.writeHead(response.statusCode, { ...headers, 'content-length': String(response.body.length) });
        res.end(response.body);
        if (!opts.quiet) {
          const ms = Math.round(performance.now() - started);
          console.log(`${req.method} ${(req.url ?? '/').split('?')[0]} ${response.statusCode} ${ms}ms`);
        }
      });
  });
  // Handlers may take a while (cold imports); Node's defaults would cut long requests short.
  server.requestTimeout = 0;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
