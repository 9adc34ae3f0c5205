import type * as z from 'zod';
import type { Action } from '#auth/policy.js';
import type { AlsoRead, Scope } from '#auth/scopes.js';
import type { RouteAuth } from '#auth/sso-check.js';
import type { CodeOf, ProblemStatus } from '#kernel/errors.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * What an operation answers beyond what the other fields of its row imply (shared/http/answers.ts
 * derives those): per status, the problem codes its own code can give, and other success statuses
 * (same body) with when. Found by reading what the operation's services and repositories throw.
 */
export type RouteAnswers = {
  readonly success?: readonly { status: 200 | 201; when: string }[];
} & { readonly [S in ProblemStatus]?: readonly CodeOf<S>[] };

/**
 * One row of the route table. The CDK stack, the local gateway and the OpenAPI document
 * are all generated from these rows; a handler picks its row up to validate its input.
 */
export interface RouteSpec {
  /** Module under functions/ (no extension) exporting `handler`. */
  handler: string;
  /**
   * `user`: a Cognito ID token is required (API Gateway authorizer). `none`: public.
   * `device`: no authorizer; the handler checks `Authorization: Device <deviceKey>` itself.
   * `billing`: no authorizer; the billing provider's webhook, whose `Billing-Signature` over the raw
   * body the request wrapper checks before anything else is read (shared/auth/billing.ts).
   */
  auth: RouteAuth;
  /**
   * Whose data the route touches, which decides the authorization lookup (the scope registry,
   * `#auth/scopes.ts`): `org` (path has orgId), `workspace` (path has workspaceId), `device` (path
   * has workspaceId and maybe deviceId: a workspace role or per-device grants), `self` (the
   * caller), `operator` (platform operators only: the Cognito group `platform-operators`), `public`.
   */
  scope: Scope;
  /**
   * The action the caller must be allowed (role matrix in shared/auth/policy.ts). A route that
   * changes something names an action that says what it changes, never a read.
   */
  action?: Action;
  /**
   * What else the path names that the operation needs, read in the authorization BatchGet so that
   * it costs no round trip of its own (which scope reads what from which path parameter:
   * `AlsoRead` and the registry in `#auth/scopes.ts`).
   */
  alsoReads?: readonly AlsoRead[];
  summary: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success status and body schema (`null` for no body). */
  status: number;
  response: z.ZodType | null;
  /**
   * Everything the operation answers that the row's other fields do not imply (`{}` when nothing):
   * 409s, 429s of its own limits, a 404 without a path parameter, more 400/403 codes, another
   * success status. The rest is derived (shared/http/answers.ts); the OpenAPI document declares
   * both, and every integration test fails on an answer it does not declare.
   */
  answers: RouteAnswers;
  /** The answer carries the resource's version as its `ETag`: the handler must return `version` (`tsc`). */
  etag?: true;
  /**
   * Whether a 201 names the created resource's path in `Location` (the handler must then return
   * `location`, `tsc`). Every 201 row says yes or no (test/unit/openapi-answers.test.ts).
   */
  location?: boolean;
  /** Creates that honour the `Idempotency-Key` header. */
  idempotent?: boolean;
  /**
   * Answers even when the caller's default workspace requires SSO and the token does not show
   * it: only the route that says why (GET /me).
   */
  ssoExempt?: boolean;
  /**
   * The org owner reaches the operation without the workspace's own SSO, and the operation allows
   * them only to turn it off (the break-glass path, PATCH /workspaces/{w}; `#auth/sso-check.ts`).
   */
  ssoBreakGlass?: boolean;
  /**
   * The operation checks SSO itself (`assertSso`, shared/auth/sso-check.ts) on the caller's
   * profile, which its own first BatchGet reads anyway: the wrapper's read of the profile is
   * saved. The operation checks before it answers anything else; the wrapper still checks first
   * when it refuses the input itself, so every answer is the one the wrapper's check would give.
   */
  ssoByOperation?: boolean;
  /**
   * What the function may touch in AWS: least privilege, bound per route by the CDK stack.
   * `identityProviders`: create, describe and delete identity providers of the user pool and
   * change the portal client's provider list (and the user pool's ids in the environment).
   * `billingSecret`: read the billing webhook's signing secret (its ARN in the environment).
   */
  permissions: { table?: 'read' | 'readWrite'; email?: boolean; identityProviders?: boolean; billingSecret?: boolean };
}

export interface Route extends RouteSpec {
  method: HttpMethod;
  /** API Gateway path syntax: `/orgs/{orgId}`. */
  path: string;
  /** `METHOD /path`, the API Gateway route key. */
  key: string;
}
