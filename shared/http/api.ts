/**
 * `api(route, main)` builds a Lambda handler for one row of the route table:
 *
 *   logger context → header/event normalizing → security headers → problem+json errors
 *   → body size → principal (or the billing signature) → path params → authorization → SSO of the default workspace
 *   → JSON body + query validation (#http/input.ts) → Idempotency-Key (creates) → main
 *
 * No CORS here: API Gateway answers preflights and sets the CORS headers itself, from the one
 * definition in infra/cors.ts, and ignores any an integration returns.
 *
 * Authorization is the auth floor's (`authorizeRoute`, #auth/scopes.ts: the route scope's loader,
 * one BatchGet, then the one `authorize` of the row's action); the wrapper knows no kind of id.
 * `main` receives typed, validated input and the caller's access, and returns a Reply.
 * Nothing in a handler parses, validates or writes an error response by hand.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { config } from '#kernel/config.js';
import { dynamodb } from '#db/client.js';
import { TABLE } from '#db/table.js';
import { logger } from '#kernel/logger.js';
import type { Access } from '#auth/access.js';
import { assertAccessSpec, authorizeRoute, type ScopedAccess, type SelfAccess } from '#auth/scopes.js';
import { DEVICE_AUTH_SCHEME, deviceKeyFrom } from '#domain/devices.js';
import { assertRouteDefaultSso, assertSsoReading, wrapperChecksSso } from '#auth/sso-check.js';
import type { UserProfile } from '#domain/users.js';
import { UnauthorizedError } from '#kernel/errors.js';
import { bodyBytes, bodyLimit, parse, parseInput } from '#http/input.js';
import { assertBillingSignature } from '#auth/billing.js';
import { etagOf, requiredVersion } from '#http/etag.js';
import { principalFrom, type Principal } from '#auth/principal.js';
import { problemJson } from '#http/problem.js';
import type { RouteSpec } from '#http/route.js';

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;
type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface ApiRequest<S extends RouteSpec> {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  principal: S['auth'] extends 'user' ? Principal : undefined;
  /** The caller's access as the route's scope loaded it (`#auth/scopes.ts`), with `userId`; none on public routes. */
  access: ScopedAccess<S['scope']>;
  /**
   * The caller's profile as read for the SSO check (undefined when they have none), so the
   * operation need not read it again. Not read on routes exempt from SSO or checking it themselves.
   */
  profile: UserProfile | undefined;
  /** Lower-cased request headers. */
  headers: Record<string, string | undefined>;
  /**
   * On a `PATCH`, the version `If-Match` requires (undefined when absent or `*`; a malformed or weak
   * tag was already answered 412). Every `PATCH` passes it to the edit, which compares it with the
   * version it reads (`assertIfMatch`, shared/db/versioned.ts).
   */
  ifMatch: number | undefined;
  requestId: string;
}

/**
 * What an operation answers, typed by its row: the body is the input of the row's response schema
 * (a view that drifts from the schema fails `tsc`; none on a row without one), the status one the
 * row declares, `version` (sent as the ETag) required exactly when the row says `etag`, and
 * `location` (sent as `Location` on a 201) exactly when it says `location`.
 */
export type Reply<S extends RouteSpec = RouteSpec> = {
  status?: S['status'] | NonNullable<S['answers']['success']>[number]['status'];
  headers?: Record<string, string>;
} & (S['response'] extends z.ZodType ? { body: z.input<S['response']> } : { body?: undefined }) &
  (S['etag'] extends true ? { /** Version of the returned resource, sent as its ETag. */ version: number } : { version?: undefined }) &
  (S['location'] extends true ? { /** The created resource's path. */ location: string } : { location?: undefined });

interface State {
  params?: unknown;
  query?: unknown;
  body?: unknown;
  /** The body as parsed, before validation: what an `Idempotency-Key` is checked against. */
  json?: unknown;
  principal?: Principal;
  access?: Access | SelfAccess;
  profile?: UserProfile;
}
type ApiContext = Context & { tenancy: State };
type Stage = MiddlewareObj<Event, Result, Error, ApiContext>;

/**
 * The caller, from the authorizer's verified claims (401 if there are none); on the billing
 * webhook, the signature over the body's exact bytes, before the body is parsed.
 */
