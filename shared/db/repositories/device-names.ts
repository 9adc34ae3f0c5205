/**
 * Device name claims: a device's name is claimed in its workspace (case-insensitively) in the
 * same transaction as the device's create, rename and delete; ingest finds a device by its claim.
 */
import { sameDeviceName, type Device } from '#domain/devices.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys } from '#db/keys.js';
import { batchGet, tableName, type Item, type TransactItem } from '#db/ops.js';
import { nameGuardItem, toNameGuard, type DeviceNameGuard } from '#db/records/devices.js';

/** Claims a new device's name (the transaction fails on a name taken). */
export const claimName = (device: Device): TransactItem => ({
  Put: { TableName: tableName(), Item: nameGuardItem(device), ConditionExpression: 'attribute_not_exists(PK)' },
});

/** Lets go of a device's name (only the device's own claim). */
export const releaseName = (workspaceId: string, device: Pick<Device, 'id' | 'name'>): TransactItem => ({
  Delete: {
    TableName: tableName(),
    Key: keys.deviceName(workspaceId, device.name),
    ConditionExpression: 'deviceId = :id',
    ExpressionAttributeValues: { ':id': device.id },
  },
});

/** A rename's writes on the name claims: moved to the new name (the new claim last; it fails if taken), or, for a change of case only, kept. */
export function renameClaims(workspaceId: string, current: Device, next: Device): TransactItem[] {
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
  return [releaseName(workspaceId, current), claimName(next)];
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
  return { workspace, guard: guard ? toNameGuard(guard) : undefined, streamExists: stream !== undefined };
}
