/**
 * The trial sweep, run by an EventBridge schedule (hourly in AWS; every minute in the local
 * stack; on demand with `npm run sweep`). Not an HTTP route: it has no route-table row.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '#kernel/logger.js';
import { runSweep } from '#services/sweep.js';

export const handler = middy<ScheduledEvent>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // The schedule's own time, so a delayed invocation acts as of when it was due.
    const at = event?.time ? new Date(event.time) : new Date();
    const stats = await runSweep({ at: Number.isNaN(at.getTime()) ? new Date() : at });
    logger.info('Trial sweep finished', { ...stats });
    return stats;
  });
