/**
 * The error family. Each error carries its HTTP status and contract `code`; the problem+json
 * middleware writes only these (status < 500) to the client, as they are.
 */
export interface FieldError {
  path: string;
  message: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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

export class UnauthorizedError extends HttpError {
  constructor(message = 'A valid bearer token is required.') {
    super(401, 'unauthorized', 'Unauthorized', message);
  }
}

/** A paid plan asked for where only billing may set one (no self-serve plans in this deployment). */
export class PaymentRequiredError extends HttpError {
  constructor(message: string) {
    super(402, 'payment_required', 'Payment Required', message);
  }
}

export class ForbiddenError extends HttpError {
  constructor(message = 'You are not allowed to do this.', code = 'forbidden') {
    super(403, code, 'Forbidden', message);
  }
}

export class NotFoundError extends HttpError {
  constructor(message = 'Not found.') {
    super(404, 'not_found', 'Not Found', message);
  }
}

export class ConflictError extends HttpError {
  constructor(message: string, code = 'conflict') {
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
