/**
 * `api(route, main)` builds a Lambda handler for one row of the route table:
 *
 *   logger context → header/event normalizing → security headers → CORS → problem+json errors
 *   → body size → principal → path params → authorization (one BatchGet) → SSO of the default
 *   workspace → JSON body + query validation → Idempotency-Key (creates) → main
 *
 * `main` receives typed, validated input and the caller's access, and returns a Reply.
 * Nothing in a handler parses, validates or writes an error response by hand.
 */
import middy, { type MiddlewareObj } from '@middy/core';
import httpCors from '@middy/http-cors';
import httpEventNormalizer from '@middy/http-event-normalizer';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpSecurityHeaders from '@middy/http-security-headers';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod';
import { config } from '#kernel/config.js';
import { dynamodb } from '#db/client.js';
import { TABLE } from '#db/table.js';
import { logger } from '#kernel/logger.js';
import { authorize, loadDeviceAccess, loadOrgAccess, loadWorkspaceAccess, type DeviceAccess, type OrgAccess, type WorkspaceAccess } from '#auth/access.js';
import { deviceKeyFrom } from '#domain/devices.js';
import { assertSso, assertSsoReading } from '#auth/sso-check.js';
import { getProfile } from '#db/repositories/users.js';
import { keys } from '#db/keys.js';
import { batchGet, type Item } from '#db/ops.js';
import { toProfile } from '#db/records/users.js';
import type { UserProfile } from '#domain/users.js';
import { BadRequestError, ForbiddenError, PayloadTooLargeError, UnauthorizedError, UnsupportedMediaTypeError, type FieldError } from '#kernel/errors.js';
import { etagOf } from '#http/etag.js';
import { PLATFORM_OPERATORS_GROUP, principalFrom, type Principal } from '#auth/principal.js';
import { problemJson } from '#http/problem.js';
import type { RouteSpec } from '#http/route.js';

/** Larger request bodies answer 413 before anything is parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

type Event = APIGatewayProxyEventV2WithJWTAuthorizer;
type Result = APIGatewayProxyStructuredResultV2;
type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface ApiRequest<S extends RouteSpec> {
  params: Infer<S['params']>;
  query: Infer<S['query']>;
  body: Infer<S['body']>;
  principal: S['auth'] extends 'user' ? Principal : undefined;
  access: S['scope'] extends 'org'
    ? OrgAccess
    : S['scope'] extends 'workspace'
      ? WorkspaceAccess
      : S['scope'] extends 'device'
        ? DeviceAccess
        : undefined;
  /**
   * The caller's profile as read for the SSO check (undefined when they have none), so the
   * operation need not read it again. Not read on routes exempt from SSO or checking it themselves.
   */
  profile: UserProfile | undefined;
  /**
   * Self and operator routes: what the path names (`alsoReads`), read in one BatchGet with that
   * profile — `null` when there is no such item, `undefined` when the route does not ask.
   */
  alsoRead: { simLocator?: Item | null };
  /** Lower-cased request headers. */
  headers: Record<string, string | undefined>;
  requestId: string;
}

export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Version of the returned resource, sent as its ETag. */
  version?: number;
}

interface State {
  params?: unknown;
  query?: unknown;
  body?: unknown;
  principal?: Principal;
  access?: OrgAccess | WorkspaceAccess | DeviceAccess;
  profile?: UserProfile;
  alsoRead?: { simLocator?: Item | null };
}
type ApiContext = Context & { tenancy: State };

function fieldErrors(location: string, error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = [location, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ path: `${base}.${key}`, message: 'is not a known field' }));
    return [{ path: base, message: issue.message }];
  });
}

function parse<T extends z.ZodType>(schema: T, value: unknown, location: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new BadRequestError(`The request ${location} is invalid.`, fieldErrors(location, result.error));
  return result.data;
}

function rawBody(event: Event): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/** 413 for oversized bodies, before any other work. */
const bodyLimit = (): MiddlewareObj<Event, Result> => ({
  before: ({ event }) => {
    if (event.body && Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8') > MAX_BODY_BYTES) {
      throw new PayloadTooLargeError(MAX_BODY_BYTES);
    }
  },
});

