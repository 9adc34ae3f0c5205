/** Small wrappers over the document client that every repository needs. */
import {
  BatchGetCommand,
  BatchWriteCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type QueryCommandInput,
  type UpdateCommandInput,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { db as defaultDb, storedNumber, tableName, type Db } from '#db/client.js';
import type { Key } from '#db/keys.js';
import { ServiceUnavailableError } from '#kernel/errors.js';

export type Item = Record<string, unknown>;
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Reads up to 100 keys in one round trip (retrying any the service left unprocessed) and
 * answers them in the order asked, `undefined` for a missing item.
 */
export async function batchGet(keyList: Key[], options: { consistent?: boolean } = {}, db: Db = defaultDb): Promise<(Item | undefined)[]> {
  const table = tableName();
  const found = new Map<string, Item>();
  let pending: Record<string, unknown>[] = dedupe(keyList).map((k) => ({ PK: k.PK, SK: k.SK }));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 5) throw new ServiceUnavailableError('The database is busy; try again.');
    const out = await db.send(
      new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: options.consistent ?? false } } }),
    );
    for (const item of out.Responses?.[table] ?? []) found.set(`${String(item.PK)}\u0000${String(item.SK)}`, item);
    pending = (out.UnprocessedKeys?.[table]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    if (pending.length > 0) await sleep(20 * 2 ** attempt);
  }
  return keyList.map((k) => found.get(`${k.PK}\u0000${k.SK}`));
}

