/**
 * Every answer an operation can give — status, problem codes, who answers (the function, or API
 * Gateway itself in AWS) and the headers that come with it — derived from its route-table row.
 * What the request wrapper (#http/api.ts) and the error family do the same way on every route is
 * derived here from the row's fields; what only the operation's own code knows (its 409s, its
 * limits, a 404 without a path parameter, another success status) the row says in `answers`.
 * The OpenAPI document (functions/openapi.ts) is written from this, and the integration tests
 * check every response they see against that document.
 */
import type { Action } from '#auth/policy.js';
import { PROBLEMS, type ProblemCode, type ProblemStatus } from '#kernel/errors.js';
import type { HttpMethod, RouteSpec } from '#http/route.js';

/** A response header an answer carries. */
export interface AnswerHeader {
  name: 'ETag' | 'Location' | 'Retry-After' | 'WWW-Authenticate';
  description: string;
  /** Sent with every answer of this status. */
  required: boolean;
  /** Sent with every answer of this status that has this content type (the function's problem documents, not API Gateway's own). */
  withContentType?: 'application/problem+json';
}

export interface Answer {
  status: number;
  description: string;
  /** A success: the row's response schema is the body (none for a 204 or a row without one). */
  success: boolean;
  /** The problem codes the function answers this status with (`application/problem+json`); empty when only API Gateway does. */
  codes: ProblemCode[];
  /** When API Gateway itself answers this status in AWS, with `{ "message": "..." }` as `application/json`. */
  gateway?: string;
  headers: AnswerHeader[];
}

/**
 * The actions that create, change or delete a workspace's assets: every one of them goes through
 * the workspace write guard (shared/db/workspace-guard.ts), which refuses them in a disabled
 * workspace (423).
 */
export const ASSET_WRITE_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'device.create',
  'device.write',
  'device.delete',
  'workspace.writeAssets',
  'workspace.deleteAssets',
]);

const retryAfter = (description: string, required: boolean): AnswerHeader => ({ name: 'Retry-After', description, required });

const TITLES: Partial<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No content',
  400: 'Bad request',
  401: 'Unauthorized',
  402: 'Payment required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  423: 'Locked',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

function describe(status: number, codes: ProblemCode[], gateway: string | undefined): string {
  const lines = codes.map((code) => `\`${code}\`: ${PROBLEMS[code].meaning}.`);
  if (gateway) lines.push(`API Gateway itself (in AWS), as \`{ "message": "..." }\`: ${gateway}.`);
  return [TITLES[status] ?? String(status), ...lines].join('\n\n');
}

type Row = Pick<
  RouteSpec,
  'auth' | 'action' | 'params' | 'query' | 'body' | 'status' | 'response' | 'idempotent' | 'ssoExempt' | 'permissions' | 'answers' | 'etag' | 'location'
> & { method: HttpMethod };

