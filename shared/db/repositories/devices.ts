/**
 * Devices of a workspace, their name guards and per-device grants. Every write is one
 * transaction with its audit event; those that create, change or delete a device carry the
 * workspace write guard (`#db/workspace-guard.ts`: counters, enabled, still in the org read).
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { MAX_DEVICE_GRANTS_PER_MEMBER, grantEntry, parseGrantEntry, sameDeviceName, type Device, type DeviceGrant } from '#domain/devices.js';
import type { OrgMembership, Workspace } from '#domain/model.js';
import { ConflictError, NotFoundError, QuotaExceededError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { batchGet, queryAll, queryPrefixPage, tableName, StaleRead, transact, updateVersioned, type Item, type TransactItem , updateIfPresent } from '#db/ops.js';
import { auditEvent } from '#db/repositories/audit.js';
import { pick } from '#db/repositories/records.js';
import { workspaceGuard } from '#db/workspace-guard.js';


/** Absent, not null, while unset: the SIM side attaches with `attribute_not_exists(simIccid)`. */
export const deviceItem = (d: Device): Item => ({
  ...keys.device(d.workspaceId, d.id),
  type: 'Device',
  ...Object.fromEntries(Object.entries(d).filter(([, value]) => value !== null)),
});
export const toDevice = (item: Item): Device => ({
  id: item.id as string,
  workspaceId: item.workspaceId as string,
  name: item.name as string,
  description: pick(item, 'description', null),
  simIccid: pick(item, 'simIccid', null),
  createdAt: item.createdAt as string,
  createdBy: item.createdBy as string,
  lastSeenAt: pick(item, 'lastSeenAt', null),
  keyHash: item.keyHash as string,
  version: pick(item, 'version', 1),
  grantVersion: pick(item, 'grantVersion', 0),
});

/** What ingest needs to know about a device name: whose it is and how to check its key. */
export interface DeviceNameGuard {
  deviceId: string;
  keyHash: string;
}

const nameGuardItem = (d: Pick<Device, 'workspaceId' | 'id' | 'name' | 'keyHash'>): Item => ({
  ...keys.deviceName(d.workspaceId, d.name),
  type: 'DeviceName',
  deviceId: d.id,
  name: d.name,
  keyHash: d.keyHash,
});

export const grantItem = (g: DeviceGrant): Item => ({ ...keys.deviceGrant(g.workspaceId, g.userId, g.deviceId), type: 'DeviceGrant', ...g });
export const toDeviceGrant = (item: Item): DeviceGrant => ({
  workspaceId: item.workspaceId as string,
  orgId: item.orgId as string,
  deviceId: item.deviceId as string,
  userId: item.userId as string,
  access: item.access as DeviceGrant['access'],
  grantedBy: item.grantedBy as string,
  grantedAt: item.grantedAt as string,
});

export async function getDevice(workspaceId: string, deviceId: string, db: Db = defaultDb): Promise<Device | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.device(workspaceId, deviceId), ConsistentRead: true }));
  return out.Item ? toDevice(out.Item) : undefined;
}

