/**
 * The audit log of an organization: request and response schemas. No view: the service answers
 * the audit records as they are (shared/services/audit.ts).
 */
import * as z from 'zod';
import { EXAMPLE, PageQuery, Timestamp } from './common.js';

export const AuditQuery = PageQuery;
export const AuditEvent = z
  .object({
    id: z.string(),
    at: Timestamp,
    actorId: z.string(),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({
    id: 'AuditEvent',
    examples: [
      {
        id: 'f0e1d2c3-b4a5-4968-8776-655443322110',
        at: EXAMPLE.at,
        actorId: EXAMPLE.userId,
        action: 'device.created',
        target: { type: 'device', id: EXAMPLE.deviceId },
        details: { workspaceId: EXAMPLE.workspaceId, name: 'pump-07' },
      },
    ],
  });