/** Every answer of the operation `row`, by status, ascending. */
export function answersOf(row: Row): Answer[] {
  const answers = new Map<number, Answer>();
  const problem = (status: ProblemStatus, codes: readonly ProblemCode[], extra: { gateway?: string; headers?: AnswerHeader[] } = {}) => {
    const known = answers.get(status) ?? { status, description: '', success: false, codes: [], headers: [] };
    for (const code of codes) if (!known.codes.includes(code)) known.codes.push(code);
    if (extra.gateway) known.gateway = extra.gateway;
    for (const header of extra.headers ?? []) if (!known.headers.some((h) => h.name === header.name)) known.headers.push(header);
    answers.set(status, known);
  };

  // ── Success: the row's status, and any other the operation says ─────────────
  const successHeaders: AnswerHeader[] = row.etag
    ? [{ name: 'ETag', description: "The resource's version (strong); send it back as `If-Match` to change it only if unchanged.", required: true }]
    : [];
  const statuses: { status: number; when?: string }[] = [{ status: row.status }, ...(row.answers.success ?? [])];
  for (const { status, when } of statuses) {
    const headers = [...successHeaders];
    if (row.location && status === 201) headers.push({ name: 'Location', description: 'The path of the resource just created.', required: true });
    answers.set(status, { status, description: when ? `${TITLES[status]}: ${when}` : (TITLES[status] ?? String(status)), success: true, codes: [], headers });
  }

  // ── Input: validated against the row's schemas ──────────────────────────────
  if (row.params || row.query || row.body) problem(400, ['bad_request']);
  if (row.body) {
    problem(413, ['payload_too_large']);
    problem(415, ['unsupported_media_type']);
  }

  // ── Who is calling: every kind of credential says what its refusal answers (a new kind fails `tsc` here) ──
  const auth = row.auth;
  switch (auth) {
    case 'user':
      // API Gateway's JWT authorizer refuses what it cannot verify; it admits an access token of
      // the portal client, which the function refuses itself (an ID token is required).
      problem(401, ['unauthorized'], {
        gateway: 'no token, or one its Cognito JWT authorizer refuses (`WWW-Authenticate` says why)',
        headers: [{ name: 'WWW-Authenticate', description: 'The `Bearer` challenge, with the reason a token was refused.', required: false, withContentType: 'application/problem+json' }],
      });
      // An ID token without email answers 403 on every route; the default workspace's SSO on all but the exempt one.
      problem(403, row.ssoExempt ? ['forbidden'] : ['forbidden', 'sso_required']);
      break;
    case 'device':
      problem(401, ['unauthorized'], { headers: [{ name: 'WWW-Authenticate', description: 'The `Device` challenge: send `Authorization: Device <deviceKey>`.', required: true }] });
      break;
    case 'billing':
      problem(401, ['unauthorized'], {
        headers: [{ name: 'WWW-Authenticate', description: 'The `Billing-Signature` challenge: sign `<t>.<raw body>` with the shared secret.', required: true }],
      });
      break;
    case 'none':
      break;
    default: {
      const unknown: never = auth;
      throw new Error(`answersOf: no answers known for auth ${String(unknown)}`);
    }
  }
  if (row.action) problem(403, ['forbidden']);

  // ── What the path names ─────────────────────────────────────────────────────
  if (row.params) problem(404, ['not_found']);

  // ── Writes ──────────────────────────────────────────────────────────────────
  if (row.idempotent) {
    problem(409, ['conflict'], { headers: [retryAfter('While a request with the same `Idempotency-Key` is still in progress: when to try again.', false)] });
    problem(422, ['idempotency_key_reused']);
  }
  if (row.method === 'PATCH') problem(412, ['precondition_failed']);
  if (row.action && ASSET_WRITE_ACTIONS.has(row.action)) problem(423, ['workspace_disabled']);

  // ── What the row says of its own code ───────────────────────────────────────
  for (const [key, codes] of Object.entries(row.answers)) {
    if (key === 'success') continue;
    problem(Number(key) as ProblemStatus, codes as readonly ProblemCode[]);
  }

  // ── Limits, storage, the unexpected: every operation ────────────────────────
  const limited = answers.get(429)?.codes.length;
  problem(429, [], {
    gateway: row.auth === 'device' ? 'the route throttle devices share, or the stage throttle' : 'the stage throttle',
    headers: limited ? [{ ...retryAfter('Seconds until the allowance that was spent renews.', false), withContentType: 'application/problem+json' }] : [],
  });
  // API Gateway refuses a request over its payload limit on any route, before any function runs.
  problem(413, [], { gateway: 'a request over its 10 MB payload limit' });
  if (row.permissions.table) problem(503, ['unavailable'], { headers: [retryAfter('Seconds to wait before trying again.', true)] });
  problem(500, ['internal_error'], { gateway: 'when the function itself fails or times out' });

  return [...answers.values()]
    .map((answer) => (answer.success ? answer : { ...answer, description: describe(answer.status, answer.codes, answer.gateway) }))
    .sort((a, b) => a.status - b.status);
}
