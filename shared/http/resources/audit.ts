/**
 * The audit log of an organization: request and response schemas. No view: the service answers
 * the audit records as they are (shared/services/audit.ts).
 */
import * as z from 'zod';
import { PageQuery, Timestamp } from './common.js';

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
  .meta({ id: 'AuditEvent' });
