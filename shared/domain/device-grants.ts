/**
 * The per-device grant record (every attribute is given, so it has no defaults) and the
 * bookkeeping of grants on the grantee's org membership. Plain functions, no AWS.
 */
import type { GrantLevel } from '#domain/roles.js';

export interface DeviceGrant {
  workspaceId: string;
  orgId: string;
  deviceId: string;
  userId: string;
  access: GrantLevel;
  grantedBy: string;
  grantedAt: string;
}

/**
 * How many devices one member may hold grants on in an organization: removing the member
 * deletes them all in one transaction, and DynamoDB transactions hold at most 100 items.
 */
export const MAX_DEVICE_GRANTS_PER_MEMBER = 25;

/** The entry a grant leaves on the grantee's org membership (so removing the member finds it). */
export const grantEntry = (workspaceId: string, deviceId: string): string => `${workspaceId}/${deviceId}`;

export function parseGrantEntry(entry: string): { workspaceId: string; deviceId: string } | undefined {
  const [workspaceId, deviceId, extra] = entry.split('/');
  return workspaceId && deviceId && extra === undefined ? { workspaceId, deviceId } : undefined;
}