/** The caller, from the authorizer's verified claims (401 if there are none). */
const authenticate = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: ({ event, context }) => {
    // A device key is checked against the table by the handler; its absence is known at once.
    if (spec.auth === 'device' && !deviceKeyFrom(event.headers?.authorization)) {
      throw new UnauthorizedError('A device key is required (Authorization: Device <deviceKey>).');
    }
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

/**
 * One BatchGet for the caller's access to the org or workspace the path names (with what else the
 * path names that the operation needs: `alsoReads`), then the policy.
 */
const authorization = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: async ({ context }) => {
    const { principal, params } = context.tenancy;
    if (spec.scope === 'operator' && !principal?.groups.includes(PLATFORM_OPERATORS_GROUP)) {
      throw new ForbiddenError('Only platform operators may do this.');
    }
    if (!principal || (spec.scope !== 'org' && spec.scope !== 'workspace' && spec.scope !== 'device')) return;
    const ids = params as { orgId?: string; workspaceId?: string; deviceId?: string; userId?: string; invitationId?: string; iccid?: string };
    const reads = new Set(spec.alsoReads ?? []);
    const access =
      spec.scope === 'org'
        ? await loadOrgAccess(ids.orgId as string, principal.userId, {
            memberId: reads.has('member') ? ids.userId : undefined,
            memberProfileId: reads.has('memberProfile') ? ids.userId : undefined,
            invitationId: reads.has('invitation') ? ids.invitationId : undefined,
          })
        : spec.scope === 'device'
          ? await loadDeviceAccess(ids.workspaceId as string, principal.userId, ids.deviceId)
          : await loadWorkspaceAccess(ids.workspaceId as string, principal.userId, {
              memberProfileId: reads.has('memberProfile') ? ids.userId : undefined,
              workspaceMemberId: reads.has('workspaceMember') ? ids.userId : undefined,
              simIccid: reads.has('sim') ? ids.iccid : undefined,
            });
    if (spec.action) authorize(access, spec.action);
    context.tenancy.access = access;
  },
});

/**
 * SSO of the caller's default workspace (rule in shared/domain/sso.ts): a token that did not come
 * through the required identity provider answers 403 `sso_required` everywhere but the exempt
 * routes. After authorization, so what the caller cannot see still answers 404. Org and
 * workspace routes read the profile in their authorization BatchGet; the other signed-in routes
 * (self, operator) read it here and hand it to the operation, unless the operation reads it in
 * its own first BatchGet and checks it there (`ssoByOperation`).
 */
const sso = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: async ({ context }) => {
    const { principal, access } = context.tenancy;
    if (spec.auth !== 'user' || spec.ssoExempt || spec.ssoByOperation || !principal) return;
    let profile = access?.profile;
    const { iccid } = (context.tenancy.params ?? {}) as { iccid?: string };
    if (!access && spec.alsoReads?.includes('simLocator') && iccid) {
      const [profileItem, locatorItem] = await batchGet([keys.user(principal.userId), keys.simLocator(iccid)], { consistent: true });
      profile = profileItem ? toProfile(profileItem) : undefined;
      context.tenancy.alsoRead = { simLocator: locatorItem ?? null };
    } else if (!access) {
      profile = await getProfile(principal.userId);
    }
    assertSso(principal, profile);
    context.tenancy.profile = profile;
  },
});

/**
 * JSON body and query string, validated against the route's schemas. On a route whose operation
 * checks SSO itself, refused input is answered only after the SSO check, as on every other route.
 */
const input = (spec: RouteSpec): MiddlewareObj<Event, Result, Error, ApiContext> => ({
  before: async (request) => {
    try {
      validateInput(spec, request.event, request.context);
    } catch (error) {
      const { principal } = request.context.tenancy;
      if (spec.ssoByOperation && principal) await assertSsoReading(principal);
      throw error;
    }
  },
});