/** One page of a workspace's devices, in id order. */
export async function listDevicesPage(
  workspaceId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ devices: Device[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPrefixPage(partitions.workspace(workspaceId), partitions.devicePrefix, page, {}, db);
  return { devices: items.map(toDevice), lastKey };
}

/** The given devices of a workspace (missing ones left out), 100 keys a round trip. */
export async function getDevices(workspaceId: string, deviceIds: string[], db: Db = defaultDb): Promise<Device[]> {
  const found: Device[] = [];
  for (let i = 0; i < deviceIds.length; i += 100) {
    const items = await batchGet(deviceIds.slice(i, i + 100).map((id) => keys.device(workspaceId, id)), { consistent: true }, db);
    for (const item of items) if (item) found.push(toDevice(item));
  }
  return found;
}

/** Creates a device with its name guard (409 on a name taken, case-insensitively), counted in the write guard. */
export async function createDevice(workspace: Workspace, device: Device, actorId: string, db: Db = defaultDb): Promise<void> {
  const guard = workspaceGuard(workspace, { deviceCount: 1 });
  await transact(
    [
      { Put: { TableName: tableName(), Item: deviceItem(device), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: tableName(), Item: nameGuardItem(device), ConditionExpression: 'attribute_not_exists(PK)' } },
      auditEvent(workspace.orgId, {
        actorId,
        action: 'device.created',
        target: { type: 'device', id: device.id },
        details: { workspaceId: workspace.id, name: device.name },
      }),
      ...guard.items,
    ],
    (failed, cancellation) =>
      failed.includes(1)
        ? new ConflictError(`A device named "${device.name}" already exists in this workspace.`)
        : (guard.refusal(cancellation, 3) ?? new ConflictError('Try again.')),
    db,
  );
}

/**
 * Edits name and description, pinned to the version read (If-Match: 412 when stale). A new
 * name moves the guard in the same transaction (409 when taken); a change of case only keeps it.
 */
export function updateDevice(
  workspace: Workspace,
  device: Device,
  changes: { name?: string; description?: string | null },
  options: { actorId: string; ifMatch?: number },
  db: Db = defaultDb,
): Promise<Device> {
  const guard = workspaceGuard(workspace);
  return updateVersioned<Device>({
    current: device,
    key: keys.device(workspace.id, device.id),
    changes,
    ifMatch: options.ifMatch,
    reload: () => getDevice(workspace.id, device.id, db),
    noun: 'device',
    also: (next, current) => {
      const renamed = next.name !== current.name;
      return [
        ...guard.items,
        auditEvent(workspace.orgId, {
          actorId: options.actorId,
          action: 'device.updated',
          target: { type: 'device', id: current.id },
          details: { workspaceId: workspace.id, fields: Object.keys(changes), ...(renamed ? { from: current.name, to: next.name } : {}) },
        }),
        ...(renamed ? renameGuardItems(workspace.id, current, next) : []),
      ];
    },
    // Within `also`: the guard, the audit event, then the name guards (the new name's last, when it moves).
    refusal: (failed, cancellation) =>
      guard.refusal(cancellation, 1) ?? (failed.includes(3) ? new ConflictError(`A device named "${changes.name}" already exists in this workspace.`) : 'retry'),
    db,
  });
}

/** A rename's writes on the name guards: moved to the new name (409 if taken), or, for a change of case only, kept. */
function renameGuardItems(workspaceId: string, current: Device, next: Device): TransactItem[] {
  if (sameDeviceName(next.name, current.name)) {
    return [
      {
        Update: {
          TableName: tableName(),
          Key: keys.deviceName(workspaceId, current.name),
          UpdateExpression: 'SET #name = :name',
          ConditionExpression: 'deviceId = :id',
          ExpressionAttributeNames: { '#name': 'name' },
          ExpressionAttributeValues: { ':name': next.name, ':id': current.id },
        },
      },
    ];
  }
  return [
    {
      Delete: {
        TableName: tableName(),
        Key: keys.deviceName(workspaceId, current.name),
        ConditionExpression: 'deviceId = :id',
        ExpressionAttributeValues: { ':id': current.id },
      },
    },
    { Put: { TableName: tableName(), Item: nameGuardItem(next), ConditionExpression: 'attribute_not_exists(PK)' } },
  ];
}

/** Every grant on one device (a device's grants are few; the filter runs over the workspace's grants). */
export async function listDeviceGrants(workspaceId: string, deviceId: string, db: Db = defaultDb): Promise<DeviceGrant[]> {
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
function revokeItems(grant: Pick<DeviceGrant, 'workspaceId' | 'orgId' | 'deviceId' | 'userId'>, requireGrant: boolean): TransactItem[] {
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

/** Grants revoked ahead of a device's deletion when there are more than its transaction holds. */
const GRANTS_IN_DELETE = 40;

/**
 * Deletes a device: the device (only if no grant was added since `device` was read, and no SIM
 * is attached), its name guard, its grants with their membership entries, the counters and the
 * audit event, in one transaction. A device with very many grants sheds the excess first.
 */
export async function deleteDevice(workspace: Workspace, device: Device, actorId: string, db: Db = defaultDb): Promise<void> {
  const guard = workspaceGuard(workspace, { deviceCount: -1 });
  let current: Device | undefined = device;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (!current) throw new NotFoundError('No such device.');
    // grantVersion counts grants ever put; 0 means none exists, and the delete below is pinned to it.
    const grants = current.grantVersion === 0 ? [] : await listDeviceGrants(workspace.id, current.id, db);
    for (const grant of grants.slice(GRANTS_IN_DELETE)) {
      await transact(revokeItems(grant, false), () => new StaleRead(), db).catch((error: Error) => {
        if (!(error instanceof StaleRead)) throw error;
      });
    }
    const items: TransactItem[] = [
      {
        Delete: {
          TableName: tableName(),
          Key: keys.device(workspace.id, current.id),
          ConditionExpression: 'attribute_exists(PK) AND grantVersion = :seen AND attribute_not_exists(simIccid)',
          ExpressionAttributeValues: { ':seen': current.grantVersion },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Delete: {
          TableName: tableName(),
          Key: keys.deviceName(workspace.id, current.name),
          ConditionExpression: 'deviceId = :id',
          ExpressionAttributeValues: { ':id': current.id },
        },
      },
      ...guard.items,
      auditEvent(workspace.orgId, {
        actorId,
        action: 'device.deleted',
        target: { type: 'device', id: current.id },
        details: { workspaceId: workspace.id, name: current.name },
      }),
      ...grants.slice(0, GRANTS_IN_DELETE).flatMap((grant) => revokeItems(grant, false)),
    ];
    try {
      await transact(
        items,
        (failed, cancellation) => {
          if (failed.includes(0)) {
            const old = cancellation.old[0];
            if (old?.simIccid) return new ConflictError('A SIM is attached to this device: detach it first.');
            return new StaleRead();
          }
          return guard.refusal(cancellation, 2) ?? new StaleRead();
        },
        db,
      );
      return;
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
      current = await getDevice(workspace.id, device.id, db);
    }
  }
  throw new ConflictError('The device kept changing; reload and try again.');
}

/**
 * Gives (or changes) a user's grant on a device: the grant item, the entry on their org
 * membership (404 if they are not a member; at most MAX_DEVICE_GRANTS_PER_MEMBER devices each),
 * the device's grant version (404 if it is gone) and the audit event.
 */
export async function putGrant(grant: DeviceGrant, db: Db = defaultDb): Promise<void> {
  const entry = grantEntry(grant.workspaceId, grant.deviceId);
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
    ],
    (failed, cancellation) =>
      failed.includes(1)
        ? cancellation.old[1]
          ? new QuotaExceededError(`A member may hold grants on at most ${MAX_DEVICE_GRANTS_PER_MEMBER} devices of an organization.`)
          : new NotFoundError('The user is not a member of the organization.')
        : failed.includes(2)
          ? new NotFoundError('No such device.')
          : new ConflictError('Try again.'),
    db,
  );
}

/** Takes a user's grant on a device away (404 if there is none). */
export async function deleteGrant(
  grant: Pick<DeviceGrant, 'workspaceId' | 'orgId' | 'deviceId' | 'userId'>,
  actorId: string,
  db: Db = defaultDb,
): Promise<void> {
  await transact(
    [
      ...revokeItems(grant, true),
      auditEvent(grant.orgId, {
        actorId,
        action: 'device.access_revoked',
        target: { type: 'device', id: grant.deviceId },
        details: { workspaceId: grant.workspaceId, userId: grant.userId },
      }),
    ],
    () => new NotFoundError('This user holds no grant on this device.'),
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
function forgetGrantEntry(grant: { orgId: string; userId: string; workspaceId: string; deviceId: string }) {
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

/** What one ingest request needs, in one BatchGet: the workspace, the device by name, the stream. */
export async function readIngestTargets(
  workspaceId: string,
  deviceName: string,
  streamName: string,
  db: Db = defaultDb,
): Promise<{ workspace: Item | undefined; guard: DeviceNameGuard | undefined; streamExists: boolean }> {
  const [workspace, guard, stream] = await batchGet(
    [keys.workspace(workspaceId), keys.deviceName(workspaceId, deviceName), keys.stream(workspaceId, streamName)],
    { consistent: true },
    db,
  );
  return {
    workspace,
    guard: guard ? { deviceId: guard.deviceId as string, keyHash: guard.keyHash as string } : undefined,
    streamExists: stream !== undefined,
  };
}

/** Marks a device as seen (and counts the message); false if the device is gone meanwhile. */
export async function recordDeviceSeen(workspaceId: string, deviceId: string, at: Date, db: Db = defaultDb): Promise<boolean> {
  return updateIfPresent(
    {
      Key: keys.device(workspaceId, deviceId),
      UpdateExpression: 'SET lastSeenAt = :at ADD messagesReceived :one',
      ConditionExpression: 'attribute_exists(PK)',
      ExpressionAttributeValues: { ':at': at.toISOString(), ':one': 1 },
    },
    db,
  );
}
