/**
 * Devices and their per-device grants: request and response schemas, and the views (records → API
 * JSON; never the key hash).
 */
import * as z from 'zod';
import { DEVICE_NAME_PATTERN, type Device as DeviceRecord } from '#domain/devices.js';
import type { DeviceGrant as DeviceGrantRecord } from '#domain/device-grants.js';
import { Description, EXAMPLE, Id, PageQuery, Timestamp } from './common.js';

export const DeviceName = z
  .string()
  .regex(DEVICE_NAME_PATTERN, 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit')
  .meta({ description: 'unique within the workspace, compared case-insensitively' });
export const GrantLevel = z.enum(['read', 'write']).meta({ id: 'DeviceGrantLevel' });

// ── Devices ───────────────────────────────────────────────────────────────────
export const DeviceListParams = z.strictObject({ workspaceId: Id });
export const DeviceParams = z.strictObject({ workspaceId: Id, deviceId: Id });
export const DeviceListQuery = PageQuery;
export const DeviceCreateBody = z
  .strictObject({ name: DeviceName, description: Description.optional() })
  .meta({ examples: [{ name: 'pump-07', description: 'Irrigation pump, north field' }] });
export const DevicePatchBody = z
  .strictObject({ name: DeviceName.optional(), description: Description.nullable().optional() })
  .refine((b) => Object.keys(b).length > 0, 'must change at least one field')
  .meta({ examples: [{ name: 'pump-07b', description: null }] });

const deviceExample = {
  id: EXAMPLE.deviceId,
  name: 'pump-07',
  description: 'Irrigation pump, north field',
  simIccid: EXAMPLE.iccid,
  createdAt: EXAMPLE.at,
  lastSeenAt: EXAMPLE.later,
};
export const Device = z
  .object({
    id: z.string(),
    name: DeviceName,
    description: z.string().nullable(),
    simIccid: z.string().nullable().meta({ description: 'the attached SIM, null until one is attached' }),
    createdAt: Timestamp,
    lastSeenAt: Timestamp.nullable(),
  })
  .meta({ id: 'Device', examples: [deviceExample] });
export const CreatedDevice = Device.extend({
  deviceKey: z.string().meta({ description: 'shown once, never again: the device sends it as `Authorization: Device <deviceKey>`' }),
}).meta({ id: 'CreatedDevice', examples: [{ ...deviceExample, simIccid: null, lastSeenAt: null, deviceKey: 'dk_4v7Qm2xR9tLpW3sZ8nK1bY6cH0jF5aE' }] });

// ── Per-device grants ─────────────────────────────────────────────────────────
export const DeviceGrantParams = z.strictObject({ workspaceId: Id, deviceId: Id, userId: Id });
export const DeviceGrantBody = z.strictObject({ access: GrantLevel }).meta({ examples: [{ access: 'read' }] });
export const DeviceGrant = z
  .object({ workspaceId: z.string(), deviceId: z.string(), userId: z.string(), access: GrantLevel, grantedBy: z.string(), grantedAt: Timestamp })
  .meta({
    id: 'DeviceGrant',
    examples: [{ workspaceId: EXAMPLE.workspaceId, deviceId: EXAMPLE.deviceId, userId: EXAMPLE.otherUserId, access: 'read', grantedBy: EXAMPLE.userId, grantedAt: EXAMPLE.at }],
  });

export const deviceView = (d: DeviceRecord) => ({
  id: d.id,
  name: d.name,
  description: d.description,
  simIccid: d.simIccid,
  createdAt: d.createdAt,
  lastSeenAt: d.lastSeenAt,
});

export const deviceGrantView = (g: DeviceGrantRecord) => ({
  workspaceId: g.workspaceId,
  deviceId: g.deviceId,
  userId: g.userId,
  access: g.access,
  grantedBy: g.grantedBy,
  grantedAt: g.grantedAt,
});
