/**
 * Per-device grants. A grant leaves an entry on the grantee's org membership (so that removing
 * the member removes the grant in the same transaction) and bumps the device's grant version (so
 * that a delete pinned to the version it read cannot miss a grant) and the workspace's, through
 * the workspace write guard (so that a move pinned to it cannot either, and a grant authorized
 * against the org the workspace has just left fails); each write has its audit event.
 */
import { MAX_DEVICE_GRANTS_PER_MEMBER, grantEntry, parseGrantEntry, type DeviceGrant } from '#domain/device-grants.js';
import type { Device } from '#domain/devices.js';
import type { OrgMembership } from '#domain/members.js';
import type { Workspace } from '#domain/workspaces.js';
import { ConflictError, NotFoundError, QuotaExceededError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { queryAll, tableName, transact, updateIfPresent, type Item, type TransactItem } from '#db/ops.js';
import { grantItem, toDeviceGrant } from '#db/records/device-grants.js';
import { auditEvent } from '#db/repositories/audit.js';
import { workspaceGuard } from '#db/workspace-guard.js';

type GrantOf = Pick<DeviceGrant, 'workspaceId' | 'orgId' | 'deviceId' | 'userId'>;

/**
 * Every grant on one device (a device's grants are few; the filter runs over the workspace's
 * grants). The device's `grantVersion` counts grants ever put: 0 means none exists, and no Query
 * is needed.
 */
export async function listDeviceGrants(workspaceId: string, device: Pick<Device, 'id' | 'grantVersion'>, db: Db = defaultDb): Promise<DeviceGrant[]> {
  if (device.grantVersion === 0) return [];
  const deviceId = device.id;
  const items = await queryAll(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      FilterExpression: 'deviceId = :device',
      ExpressionAttributeValues: { ':pk': partitions.workspace(workspaceId), ':prefix': partitions.grantPrefix, ':device': deviceId },
      ConsistentRead: true,
    },
    db,
  );
  return items.map(toDeviceGrant);
}

/** One user's grants in a workspace (strongly consistent: a grant works the moment it is given). */
export async function listUserGrants(workspaceId: string, userId: string, db: Db = defaultDb): Promise<DeviceGrant[]> {
  const items = await queryAll(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': partitions.workspace(workspaceId), ':prefix': partitions.userGrantPrefix(userId) },
      ConsistentRead: true,
    },
    db,
  );
  return items.map(toDeviceGrant);
}

/** The two writes that take a grant away: the grant item and its entry on the member's membership. */
export function revokeItems(grant: GrantOf, requireGrant: boolean): TransactItem[] {
  return [
    {
      Delete: {
        TableName: tableName(),
        Key: keys.deviceGrant(grant.workspaceId, grant.userId, grant.deviceId),
        ...(requireGrant ? { ConditionExpression: 'attribute_exists(PK)' } : {}),
      },
    },
    { Update: forgetGrantEntry(grant) },
  ];
}

/** A grant's write is guarded by its workspace as read: still in the org that authorized it, enabled or not. */
type GuardedWorkspace = Pick<Workspace, 'id' | 'orgId'>;

/**
 * Gives (or changes) a user's grant on a device of `workspace` (as read when the caller was
 * authorized): the grant item, the entry on their org membership (404 if they are not a member;
 * at most MAX_DEVICE_GRANTS_PER_MEMBER devices each), the device's grant version (404 if it is
 * gone), the workspace's grant version in its write guard (404 once it has moved to another
 * organization) and the audit event.
 */
export async function putGrant(workspace: GuardedWorkspace, grant: DeviceGrant, db: Db = defaultDb): Promise<void> {
  const entry = grantEntry(grant.workspaceId, grant.deviceId);
  const guard = workspaceGuard(workspace, { grantVersion: 1 }, { enabled: false });
  await transact(
    [
      { Put: { TableName: tableName(), Item: grantItem(grant) } },
      {
        Update: {
          TableName: tableName(),
          Key: keys.orgMember(grant.orgId, grant.userId),
          UpdateExpression: 'ADD grantedDevices :entry, #version :one',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(grantedDevices) OR size(grantedDevices) < :max OR contains(grantedDevices, :key))',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':entry': new Set([entry]), ':one': 1, ':max': MAX_DEVICE_GRANTS_PER_MEMBER, ':key': entry },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: keys.device(grant.workspaceId, grant.deviceId),
          UpdateExpression: 'ADD grantVersion :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      auditEvent(grant.orgId, {
        actorId: grant.grantedBy,
        action: 'device.access_granted',
        target: { type: 'device', id: grant.deviceId },
        details: { workspaceId: grant.workspaceId, userId: grant.userId, access: grant.access },
      }),
      ...guard.items,
    ],
    (failed, cancellation) =>
      guard.refusal(cancellation, 4) ??
      (failed.includes(1)
        ? cancellation.old[1]
          ? new QuotaExceededError(`A member may hold grants on at most ${MAX_DEVICE_GRANTS_PER_MEMBER} devices of an organization.`)
          : new NotFoundError('The user is not a member of the organization.')
        : failed.includes(2)
          ? new NotFoundError('No such device.')
          : new ConflictError('Try again.')),
    db,
  );
}

/** Takes a user's grant on a device of `workspace` away (404 if there is none, or the workspace has moved). */
export async function deleteGrant(workspace: GuardedWorkspace, grant: GrantOf, actorId: string, db: Db = defaultDb): Promise<void> {
  const guard = workspaceGuard(workspace, {}, { enabled: false });
  await transact(
    [
      ...guard.items,
      ...revokeItems(grant, true),
      auditEvent(grant.orgId, {
        actorId,
        action: 'device.access_revoked',
        target: { type: 'device', id: grant.deviceId },
        details: { workspaceId: grant.workspaceId, userId: grant.userId },
      }),
    ],
    (_, cancellation) => guard.refusal(cancellation, 0) ?? new NotFoundError('This user holds no grant on this device.'),
    db,
  );
}

/**
 * For the member-removal transaction (shared/db/repositories/members.ts): deletes the member's
 * grant items in the organization. Their membership, which lists them, goes in the same transaction.
 */
export function memberGrantRemovals(member: Pick<OrgMembership, 'userId' | 'deviceGrants'>): TransactItem[] {
  return (member.deviceGrants ?? []).flatMap((entry): TransactItem[] => {
    const at = parseGrantEntry(entry);
    return at ? [{ Delete: { TableName: tableName(), Key: keys.deviceGrant(at.workspaceId, member.userId, at.deviceId) } }] : [];
  });
}

/** Takes a grant's entry off the grantee's org membership (which bumps its version). */
function forgetGrantEntry(grant: GrantOf) {
  return {
    TableName: tableName(),
    Key: keys.orgMember(grant.orgId, grant.userId),
    UpdateExpression: 'DELETE grantedDevices :entry ADD #version :one',
    ConditionExpression: 'attribute_exists(PK)',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':entry': new Set([grantEntry(grant.workspaceId, grant.deviceId)]), ':one': 1 },
  };
}

/**
 * For the workspace purge: takes the purged grants' entries off their members' memberships
 * (grant items themselves go with the partition). A membership already gone is fine.
 */
export async function forgetPurgedGrant(grantItemRead: Item, db: Db = defaultDb): Promise<void> {
  const grant = toDeviceGrant(grantItemRead);
  await updateIfPresent(forgetGrantEntry(grant), db);
}
