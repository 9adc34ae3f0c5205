/** Devices, streams and grants → the JSON shapes of API.md (never the key hash). */
import type { Device } from '#domain/devices.js';
import type { DeviceGrant } from '#domain/device-grants.js';
import type { Stream } from '#domain/streams.js';

export const deviceView = (d: Device) => ({
  id: d.id,
  name: d.name,
  description: d.description,
  simIccid: d.simIccid,
  createdAt: d.createdAt,
  lastSeenAt: d.lastSeenAt,
});

export const deviceGrantView = (g: DeviceGrant) => ({
  workspaceId: g.workspaceId,
  deviceId: g.deviceId,
  userId: g.userId,
  access: g.access,
  grantedBy: g.grantedBy,
  grantedAt: g.grantedAt,
});

export const streamView = (s: Stream) => ({ name: s.name, description: s.description, createdAt: s.createdAt, createdBy: s.createdBy });
