/** The device item and its name claim (names unique in a workspace, case-insensitively). */
import { deviceDefaults, type Device } from '#domain/devices.js';
import { keys } from '#db/keys.js';
import type { Item } from '#db/ops.js';
import { recordKind } from '#db/records/record-kind.js';

export const deviceRecord = recordKind<Device>()({
  type: 'Device',
  key: (d) => keys.device(d.workspaceId, d.id),
  required: ['id', 'workspaceId', 'name', 'createdAt', 'createdBy', 'keyHash'],
  defaults: deviceDefaults,
  // Absent, not null, while unset: the SIM side attaches with `attribute_not_exists(simIccid)`.
  omitNull: true,
});
export const { item: deviceItem, from: toDevice } = deviceRecord;

/** What ingest needs to know about a device name: whose it is and how to check its key. */
export interface DeviceNameGuard {
  deviceId: string;
  keyHash: string;
}

/** The claim on a device's name; it carries the device id and key hash, so ingest finds the device by name. */
export const nameGuardItem = (d: Pick<Device, 'workspaceId' | 'id' | 'name' | 'keyHash'>): Item => ({
  ...keys.deviceName(d.workspaceId, d.name),
  type: 'DeviceName',
  deviceId: d.id,
  name: d.name,
  keyHash: d.keyHash,
});

export const toNameGuard = (item: Item): DeviceNameGuard => ({ deviceId: item.deviceId as string, keyHash: item.keyHash as string });
