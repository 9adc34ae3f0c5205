import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from '#kernel/logger.js';
import { BadRequestError, HttpError } from '#kernel/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** An RFC 9457 problem document response. */
export function problemResponse(error: HttpError): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...error.headers },
    body: JSON.stringify({
      type: `https://tenancy.dev/problems/${error.code}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      ...(error instanceof BadRequestError && error.errors.length > 0 ? { errors: error.errors } : {}),
    }),
  };
}

/** Maps errors thrown by libraries (Powertools idempotency, the SDK) to our family, or undefined. */
function translate(error: Error): HttpError | undefined {
  switch (error.name) {
    case 'IdempotencyValidationError':
      return new HttpError(422, 'idempotency_key_reused', 'Unprocessable Content', 'This Idempotency-Key was used with a different request body.');
    case 'IdempotencyAlreadyInProgressError':
      return new HttpError(409, 'conflict', 'Conflict', 'A request with this Idempotency-Key is still in progress.', { 'Retry-After': '1' });
    case 'ProvisionedThroughputExceededException':
    case 'ThrottlingException':
    case 'RequestLimitExceeded':
    case 'TransactionConflictException':
      return new HttpError(503, 'unavailable', 'Service Unavailable', 'The database is busy; try again.', { 'Retry-After': '1' });
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
      const known = error instanceof HttpError ? error : translate(error);
      if (known) {
        if (known.status >= 500) logger.warn('Request failed (retryable)', { error });
        request.response = problemResponse(known);
        return;
      }
      logger.error('Unhandled error', { error });
      request.response = problemResponse(
        new HttpError(500, 'internal_error', 'Internal Server Error', 'Something went wrong on our side.'),
      );
    },
  };
}
