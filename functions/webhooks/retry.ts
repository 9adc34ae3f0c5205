/**
 * The webhook retry job, run by an EventBridge schedule (every minute in AWS and in `npm start`):
 * every delivery whose next attempt is due (shared/services/webhook-delivery.ts). Not an HTTP route.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '#kernel/logger.js';
import { runRetries } from '#services/webhook-delivery.js';

export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const stats = await runRetries();
    logger.info('Webhook retries finished', { ...stats });
    return stats;
  });
