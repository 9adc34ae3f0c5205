/** The workspace record: its type, the defaults it starts from (and older items read as), its factory. */
import { randomUUID } from 'node:crypto';
import { definedOnly } from '#kernel/objects.js';

export type WorkspaceState = 'enabled' | 'disabled';

export interface WorkspaceSso {
  required: boolean;
  providerName: string;
}

export interface Workspace {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  state: WorkspaceState;
  disabledReason: string | null;
  sso: WorkspaceSso | null;
  disabledAt: string | null;
  createdBy: string;
  createdAt: string;
  memberCount: number;
  deviceCount: number;
  streamCount: number;
  simCount: number;
  trafficBytes: number;
  /** Per-device grants ever put in the workspace (never down; 0 on items older than it). */
  grantVersion: number;
  version: number;
}

/** What a workspace holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const workspaceDefaults = () =>
  ({
    description: null,
    state: 'enabled',
    disabledReason: null,
    sso: null,
    disabledAt: null,
    memberCount: 0,
    deviceCount: 0,
    streamCount: 0,
    simCount: 0,
    trafficBytes: 0,
    grantVersion: 0,
    version: 1,
  }) satisfies Partial<Workspace>;

export function newWorkspace(input: { orgId: string; name: string; createdBy: string; now: Date; description?: string | null }): Workspace {
  return {
    ...workspaceDefaults(),
    ...definedOnly({ description: input.description }),
    id: randomUUID(),
    orgId: input.orgId,
    name: input.name,
    createdBy: input.createdBy,
    createdAt: input.now.toISOString(),
  };
}
