/** Schemas of devices, streams, per-device grants and ingest (requests, responses, OpenAPI). */
import * as z from 'zod';
import { DEVICE_NAME_PATTERN } from '#domain/devices.js';
import { STREAM_NAME_PATTERN } from '#domain/streams.js';
import { Description, Id, PageQuery, Timestamp } from './common.js';

export const DeviceName = z
  .string()
  .regex(DEVICE_NAME_PATTERN, 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit')
  .meta({ description: 'unique within the workspace, compared case-insensitively' });
export const StreamName = z
  .string()
  .regex(STREAM_NAME_PATTERN, 'must be 1-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');
export const GrantLevel = z.enum(['read', 'write']).meta({ id: 'DeviceGrantLevel' });

// ── Devices ───────────────────────────────────────────────────────────────────
export const DeviceListParams = z.strictObject({ workspaceId: Id });
export const DeviceParams = z.strictObject({ workspaceId: Id, deviceId: Id });
export const DeviceListQuery = PageQuery;
export const DeviceCreateBody = z.strictObject({ name: DeviceName, description: Description.optional() });
export const DevicePatchBody = z
  .strictObject({ name: DeviceName.optional(), description: Description.nullable().optional() })
  .refine((b) => Object.keys(b).length > 0, 'must change at least one field');
export const Device = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    simIccid: z.string().nullable().meta({ description: 'the attached SIM, null until one is attached' }),
    createdAt: Timestamp,
    lastSeenAt: Timestamp.nullable(),
  })
  .meta({ id: 'Device' });
export const CreatedDevice = Device.extend({
  deviceKey: z.string().meta({ description: 'shown once, never again: the device sends it as `Authorization: Device <deviceKey>`' }),
}).meta({ id: 'CreatedDevice' });

// ── Per-device grants ─────────────────────────────────────────────────────────
export const DeviceGrantParams = z.strictObject({ workspaceId: Id, deviceId: Id, userId: Id });
export const DeviceGrantBody = z.strictObject({ access: GrantLevel });
export const DeviceGrant = z
  .object({ workspaceId: z.string(), deviceId: z.string(), userId: z.string(), access: GrantLevel, grantedBy: z.string(), grantedAt: Timestamp })
  .meta({ id: 'DeviceGrant' });

// ── Streams ───────────────────────────────────────────────────────────────────
export const StreamListParams = z.strictObject({ workspaceId: Id });
export const StreamParams = z.strictObject({ workspaceId: Id, streamName: StreamName });
export const StreamListQuery = PageQuery;
export const StreamCreateBody = z.strictObject({ name: StreamName, description: Description.optional() });
export const Stream = z
  .object({ name: z.string(), description: z.string().nullable(), createdAt: Timestamp, createdBy: z.string() })
  .meta({ id: 'Stream' });

// ── Ingest ────────────────────────────────────────────────────────────────────
export const IngestParams = z.strictObject({ workspaceId: Id, deviceName: DeviceName, streamName: StreamName });
/** Any JSON document (the 64 KB body limit applies); nothing of it is stored. */
export const IngestBody = z
  .unknown()
  .refine((value) => value !== undefined, 'must be a JSON document')
  .meta({ description: 'any JSON document up to 64 KB' });
export const IngestAccepted = z.object({ receivedAt: Timestamp }).meta({ id: 'IngestAccepted' });
