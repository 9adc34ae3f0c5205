/**
 * The error family. Each error carries its HTTP status and contract `code`; the problem+json
 * middleware writes only these (status < 500) to the client, as they are.
 */
export interface FieldError {
  path: string;
  message: string;
}

/**
 * Every problem `code` the service answers, with its status and what it means: the one list the
 * error classes below, the OpenAPI document (which codes each operation's statuses carry,
 * shared/http/answers.ts) and the docs draw on. A code not listed here cannot be thrown (`tsc`).
 */
export const PROBLEMS = {
  bad_request: { status: 400, meaning: 'invalid input: `errors` lists each field at fault; also a forged or foreign cursor' },
  invalid_email: { status: 400, meaning: 'the email address holds look-alike or invisible characters' },
  unauthorized: { status: 401, meaning: 'no valid credential: an ID token, the device key, or the billing webhook\'s signature is missing or wrong' },
  payment_required: { status: 402, meaning: 'a paid plan asked of a deployment that leaves paid plans to billing (no self-serve plans): pay through billing' },
  forbidden: { status: 403, meaning: 'visible, but not allowed to this caller (role, operators only, another invitee, no email claim)' },
  sso_required: { status: 403, meaning: 'the workspace, or the default workspace, requires single sign-on through a provider this token did not come through' },
  not_found: { status: 404, meaning: 'does not exist, or the caller may not see it (the same answer)' },
  conflict: { status: 409, meaning: 'a uniqueness or state rule, or a concurrent change: reload and try again' },
  quota_exceeded: { status: 409, meaning: 'the plan or a per-member allowance holds no more' },
  already_signed_up: { status: 409, meaning: 'the profile exists already (sign-up answers a repeat 200 instead)' },
  precondition_failed: { status: 412, meaning: '`If-Match` does not match the current ETag (strong comparison)' },
  payload_too_large: { status: 413, meaning: 'the body is over 64 KB' },
  unsupported_media_type: { status: 415, meaning: 'a body that is not `application/json`' },
  idempotency_key_reused: { status: 422, meaning: 'this `Idempotency-Key` came with another body' },
  workspace_disabled: { status: 423, meaning: "the workspace is disabled (the organization's trial ended): its assets cannot change" },
  rate_limited: { status: 429, meaning: 'an allowance of the service is spent until `Retry-After`' },
  internal_error: { status: 500, meaning: 'something unexpected; the answer reveals nothing' },
  unavailable: { status: 503, meaning: 'the database (or Cognito) is busy or did not answer: try again after `Retry-After`' },
} as const satisfies Record<string, { status: number; meaning: string }>;

export type ProblemCode = keyof typeof PROBLEMS;
export type ProblemStatus = (typeof PROBLEMS)[ProblemCode]['status'];
/** The codes a problem of status `S` may carry. */
export type CodeOf<S extends ProblemStatus> = { [C in ProblemCode]: (typeof PROBLEMS)[C]['status'] extends S ? C : never }[ProblemCode];

export class HttpError extends Error {
  constructor(
    readonly status: ProblemStatus,
    readonly code: ProblemCode,
    readonly title: string,
    message: string,
    /** Extra response headers (e.g. `Retry-After`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends HttpError {
  constructor(
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(400, 'bad_request', 'Bad Request', message);
  }
}

/**
 * An email address refused before any comparison: it holds look-alike characters (a KELVIN
 * SIGN for `k`, fullwidth letters, ligatures) that Unicode NFKC would turn into other letters
 * (shared/domain/email.ts).
 */
export class InvalidEmailError extends HttpError {
  constructor(message: string) {
    super(400, 'invalid_email', 'Bad Request', message);
  }
}

/**
 * 401, with the `WWW-Authenticate` challenge RFC 9110 asks of every 401: the scheme the caller
 * must use (`Bearer …` for an ID token, `Device` on ingest). Required, so that each kind of
 * credential names its own.
 */
export class UnauthorizedError extends HttpError {
  constructor(message: string, challenge: string) {
    super(401, 'unauthorized', 'Unauthorized', message, { 'WWW-Authenticate': challenge });
  }
}

/** A paid plan asked for where only billing may set one (no self-serve plans in this deployment). */
export class PaymentRequiredError extends HttpError {
  constructor(message: string) {
    super(402, 'payment_required', 'Payment Required', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'You are not allowed to do this.', code: CodeOf<403> = 'forbidden') {
    super(403, code, 'Forbidden', message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', 'Not Found', message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, code: CodeOf<409> = 'conflict') {
    super(409, code, 'Conflict', message);
  }
}

export class QuotaExceededError extends HttpError {
  constructor(message: string) {
    super(409, 'quota_exceeded', 'Quota Exceeded', message);
  }
}

export class PreconditionFailedError extends HttpError {
  constructor(message = 'The resource changed since you read it (If-Match does not match its ETag).') {
    super(412, 'precondition_failed', 'Precondition Failed', message);
  }
}

export class PayloadTooLargeError extends HttpError {
  constructor(limitBytes: number) {
    super(413, 'payload_too_large', 'Payload Too Large', `The request body exceeds ${limitBytes} bytes.`);
  }
}

export class UnsupportedMediaTypeError extends HttpError {
  constructor() {
    super(415, 'unsupported_media_type', 'Unsupported Media Type', 'Send the body as application/json.');
  }
}

export class WorkspaceDisabledError extends HttpError {
  constructor(message = 'This workspace is disabled.') {
    super(423, 'workspace_disabled', 'Locked', message);
  }
}

export class RateLimitedError extends HttpError {
  constructor(message: string, retryAfterSeconds: number) {
    super(429, 'rate_limited', 'Too Many Requests', message, { 'Retry-After': String(retryAfterSeconds) });
  }
}

export class ServiceUnavailableError extends HttpError {
  constructor(message: string, retryAfterSeconds = 1) {
    super(503, 'unavailable', 'Service Unavailable', message, { 'Retry-After': String(retryAfterSeconds) });
  }
}
