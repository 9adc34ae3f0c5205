/**
 * The change feed's publisher, on the table's DynamoDB stream (filtered to new audit events):
 * each one to the EventBridge bus and the organization's webhooks (shared/services/publisher.ts).
 * Not an HTTP route: it has no route-table row. The local stack feeds the same service from
 * DynamoDB Local's stream (infra/local/streams.ts).
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { logger } from '#kernel/logger.js';
import { publish } from '#services/publisher.js';

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const result = await publish(event.Records);
    logger.debug('Published', { records: event.Records.length, toRetry: result.batchItemFailures.length });
    return result;
  });
