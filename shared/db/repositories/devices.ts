/**
 * Devices of a workspace. Every write is one transaction with its audit event, the device's name
 * claim (`#db/repositories/device-names.ts`) and the workspace write guard
 * (`#db/workspace-guard.ts`: counters, enabled, still in the org read); a delete takes the
 * device's grants (`#db/repositories/device-grants.ts`) with it.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Device } from '#domain/devices.js';
import type { Workspace } from '#domain/workspaces.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { batchGetAll, queryPrefixPage, tableName, StaleRead, transact, updateIfPresent, type TransactItem } from '#db/ops.js';
import { updateVersioned } from '#db/versioned.js';
import { deviceItem, toDevice } from '#db/records/devices.js';
import { auditEvent } from '#db/repositories/audit.js';
import { listDeviceGrants, revokeItems } from '#db/repositories/device-grants.js';
import { claimName, releaseName, renameClaims } from '#db/repositories/device-names.js';
import { workspaceGuard } from '#db/workspace-guard.js';

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

/** The given devices of a workspace (missing ones left out), strongly consistent. */
export async function getDevices(workspaceId: string, deviceIds: string[], db: Db = defaultDb): Promise<Device[]> {
  const items = await batchGetAll(deviceIds.map((id) => keys.device(workspaceId, id)), { consistent: true }, db);
  return items.flatMap((item) => (item ? [toDevice(item)] : []));
}

/** Creates a device with its name claim (409 on a name taken, case-insensitively), counted in the write guard. */
export async function createDevice(workspace: Workspace, device: Device, actorId: string, db: Db = defaultDb): Promise<void> {
  const guard = workspaceGuard(workspace, { deviceCount: 1 });
  await transact(
    [
      { Put: { TableName: tableName(), Item: deviceItem(device), ConditionExpression: 'attribute_not_exists(PK)' } },
      claimName(device),
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
 * name moves the claim in the same transaction (409 when taken); a change of case only keeps it.
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
        ...(renamed ? renameClaims(workspace.id, current, next) : []),
      ];
    },
    // Within `also`: the guard, the audit event, then the name claims (the new name's last, when it moves).
    refusal: (failed, cancellation) =>
      guard.refusal(cancellation, 1) ?? (failed.includes(3) ? new ConflictError(`A device named "${changes.name}" already exists in this workspace.`) : 'retry'),
    db,
  });
}

/** Grants revoked ahead of a device's deletion when there are more than its transaction holds. */
const GRANTS_IN_DELETE = 40;

/**
 * Deletes a device: the device (only if no grant was added since `device` was read, and no SIM
 * is attached), its name claim, its grants with their membership entries, the counters and the
 * audit event, in one transaction. A device with very many grants sheds the excess first.
 */
export async function deleteDevice(workspace: Workspace, device: Device, actorId: string, db: Db = defaultDb): Promise<void> {
  const guard = workspaceGuard(workspace, { deviceCount: -1 });
  let current: Device | undefined = device;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (!current) throw new NotFoundError('No such device.');
    // The delete below is pinned to the grantVersion this read saw.
    const grants = await listDeviceGrants(workspace.id, current, db);
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
      releaseName(workspace.id, current),
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
