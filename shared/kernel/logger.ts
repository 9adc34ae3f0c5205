import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The correlation id's lookup: the only path we give is a dotted one (`requestContext.requestId`),
 * so a property walk does what a JMESPath engine would, without loading one into every function.
 */
const splitPaths = new Map<string, readonly string[]>();

/** The path's keys are split once, on the first request, not on every one (issue 15). */
export function byDottedPath(path: string, data: unknown): unknown {
  let keys = splitPaths.get(path);
  if (keys === undefined) splitPaths.set(path, (keys = path.split('.')));
  let value = data;
  for (const key of keys) {
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
