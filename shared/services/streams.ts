/** Streams of a workspace: list, create, delete. */
import type { WorkspaceAccess } from '#auth/access.js';
import { createStream, deleteStream, listStreamsPage } from '#db/repositories/streams.js';
import { newStream, type Stream } from '#domain/streams.js';
import { cursorFrom, startKeyFrom, type Page } from '#db/paging.js';

export async function listStreams(access: WorkspaceAccess, options: { limit: number; cursor?: string }): Promise<Page<Stream>> {
  const scope = `streams|${access.userId}|${access.workspace.id}`;
  const { streams, lastKey } = await listStreamsPage(access.workspace.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: streams, nextCursor: cursorFrom(scope, lastKey) };
}

export async function addStream(access: WorkspaceAccess, input: { name: string; description?: string }, now = new Date()): Promise<Stream> {
  const stream = newStream({ workspaceId: access.workspace.id, name: input.name, description: input.description, createdBy: access.userId, now });
  await createStream(access.workspace, stream);
  return stream;
}

export function removeStream(access: WorkspaceAccess, name: string): Promise<void> {
  return deleteStream(access.workspace, name, access.userId);
}
