/**
 * A short lease on one item, for a read-modify-write outside DynamoDB that must not interleave
 * with another (the portal client's provider list in Cognito). Taken with a conditional Put that
 * succeeds when no one holds the lease or the holder's has run out; given back with a Delete
 * conditioned on still holding it, alone or as the last item of the change's own transaction.
 * A holder that dies keeps it only until it expires (and TTL removes the item later).
 */
import { randomUUID } from 'node:crypto';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db as defaultDb, tableName, type Db } from '#db/client.js';
import type { Key } from '#db/keys.js';
import { transact, type Cancellation, type TransactItem } from '#db/ops.js';
import { TABLE } from '#db/table.js';
import { ServiceUnavailableError } from '#kernel/errors.js';

export interface Lease {
  key: Key;
  /** Who holds it: this attempt's own random id. */
  holder: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface LeaseOptions {
  /** How long the lease holds without being given back: longer than a function may run. */
  durationMs?: number;
  /** How long to keep trying while someone else holds it, before answering 503. */
  waitMs?: number;
  /** What is busy, for the 503's message ("the portal client"). */
  what: string;
}

/** A function runs for 10 s at most: a lease of 15 s never runs out under a live holder. */
const DEFAULT_DURATION_MS = 15_000;
const DEFAULT_WAIT_MS = 3_000;

const isConditionFailure = (error: unknown) => (error as Error).name === 'ConditionalCheckFailedException';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the lease on `key`, waiting a little while another holder has it; 503 `unavailable` after `waitMs`. */
export async function acquireLease(key: Key, options: LeaseOptions, db: Db = defaultDb): Promise<Lease> {
  const durationMs = options.durationMs ?? DEFAULT_DURATION_MS;
  const deadline = Date.now() + (options.waitMs ?? DEFAULT_WAIT_MS);
  const holder = randomUUID();
  for (let attempt = 0; ; attempt++) {
    const now = Date.now();
    const expiresAt = now + durationMs;
    try {
      await db.send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...key, type: 'Lease', holder, expiresAt, [TABLE.ttlAttribute]: Math.ceil(expiresAt / 1000) + 3600 },
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return { key, holder, expiresAt };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (Date.now() >= deadline) throw new ServiceUnavailableError(`Someone else is changing ${options.what}; try again.`, 1);
      await sleep(Math.min(25 * 2 ** attempt, 200) + Math.random() * 50);
    }
  }
}

/** The Delete that gives the lease back, for the last item of a transaction. */
export function releaseLeaseItem(lease: Lease): TransactItem {
  return {
    Delete: {
      TableName: tableName(),
      Key: lease.key,
      ConditionExpression: 'holder = :holder',
      ExpressionAttributeValues: { ':holder': lease.holder },
    },
  };
}

/** Gives the lease back; nothing to do when it already ran out and someone else took it. */
export async function releaseLease(lease: Lease, db: Db = defaultDb): Promise<void> {
  try {
    await db.send(new DeleteCommand(releaseLeaseItem(lease).Delete as ConstructorParameters<typeof DeleteCommand>[0]));
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}

class LeaseLost extends Error {}

/**
 * Runs `items` as one transaction that also gives the lease back. Should the lease have run out
 * and gone to someone else meanwhile, the change is made without it (the lease is not ours to
 * delete). `onConditionFailed` sees the indexes of `items` only.
 */
export async function transactReleasing(
  items: TransactItem[],
  lease: Lease,
  onConditionFailed: (failed: number[], cancellation: Cancellation) => Error,
  db: Db = defaultDb,
): Promise<void> {
  const leaseIndex = items.length;
  try {
    await transact(
      [...items, releaseLeaseItem(lease)],
      (failed, cancellation) => (failed.length === 1 && failed[0] === leaseIndex ? new LeaseLost() : onConditionFailed(failed.filter((i) => i !== leaseIndex), cancellation)),
      db,
    );
  } catch (error) {
    if (!(error instanceof LeaseLost)) throw error;
    await transact(items, onConditionFailed, db);
  }
}
