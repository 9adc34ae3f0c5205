/**
 * Usage records: each in the partition of the workspace that held the SIM at its time, its bytes
 * added to that workspace's and organization's traffic in the same transaction.
 */
import type { SimLocation } from '#domain/sims.js';
import type { UsageRecord } from '#domain/usage.js';
import type { Workspace } from '#domain/workspaces.js';
import { ConflictError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { queryAll, StaleRead, tableName, transact } from '#db/ops.js';
import { usageItem } from '#db/records/usage.js';
import { workspaceGuard } from '#db/workspace-guard.js';

/**
 * Writes a usage record into the partition of the workspace that held the SIM at its time and
 * adds its bytes to that workspace's and organization's traffic, conditioned on the locator
 * being as read (a transfer in between makes the caller attribute again).
 */
export async function putUsage(record: UsageRecord, workspace: Workspace, location: SimLocation, db: Db = defaultDb): Promise<'written' | 'moved'> {
  // Usage lands in disabled workspaces too: it was used before, or whatever the workspace's state.
  const guard = workspaceGuard(workspace, { trafficBytes: record.bytes }, { enabled: false });
  try {
    await transact(
      [
        { Put: { TableName: tableName(), Item: usageItem(record), ConditionExpression: 'attribute_not_exists(PK)' } },
        ...guard.items,
        {
          ConditionCheck: {
            TableName: tableName(),
            Key: keys.simLocator(record.iccid),
            ConditionExpression: '#version = :read',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':read': location.version },
          },
        },
      ],
      (failed) =>
        failed.includes(3)
          ? new StaleRead('SIM locator')
          : failed.includes(1) || failed.includes(2)
            ? new ConflictError('The workspace that held the SIM at that time no longer exists.')
            : new ConflictError('Try again.'),
      db,
    );
    return 'written';
  } catch (error) {
    if (error instanceof StaleRead) return 'moved';
    throw error;
  }
}

/** The usage records of a workspace in `[from, to)` (instants as ISO strings with milliseconds). */
export async function listUsage(workspaceId: string, range: { from: string; to: string }, db: Db = defaultDb): Promise<{ iccid: string; bytes: number }[]> {
  const items = await queryAll(
    {
      // Every SK of the range starts with `USAGE#<to>` or less: one at `to` itself sorts after `USAGE#<to>`, so `to` is excluded.
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ProjectionExpression: 'iccid, bytes',
      ExpressionAttributeValues: { ':pk': partitions.workspace(workspaceId), ':from': partitions.usageAt(range.from), ':to': partitions.usageAt(range.to) },
      ConsistentRead: true,
    },
    db,
  );
  return items.map((i) => ({ iccid: i.iccid as string, bytes: i.bytes as number }));
}
