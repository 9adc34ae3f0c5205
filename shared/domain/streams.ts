/** The stream record: its type, name rule, the defaults it starts from (and older items read as), its factory. */
import { definedOnly } from '#kernel/objects.js';

export interface Stream {
  workspaceId: string;
  name: string;
  description: string | null;
  createdAt: string;
  createdBy: string;
}

/** Stream names: lower-case, path-safe. */
export const STREAM_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/** What a stream holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const streamDefaults = () => ({ description: null }) satisfies Partial<Stream>;

export function newStream(input: { workspaceId: string; name: string; description?: string; createdBy: string; now: Date }): Stream {
  return {
    ...streamDefaults(),
    ...definedOnly({ description: input.description }),
    workspaceId: input.workspaceId,
    name: input.name,
    createdAt: input.now.toISOString(),
    createdBy: input.createdBy,
  };
}
