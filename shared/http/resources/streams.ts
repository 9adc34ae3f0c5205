/**
 * Streams of a workspace, and the documents devices send to them (ingest): request and response
 * schemas, and the stream's view (record → API JSON). Ingest's answer is shaped by its service
 * (shared/services/ingest.ts).
 */
import * as z from 'zod';
import { STREAM_NAME_PATTERN, type Stream as StreamRecord } from '#domain/streams.js';
import { Description, EXAMPLE, Id, PageQuery, Timestamp } from './common.js';
import { DeviceName } from './devices.js';

export const StreamName = z
  .string()
  .regex(STREAM_NAME_PATTERN, 'must be 1-64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');

// ── Streams ───────────────────────────────────────────────────────────────────
export const StreamListParams = z.strictObject({ workspaceId: Id });
export const StreamParams = z.strictObject({ workspaceId: Id, streamName: StreamName });
export const StreamListQuery = PageQuery;
export const StreamCreateBody = z
  .strictObject({ name: StreamName, description: Description.optional() })
  .meta({ examples: [{ name: 'soil-moisture', description: 'Readings every 10 minutes' }] });
export const Stream = z
  .object({ name: StreamName, description: z.string().nullable(), createdAt: Timestamp, createdBy: z.string() })
  .meta({ id: 'Stream', examples: [{ name: 'soil-moisture', description: 'Readings every 10 minutes', createdAt: EXAMPLE.at, createdBy: EXAMPLE.userId }] });

// ── Ingest ────────────────────────────────────────────────────────────────────
export const IngestParams = z.strictObject({ workspaceId: Id, deviceName: DeviceName, streamName: StreamName });
/** Any JSON document (the 64 KB body limit applies); nothing of it is stored. */
export const IngestBody = z
  .unknown()
  .refine((value) => value !== undefined, 'must be a JSON document')
  .meta({ description: 'any JSON document up to 64 KB', examples: [{ moisture: 0.31, temperatureC: 18.5 }] });
export const IngestAccepted = z.object({ receivedAt: Timestamp }).meta({ id: 'IngestAccepted', examples: [{ receivedAt: EXAMPLE.later }] });

export const streamView = (s: StreamRecord) => ({ name: s.name, description: s.description, createdAt: s.createdAt, createdBy: s.createdBy });
