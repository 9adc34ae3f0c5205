/**
 * Streams of a workspace. The stream item's key is its name, so the key itself keeps names
 * unique; each write carries the workspace write guard (`streamCount`) and its audit event.
 */
import type { Stream } from '#domain/streams.js';
import type { Workspace } from '#domain/workspaces.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { queryPrefixPage, tableName, transact } from '#db/ops.js';
import { streamItem, toStream } from '#db/records/streams.js';
import { auditEvent } from '#db/repositories/audit.js';
import { workspaceGuard } from '#db/workspace-guard.js';

/** One page of a workspace's streams, by name. */
export async function listStreamsPage(
  workspaceId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ streams: Stream[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPrefixPage(partitions.workspace(workspaceId), partitions.streamPrefix, page, {}, db);
  return { streams: items.map(toStream), lastKey };
}

export async function createStream(workspace: Workspace, stream: Stream, db: Db = defaultDb): Promise<void> {
  const guard = workspaceGuard(workspace, { streamCount: 1 });
  await transact(
    [
      { Put: { TableName: tableName(), Item: streamItem(stream), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...guard.items,
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
        : (guard.refusal(cancellation, 1) ?? new ConflictError('Try again.')),
    db,
  );
}

export async function deleteStream(workspace: Workspace, name: string, actorId: string, db: Db = defaultDb): Promise<void> {
  const guard = workspaceGuard(workspace, { streamCount: -1 });
  await transact(
    [
      { Delete: { TableName: tableName(), Key: keys.stream(workspace.id, name), ConditionExpression: 'attribute_exists(PK)' } },
      ...guard.items,
      auditEvent(workspace.orgId, { actorId, action: 'stream.deleted', target: { type: 'stream', id: name }, details: { workspaceId: workspace.id } }),
    ],
    (_, cancellation) => guard.refusal(cancellation, 1) ?? new NotFoundError('No such stream.'),
    db,
  );
}
