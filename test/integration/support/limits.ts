/**
 * Rate counters as the service keeps them (shared/db/rate-limits.ts): a test sets one to what many
 * earlier requests would have left, instead of making them all.
 */
import type { RateLimit } from '#domain/limits.js';
import { configureRepositories } from './env.js';

/**
 * Stores `count` as `limit`'s counter of `subject`, for the current window and the next one (a
 * request that lands after the hour or day turns meets the same count).
 */
export async function seedRateCount(limit: RateLimit, subject: string, count: number): Promise<void> {
  configureRepositories();
  const [{ PutCommand }, { db }, { keys }, { windowOf }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#db/client.js'),
    import('#db/keys.js'),
    import('#domain/limits.js'),
  ]);
  const now = new Date();
  const windows = limit.window === 'ever' ? [windowOf('ever', now)] : [windowOf(limit.window, now), windowOf(limit.window, new Date(now.getTime() + windowOf(limit.window, now).retryAfter * 1000))];
  for (const window of windows) {
    await db.send(new PutCommand({ TableName: process.env.TABLE_NAME!, Item: { ...keys.rate(limit.name, subject, window.id), count, ttl: window.expiresAt } }));
  }
}

/** The stored counter of `limit` for `subject` in the current window (undefined when none). */
export async function storedRateCount(limit: RateLimit, subject: string): Promise<number | undefined> {
  configureRepositories();
  const [{ GetCommand }, { db }, { keys }, { windowOf }] = await Promise.all([
    import('@aws-sdk/lib-dynamodb'),
    import('#db/client.js'),
    import('#db/keys.js'),
    import('#domain/limits.js'),
  ]);
  const out = await db.send(new GetCommand({ TableName: process.env.TABLE_NAME!, Key: keys.rate(limit.name, subject, windowOf(limit.window, new Date()).id), ConsistentRead: true }));
  return out.Item?.count as number | undefined;
}
