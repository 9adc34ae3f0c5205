/** Devices of a workspace and per-device grants: list, create, edit, delete, grant, revoke. */
import type { DeviceAccess } from '#auth/access.js';
import type { GrantLevel } from '#domain/roles.js';
import { createDevice, deleteDevice, getDevices, listDevicesPage, updateDevice } from '#db/repositories/devices.js';
import { deleteGrant, listDeviceGrants, putGrant } from '#db/repositories/device-grants.js';
import { newDevice, newDeviceKey, type Device } from '#domain/devices.js';
import type { DeviceGrant } from '#domain/device-grants.js';
import { cursorFrom, pageOf, startKeyFrom, type Page } from '#db/paging.js';

/**
 * The devices the caller may see: all of the workspace's for a role holder (paged in DynamoDB),
 * exactly the granted ones for a caller with grants only (their grants came with their access).
 */
export async function listVisibleDevices(access: DeviceAccess, options: { limit: number; cursor?: string }): Promise<Page<Device>> {
  const { workspace } = access;
  if (access.role) {
    const scope = `devices|${access.userId}|${workspace.id}`;
    const { devices, lastKey } = await listDevicesPage(workspace.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
    return { items: devices, nextCursor: cursorFrom(scope, lastKey) };
  }
  const devices = await getDevices(workspace.id, access.grants.map((g) => g.deviceId));
  return pageOf(devices, (d) => d.id, { scope: `granted-devices|${access.userId}|${workspace.id}`, limit: options.limit, cursor: options.cursor });
}

/** Creates a device; its key is returned this once and only its hash is kept. */
export async function addDevice(
  access: DeviceAccess,
  input: { name: string; description?: string },
  now = new Date(),
): Promise<{ device: Device; deviceKey: string }> {
  const { key, hash } = newDeviceKey();
  const device = newDevice({ ...input, workspaceId: access.workspace.id, createdBy: access.userId, keyHash: hash, now });
  await createDevice(access.workspace, device, access.userId);
  return { device, deviceKey: key };
}

/** The device the path names (authorization already read it). */
export function deviceOf(access: DeviceAccess): Device {
  // loadDeviceAccess answers 404 for a path whose device does not exist.
  return access.device!;
}

export function editDevice(
  access: DeviceAccess,
  changes: { name?: string; description?: string | null },
  ifMatch: number | undefined,
): Promise<Device> {
  return updateDevice(access.workspace, deviceOf(access), changes, { actorId: access.userId, ifMatch });
}

export function removeDevice(access: DeviceAccess): Promise<void> {
  return deleteDevice(access.workspace, deviceOf(access), access.userId);
}

/** Gives an org member `read` or `write` access to one device (404 if they are not a member). */
export async function grantDeviceAccess(
  access: DeviceAccess,
  userId: string,
  level: GrantLevel,
  now = new Date(),
): Promise<DeviceGrant> {
  const grant: DeviceGrant = {
    workspaceId: access.workspace.id,
    orgId: access.workspace.orgId,
    deviceId: deviceOf(access).id,
    userId,
    access: level,
    grantedBy: access.userId,
    grantedAt: now.toISOString(),
  };
  await putGrant(access.workspace, grant);
  return grant;
}

/** Everyone holding a grant on the device, oldest grant first (a device's grants are few: one page). */
export async function deviceGrantsOf(access: DeviceAccess): Promise<DeviceGrant[]> {
  const grants = await listDeviceGrants(access.workspace.id, deviceOf(access));
  return grants.sort((a, b) => a.grantedAt.localeCompare(b.grantedAt) || a.userId.localeCompare(b.userId));
}

export function revokeDeviceAccess(access: DeviceAccess, userId: string): Promise<void> {
  return deleteGrant(access.workspace, { workspaceId: access.workspace.id, orgId: access.workspace.orgId, deviceId: deviceOf(access).id, userId }, access.userId);
}
