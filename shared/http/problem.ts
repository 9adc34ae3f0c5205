import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '#kernel/logger.js';
import { BadRequestError, HttpError, ServiceUnavailableError } from '#kernel/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * Where the problem types live: `GET /problems/{code}` of the API that answered, so a problem's
 * `type` opens the page that describes its code. From the request (API Gateway's domain and the
 * scheme it was reached by); a relative reference, resolved against the request's URL, when the
 * event names no domain.
 */
export function problemTypeBase(event: { requestContext?: { domainName?: string }; headers?: Record<string, string | undefined> } | undefined): string {
  const host = event?.requestContext?.domainName;
  if (!host) return '/problems';
  const scheme = event?.headers?.['x-forwarded-proto'] === 'http' ? 'http' : 'https';
  return `${scheme}://${host}/problems`;
}

/** An RFC 9457 problem document response; its `type` is `<typeBase>/<code>`. */
export function problemResponse(error: HttpError, typeBase = '/problems'): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...error.headers },
    body: JSON.stringify({
      type: `${typeBase}/${error.code}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(error instanceof BadRequestError && error.errors.length > 0 ? { errors: error.errors } : {}),
    }),
  };
}

/** Socket errors of a storage endpoint that is down or went away (Node's codes). */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

/**
 * Storage that could not be reached or did not answer in time, once the SDK's own tries are spent:
 * a connection refused or reset, a connection or request timeout (`TimeoutError` of the SDK's
 * HTTP handler), the service saying it is unavailable. 503 with a Retry-After longer than a
 * throttle's, so clients do not pile onto a database that is down.
 */
function unreachable(error: Error): HttpError | undefined {
  const code = (error as { code?: unknown }).code;
  if (error.name === 'TimeoutError' || error.name === 'ServiceUnavailable' || (typeof code === 'string' && UNREACHABLE.has(code))) {
    return new ServiceUnavailableError('The database did not answer in time; try again shortly.', 5);
  }
  return undefined;
}

/**
 * Maps errors thrown by libraries (Powertools idempotency, the SDK) to our family, or undefined.
 * A wrapper (Powertools' `IdempotencyPersistenceLayerError`) is judged by what it wraps (`cause`).
 */
function translate(error: Error, depth = 0): HttpError | undefined {
  const known = translateOne(error);
  if (known || depth >= 5 || !(error.cause instanceof Error)) return known;
  return translate(error.cause, depth + 1);
}

function translateOne(error: Error): HttpError | undefined {
  const down = unreachable(error);
  if (down) return down;
  switch (error.name) {
    case 'IdempotencyValidationError':
      return new HttpError(422, 'idempotency_key_reused', 'Unprocessable Content', 'This Idempotency-Key was used with a different request body.');
    case 'IdempotencyAlreadyInProgressError':
      return new HttpError(409, 'conflict', 'Conflict', 'A request with this Idempotency-Key is still in progress.', { 'Retry-After': '1' });
    case 'ProvisionedThroughputExceededException':
    case 'ThrottlingException':
    case 'RequestLimitExceeded':
    case 'TransactionConflictException':
      return new ServiceUnavailableError('The database is busy; try again.', 1);
    default:
      return undefined;
  }
}

/**
 * The error handler (middy `onError`): our errors go out as problem+json as written;
 * anything else is logged and becomes a generic 500 that reveals nothing.
 */
export function problemJson(): MiddlewareObj {
  return {
    onError: async (request) => {
      const error = request.error as Error;
      const typeBase = problemTypeBase(request.event as Parameters<typeof problemTypeBase>[0]);
      const known = error instanceof HttpError ? error : translate(error);
      if (known) {
        if (known.status >= 500) logger.warn('Request failed (retryable)', { error });
        request.response = problemResponse(known, typeBase);
        return;
      }
      logger.error('Unhandled error', { error });
      request.response = problemResponse(
        new HttpError(500, 'internal_error', 'Internal Server Error', 'Something went wrong on our side.'),
        typeBase,
      );
    },
  };
}