const authenticate = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: async ({ event, context }) => {
    // A device key is checked against the table by the handler; its absence is known at once.
    if (spec.auth === 'device' && !deviceKeyFrom(event.headers?.authorization)) {
      throw new UnauthorizedError('A device key is required (Authorization: Device <deviceKey>).', DEVICE_AUTH_SCHEME);
    }
    if (spec.auth === 'billing') await assertBillingSignature(event.headers?.['billing-signature'], bodyBytes(event));
    if (spec.auth !== 'user') return;
    const principal = principalFrom(event);
    context.tenancy.principal = principal;
    logger.appendKeys({ userId: principal.userId });
  },
});

/** Path parameters are checked before any lookup, so a malformed id never reaches the table. */
const pathParams = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: ({ event, context }) => {
    if (spec.params) context.tenancy.params = parse(spec.params, event.pathParameters ?? {}, 'path');
  },
});

/** The caller's access, loaded and authorized by the route's scope (one BatchGet; 404, then 403). */
const authorization = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: async ({ context }) => {
    context.tenancy.access = await authorizeRoute(spec, context.tenancy.principal, context.tenancy.params);
  },
});

/**
 * SSO of the caller's default workspace (rule in shared/domain/sso.ts): a token that did not come
 * through the required identity provider answers 403 `sso_required` everywhere but the exempt
 * routes. After authorization, so what the caller cannot see still answers 404. The profile came
 * with the access (every scope's loader reads it when the wrapper checks); it is handed to the
 * operation. Routes whose operation reads the profile in its own first BatchGet check it there
 * (`ssoByOperation`).
 */
const sso = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: ({ context }) => {
    const { principal, access } = context.tenancy;
    if (!principal || !wrapperChecksSso(spec)) return;
    assertRouteDefaultSso(spec, principal, access);
    context.tenancy.profile = access?.profile;
  },
});

/**
 * JSON body and query string, validated against the route's schemas. On a route whose operation
 * checks SSO itself, refused input is answered only after the SSO check, as on every other route.
 */
const input = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: async (request) => {
    try {
      const { query, body, json } = parseInput(spec, request.event);
      Object.assign(request.context.tenancy, { query, body, json });
    } catch (error) {
      const { principal } = request.context.tenancy;
      if (spec.ssoByOperation && principal) await assertSsoReading(principal);
      throw error;
    }
  },
});

/** What an `Idempotency-Key` request is recognised by: its key, and the body it must repeat. */
interface Fingerprint {
  /** The caller, the exact path and the header: the same key on another workspace's create is another request. */
  key: string;
  /** The parsed body (JSON, keys in any order): the same body sent as text or base64 is the same request. */
  body: unknown;
}

interface Attempt {
  run: () => Promise<Result>;
  failed?: { error: unknown };
}

/**
 * `Idempotency-Key` on creates (Powertools idempotency, records in our table under their own
 * partition per route): a repeat with the same key and body returns the first answer; the same
 * key with another body is 422; no header, no idempotency. The body compared is the parsed one,
 * not the event's raw text, which API Gateway base64-encodes for some content types. Powertools
 * idempotency (and the JMESPath engine it brings) is imported only by idempotent routes, started
 * while their function initializes: no other function loads it (issue 15).
 */
type Once = (fingerprint: Fingerprint, context: Context, run: () => Promise<Result>) => Promise<Result>;

