/**
 * Streams of a workspace. The stream item's key is its name, so the key itself keeps names
 * unique; the workspace's `streamCount` and the audit event change in the same transaction.
 */
import type { Stream } from '#domain/devices.js';
import type { Workspace } from '#domain/model.js';
import { ConflictError, NotFoundError, WorkspaceDisabledError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { queryPage, tableName, transact, type Cancellation, type Item, type TransactItem } from '#db/ops.js';
import { auditEvent } from '#db/repositories/audit.js';

const streamItem = (s: Stream): Item => ({ ...keys.stream(s.workspaceId, s.name), type: 'Stream', ...s });
const toStream = (item: Item): Stream => ({
  workspaceId: item.workspaceId as string,
  name: item.name as string,
  description: item.description === undefined ? null : (item.description as string | null),
  createdAt: item.createdAt as string,
  createdBy: item.createdBy as string,
});

/** `streamCount` on the workspace, only while it exists and is enabled. */
function countStreams(workspaceId: string, delta: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.workspace(workspaceId),
      UpdateExpression: 'ADD streamCount :delta',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(#state) OR #state = :enabled)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':delta': delta, ':enabled': 'enabled' },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

const refusal = (cancellation: Cancellation, index: number): Error =>
  cancellation.old[index] ? new WorkspaceDisabledError() : new NotFoundError('No such workspace.');

/** One page of a workspace's streams, by name. */
export async function listStreamsPage(
  workspaceId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ streams: Stream[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partitions.workspace(workspaceId), ':prefix': partitions.streamPrefix },
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    },
    db,
  );
  return { streams: items.map(toStream), lastKey };
}

export async function createStream(workspace: Workspace, stream: Stream, db: Db = defaultDb): Promise<void> {
  await transact(
    [
      { Put: { TableName: tableName(), Item: streamItem(stream), ConditionExpression: 'attribute_not_exists(PK)' } },
      countStreams(workspace.id, 1),
      auditEvent(workspace.orgId, {
        actorId: stream.createdBy,
        action: 'stream.created',
        target: { type: 'stream', id: stream.name },
        details: { workspaceId: workspace.id },
      }),
    ],
    (failed, cancellation) =>
      failed.includes(0)
        ? new ConflictError(`A stream named "${stream.name}" already exists in this workspace.`)
        : failed.includes(1)
          ? refusal(cancellation, 1)
          : new ConflictError('Try again.'),
    db,
  );
}

export async function deleteStream(workspace: Workspace, name: string, actorId: string, db: Db = defaultDb): Promise<void> {
  await transact(
    [
      { Delete: { TableName: tableName(), Key: keys.stream(workspace.id, name), ConditionExpression: 'attribute_exists(PK)' } },
      countStreams(workspace.id, -1),
      auditEvent(workspace.orgId, { actorId, action: 'stream.deleted', target: { type: 'stream', id: name }, details: { workspaceId: workspace.id } }),
    ],
    (failed, cancellation) =>
      failed.includes(1) ? refusal(cancellation, 1) : new NotFoundError('No such stream.'),
    db,
  );
}
