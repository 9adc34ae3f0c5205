import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The correlation id's lookup: the only path we give is a dotted one (`requestContext.requestId`),
 * so a property walk does what a JMESPath engine would, without loading one into every function.
 */
export function byDottedPath(path: string, data: unknown): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The one structured JSON logger; the correlation id is the API Gateway request id. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tenancy',
  correlationIdSearchFn: byDottedPath,
});