async function idempotency(routeKey: string): Promise<Once> {
  const [{ IdempotencyConfig, makeIdempotent }, { DynamoDBPersistenceLayer }] = await Promise.all([
    import('@aws-lambda-powertools/idempotency'),
    import('@aws-lambda-powertools/idempotency/dynamodb'),
  ]);
  const idempotencyConfig = new IdempotencyConfig({
    eventKeyJmesPath: 'key',
    payloadValidationJmesPath: 'body',
    expiresAfterSeconds: 24 * 60 * 60,
  });
  const idempotent = makeIdempotent(
    async (_fingerprint: Fingerprint, attempt: Attempt): Promise<Result> => {
      try {
        return await attempt.run();
      } catch (error) {
        attempt.failed = { error };
        throw error;
      }
    },
    {
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: config().tableName,
        keyAttr: TABLE.partitionKey,
        sortKeyAttr: TABLE.sortKey,
        staticPkValue: `IDEMPOTENCY#${routeKey}`,
        expiryAttr: TABLE.ttlAttribute,
        awsSdkV3Client: dynamodb,
      }),
      config: idempotencyConfig,
      dataIndexArgument: 0,
    },
  );
  return async (fingerprint, context, run) => {
    idempotencyConfig.registerLambdaContext(context);
    const attempt: Attempt = { run };
    try {
      return await idempotent(fingerprint, attempt);
    } catch (error) {
      // On an error, Powertools deletes its in-progress record; with the database down that
      // delete fails too, and its error would replace the one that failed the request. The
      // request's own error stays the one answered (503 when storage is down).
      if (attempt.failed !== undefined && attempt.failed.error !== error) {
        logger.warn('Idempotency record not released', { error });
        throw attempt.failed.error;
      }
      throw error;
    }
  };
}

/** The Lambda result of an operation's reply: status, ETag, Location and the JSON (or `media`) body. */
export function respond(spec: RouteSpec, reply: Reply): Result {
  const status = reply.status ?? spec.status;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.version !== undefined) headers.ETag = etagOf(reply.version);
  if (reply.location !== undefined && status === 201) headers.Location = reply.location;
  if (status === 204 || reply.body === undefined) return { statusCode: status, headers };
  if (spec.media) return { statusCode: status, headers: { 'Content-Type': `${spec.media}; charset=utf-8`, ...headers }, body: String(reply.body) };
  return { statusCode: status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(reply.body) };
}

/**
 * The wrapper's stages for one route, in the order they run, each named (the benchmark's warm-path
 * figure times them one by one; `api` uses them as they are).
 */
export function middlewares(spec: RouteSpec) {
  return {
    logger: injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }),
    headers: httpHeaderNormalizer(),
    event: httpEventNormalizer() as unknown as Stage,
    securityHeaders: httpSecurityHeaders(),
    problems: problemJson() as Stage,
    state: { before: ({ context }) => void (context.tenancy = {}) },
    bodyLimit: bodyLimit(),
    authenticate: authenticate(spec),
    pathParams: pathParams(spec),
    authorization: authorization(spec),
    sso: sso(spec),
    input: input(spec),
  } as const satisfies Record<string, Stage>;
}

/** Builds the Lambda handler of one route. */
export function api<S extends RouteSpec>(spec: S, main: (request: ApiRequest<S>) => Promise<Reply<S>>) {
  // A replayed answer never reaches the operation: its SSO check would be skipped.
  if (spec.ssoByOperation && spec.idempotent) throw new Error(`${spec.handler}: an idempotent route must leave the SSO check to the wrapper`);
  assertAccessSpec(spec, spec.handler);
  const routeKey = spec.handler;
  // Callers pass a plain Lambda context; the `state` stage adds `tenancy` to it before anything reads it.
  const handler = middy<Event, Result, Error, Context>().use(Object.values(middlewares(spec)) as unknown as MiddlewareObj<Event, Result, Error, Context>[]);
  const once = spec.idempotent ? idempotency(routeKey) : undefined;
  // A failed import answers at the first request that needs it (500), not as an unhandled rejection at init.
  once?.catch(() => undefined);
  return handler.handler(async (event, context) => {
    const state = (context as ApiContext).tenancy;
    const run = async (): Promise<Result> => {
      const reply = await main({
        params: state.params,
        query: state.query,
        body: state.body,
        principal: state.principal,
        access: state.access,
        profile: state.profile,
        headers: event.headers as Record<string, string | undefined>,
        ifMatch: event.requestContext?.http?.method === 'PATCH' ? requiredVersion(event.headers?.['if-match']) : undefined,
        requestId: event.requestContext?.requestId ?? context.awsRequestId,
      } as ApiRequest<S>);
      return respond(spec, reply as Reply);
    };
    const key = event.headers?.['idempotency-key'];
    if (once === undefined || !key) return run();
    return (await once)({ key: `${state.principal?.userId ?? ''}#${event.rawPath}#${key}`, body: state.json }, context, run);
  });
}
