import { Logger } from '@aws-lambda-powertools/logger';
import { search } from '@aws-lambda-powertools/jmespath';
import type { JSONObject } from '@aws-lambda-powertools/commons/types';

/** The one structured JSON logger; the correlation id is the API Gateway request id. */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'tenancy',
  correlationIdSearchFn: (expression, event) => search(expression, event as JSONObject),
});