function dedupe(keyList: Key[]): Key[] {
  const seen = new Set<string>();
  return keyList.filter((k) => {
    const id = `${k.PK}\u0000${k.SK}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Reads many keys, in chunks of 100 read side by side (one round trip up to 100 keys), in the order asked. */
export async function batchGetAll(keyList: Key[], options: { consistent?: boolean } = {}, db: Db = defaultDb): Promise<(Item | undefined)[]> {
  const chunks: Key[][] = [];
  for (let i = 0; i < keyList.length; i += 100) chunks.push(keyList.slice(i, i + 100));
  return (await Promise.all(chunks.map((chunk) => batchGet(chunk, options, db)))).flat();
}

/** Deletes keys in chunks of 25, retrying unprocessed ones. */
export async function batchDelete(keyList: Key[], db: Db = defaultDb): Promise<void> {
  const table = tableName();
  for (let i = 0; i < keyList.length; i += 25) {
    let requests: Record<string, unknown>[] = keyList.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 5) throw new ServiceUnavailableError('The database is busy; try again.');
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests as never } }));
      requests = (out.UnprocessedItems?.[table] as Record<string, unknown>[] | undefined) ?? [];
      if (requests.length > 0) await sleep(20 * 2 ** attempt);
    }
  }
}

/** Why DynamoDB cancelled a transaction: per item, whether its condition failed and the item as it was. */
export interface Cancellation {
  /** Indexes of the items whose condition failed. */
  failed: number[];
  /** The item as it was, for items sent with `ReturnValuesOnConditionCheckFailure: 'ALL_OLD'`. */
  old: (Item | undefined)[];
}

/**
 * Runs a transaction. When DynamoDB cancels it, `onConditionFailed` turns the failed
 * conditions into a domain error. A cancellation only because a concurrent transaction held
 * the same items is retried a few times with jitter, then answered 503 (retryable).
 */
export async function transact(
  items: TransactItem[],
  onConditionFailed: (failed: number[], cancellation: Cancellation) => Error,
  db: Db = defaultDb,
): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException) && (error as Error).name !== 'TransactionCanceledException') throw error;
      const reasons = (error as TransactionCanceledException).CancellationReasons ?? [];
      const failed = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
      // The service answers the old items in DynamoDB's own format (the document client leaves errors as they are).
      if (failed.length > 0) throw onConditionFailed(failed, { failed, old: reasons.map((r) => (r.Item ? (unmarshall(r.Item, { wrapNumbers: storedNumber }) as Item) : undefined)) });
      const conflictOnly = reasons.length > 0 && reasons.every((r) => r.Code === 'None' || r.Code === 'TransactionConflict');
      if (!conflictOnly || attempt >= 3) throw new ServiceUnavailableError('A concurrent change got in the way; try again.');
      await sleep(10 + Math.random() * 40 * 2 ** attempt);
    }
  }
}

/**
 * Runs a transaction whose conditions say "only if still needed" (e.g. only if still enabled):
 * false when they say it is not, so idempotent jobs like the sweep can run again safely.
 */
export async function transactIfNeeded(items: TransactItem[], db: Db = defaultDb): Promise<boolean> {
  try {
    await transact(items, () => new NotNeeded(), db);
    return true;
  } catch (error) {
    if (error instanceof NotNeeded) return false;
    throw error;
  }
}

class NotNeeded extends Error {}

/**
 * One update whose condition failing means there is nothing to do (the item went, or no longer
 * needs it): true when it was written, false then. For idempotent steps like the purge's.
 */
export async function updateIfPresent(input: Omit<UpdateCommandInput, 'TableName'>, db: Db = defaultDb): Promise<boolean> {
  try {
    await db.send(new UpdateCommand({ TableName: tableName(), ...input }));
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Runs one Query page. */
export async function queryPage(
  input: Omit<QueryCommandInput, 'TableName'>,
  db: Db = defaultDb,
): Promise<{ items: Item[]; lastKey: Record<string, unknown> | undefined }> {
  const out = await db.send(new QueryCommand({ TableName: tableName(), ...input }));
  return { items: (out.Items ?? []) as Item[], lastKey: out.LastEvaluatedKey };
}

/** A position in a list: the DynamoDB start key of the next page (undefined for the first). */
export interface PageRequest {
  limit: number;
  startKey?: Record<string, unknown>;
}

/**
 * One page of the items of `partition` whose sort key starts with `prefix`, in key order (newest
 * first with `descending`): the one Query every paged list of a partition runs.
 */
export async function queryPrefixPage(
  partition: string,
  prefix: string,
  page: PageRequest,
  options: { consistent?: boolean; descending?: boolean } = {},
  db: Db = defaultDb,
): Promise<{ items: Item[]; lastKey: Record<string, unknown> | undefined }> {
  return queryPage(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
      ...(options.consistent ? { ConsistentRead: true } : {}),
      ...(options.descending ? { ScanIndexForward: false } : {}),
    },
    db,
  );
}

/**
 * Fills a page of up to `limit` items that pass `keep`, reading as many Query pages as that
 * takes (a FilterExpression in `input` filters on the server first). The returned position is
 * the key of the last item served, so the next page starts right after it.
 */
export async function queryFilled(
  input: Omit<QueryCommandInput, 'TableName' | 'Limit' | 'ExclusiveStartKey'>,
  options: { limit: number; startKey?: Record<string, unknown>; keep?: (item: Item) => boolean },
  db: Db = defaultDb,
): Promise<{ items: Item[]; lastKey: Record<string, unknown> | undefined }> {
  const items: Item[] = [];
  let start = options.startKey;
  for (;;) {
    const page = await queryPage({ ...input, Limit: options.limit, ExclusiveStartKey: start }, db);
    for (const [i, item] of page.items.entries()) {
      if (options.keep && !options.keep(item)) continue;
      items.push(item);
      if (items.length === options.limit) {
        const exhausted = i === page.items.length - 1 && !page.lastKey;
        return { items, lastKey: exhausted ? undefined : { PK: item.PK, SK: item.SK } };
      }
    }
    if (!page.lastKey) return { items, lastKey: undefined };
    start = page.lastKey;
  }
}

/** Runs a Query to its end. Only for partitions known to stay small (one user's memberships). */
export async function queryAll(input: Omit<QueryCommandInput, 'TableName'>, db: Db = defaultDb): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await queryPage({ ...input, ExclusiveStartKey: start }, db);
    items.push(...page.items);
    start = page.lastKey;
  } while (start);
  return items;
}

/**
 * What a transaction pinned to what was read says when that changed meanwhile: read `what` again
 * and retry (never answered as it is: the caller retries or gives up with a 409).
 */
export class StaleRead extends Error {
  constructor(readonly what = 'record') {
    super(`The ${what} changed since it was read.`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export { tableName };
