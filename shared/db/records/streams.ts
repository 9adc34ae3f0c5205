/** The stream item: its key is its name, so the key itself keeps names unique. */
import { streamDefaults, type Stream } from '#domain/streams.js';
import { keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

export const streamRecord = recordKind<Stream>()({
  type: 'Stream',
  key: (s) => keys.stream(s.workspaceId, s.name),
  required: ['workspaceId', 'name', 'createdAt', 'createdBy'],
  defaults: streamDefaults,
});
export const { item: streamItem, from: toStream } = streamRecord;