function validateInput(spec: RouteSpec, event: Event, context: ApiContext): void {
  if (spec.query) context.tenancy.query = parse(spec.query, event.queryStringParameters ?? {}, 'query');
  if (!spec.body) return;
  const text = rawBody(event);
  const contentType = event.headers?.['content-type'];
  if (text !== undefined && contentType && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError();
  }
  let json: unknown;
  try {
    json = text === undefined ? undefined : JSON.parse(text);
  } catch {
    throw new BadRequestError('The request body is not valid JSON.', [{ path: 'body', message: 'is not valid JSON' }]);
  }
  context.tenancy.body = parse(spec.body, json, 'body');
}

/**
 * `Idempotency-Key` on creates (Powertools idempotency, records in our table under their own
 * partition per route): a repeat with the same key and body returns the first answer; the same
 * key with another body is 422; no header, no idempotency.
 */
function idempotency(spec: RouteSpec, routeKey: string) {
  return makeHandlerIdempotent({
    persistenceStore: new DynamoDBPersistenceLayer({
      tableName: config().tableName,
      keyAttr: TABLE.partitionKey,
      sortKeyAttr: TABLE.sortKey,
      staticPkValue: `IDEMPOTENCY#${routeKey}`,
      expiryAttr: TABLE.ttlAttribute,
      awsSdkV3Client: dynamodb,
    }),
    config: new IdempotencyConfig({
      // Scoped to the caller and the exact path: the same key on another workspace's create is another request.
      eventKeyJmesPath: `headers."idempotency-key" && join('#', [requestContext.authorizer.jwt.claims.sub || '', rawPath, headers."idempotency-key"])`,
      payloadValidationJmesPath: 'body',
      throwOnNoIdempotencyKey: false,
      expiresAfterSeconds: 24 * 60 * 60,
    }),
  });
}

function respond(spec: RouteSpec, reply: Reply): Result {
  const status = reply.status ?? spec.status;
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.version !== undefined) headers.ETag = etagOf(reply.version);
  if (status === 204 || reply.body === undefined) return { statusCode: status, headers };
  return { statusCode: status, headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(reply.body) };
}

/** Builds the Lambda handler of one route. */
export function api<S extends RouteSpec>(spec: S, main: (request: ApiRequest<S>) => Promise<Reply>) {
  // A replayed answer never reaches the operation: its SSO check would be skipped.
  if (spec.ssoByOperation && spec.idempotent) throw new Error(`${spec.handler}: an idempotent route must leave the SSO check to the wrapper`);
  const routeKey = spec.handler;
  const handler = middy<Event, Result, Error, ApiContext>()
    .use(injectLambdaContext(logger, { correlationIdPath: 'requestContext.requestId', resetKeys: true }))
    .use(httpHeaderNormalizer())
    .use(httpEventNormalizer())
    .use(httpSecurityHeaders())
    .use(
      httpCors({
        origins: [config().portalUrl],
        headers: 'authorization,content-type,if-match,idempotency-key',
        exposeHeaders: 'etag,retry-after',
        methods: 'GET,POST,PUT,PATCH,DELETE',
      }),
    )
    .use(problemJson() as MiddlewareObj<Event, Result, Error, ApiContext>)
    .use({ before: ({ context }) => void (context.tenancy = {}) })
    .use(bodyLimit())
    .use(authenticate(spec))
    .use(pathParams(spec))
    .use(authorization(spec))
    .use(sso(spec))
    .use(input(spec));
  if (spec.idempotent) handler.use(idempotency(spec, routeKey) as MiddlewareObj<Event, Result, Error, ApiContext>);
  return handler.handler(async (event, context) => {
    const state = context.tenancy;
    const reply = await main({
      params: state.params,
      query: state.query,
      body: state.body,
      principal: state.principal,
      access: state.access,
      profile: state.profile,
      alsoRead: state.alsoRead ?? {},
      headers: event.headers as Record<string, string | undefined>,
      requestId: event.requestContext?.requestId ?? context.awsRequestId,
    } as ApiRequest<S>);
    return respond(spec, reply);
  });
}
