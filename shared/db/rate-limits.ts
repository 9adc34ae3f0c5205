/**
 * Rate counters: the one way a limit of shared/domain/limits.ts is counted. A charge is an item
 * of the transaction that does what is counted, so a refused write counts nothing and a counted
 * one cannot be lost; a charge past the limit cancels the transaction and answers 429 with the
 * limit's sentence and the seconds until its window ends.
 */
import type { RateLimit } from '#domain/limits.js';
import { windowOf } from '#domain/limits.js';
import { RateLimitedError } from '#kernel/errors.js';
import { keys } from '#db/keys.js';
import { tableName, transact, type Cancellation, type TransactItem } from '#db/ops.js';
import { db as defaultDb, type Db } from '#db/client.js';

export interface Charge {
  limit: RateLimit;
  /** Whose allowance: an organization id, a user id, `platform`. */
  subject: string;
  /**
   * Spread a hot counter (one subject every request charges) over this many items, each allowed
   * an equal share of `max`, so concurrent transactions rarely meet on one item. Default 1.
   */
  shards?: number;
}

/** The charges' transaction items, and how to read their failure. */
export interface Charges {
  items: TransactItem[];
  /** The 429 of the first charge that failed when the items were placed from index `at`, else undefined. */
  refusal: (cancellation: Pick<Cancellation, 'failed'>, at: number) => RateLimitedError | undefined;
}

export function charges(list: Charge[], now: Date, count = 1): Charges {
  const items = list.map(({ limit, subject, shards = 1 }): TransactItem => {
    const window = windowOf(limit.window, now);
    if (count > Math.floor(limit.max / shards)) throw new RateLimitedError(limit.message, window.retryAfter);
    const shard = shards > 1 ? `#${Math.floor(Math.random() * shards)}` : '';
    return {
      Update: {
        TableName: tableName(),
        Key: keys.rate(limit.name, subject + shard, window.id),
        UpdateExpression: window.expiresAt === undefined ? 'ADD #count :n' : 'ADD #count :n SET #ttl = :ttl',
        ConditionExpression: 'attribute_not_exists(#count) OR #count <= :room',
        ExpressionAttributeNames: { '#count': 'count', ...(window.expiresAt === undefined ? {} : { '#ttl': 'ttl' }) },
        ExpressionAttributeValues: {
          ':n': count,
          ':room': Math.floor(limit.max / shards) - count,
          ...(window.expiresAt === undefined ? {} : { ':ttl': window.expiresAt }),
        },
      },
    };
  });
  return {
    items,
    refusal: ({ failed }, at) => {
      const index = list.findIndex((_, i) => failed.includes(at + i));
      if (index < 0) return undefined;
      const { limit } = list[index]!;
      return new RateLimitedError(limit.message, windowOf(limit.window, now).retryAfter);
    },
  };
}

/** Charges on their own (for what is not itself a write, e.g. an attempt that may fail): 429 when any is spent. */
export async function charge(list: Charge[], now: Date, db: Db = defaultDb): Promise<void> {
  const { items, refusal } = charges(list, now);
  await transact(items, (failed) => refusal({ failed }, 0)!, db);
}
