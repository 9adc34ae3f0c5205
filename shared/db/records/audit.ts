/**
 * The audit event item, in its organization's partition sorted by time. The event itself does
 * not name its organization (the partition does), so its key takes the org beside the event.
 */
import { auditEventDefaults, type AuditEvent } from '#domain/audit.js';
import { keys } from '#db/keys.js';
import type { Item } from '#db/ops.js';

export const auditItem = (orgId: string, event: AuditEvent): Item => ({ ...keys.auditEvent(orgId, event.at, event.id), type: 'AuditEvent', ...event });

export const toAuditEvent = (item: Item): AuditEvent => ({
  ...auditEventDefaults(),
  id: item.id as string,
  at: item.at as string,
  actorId: item.actorId as string,
  action: item.action as AuditEvent['action'],
  target: item.target as AuditEvent['target'],
  ...(item.details === undefined ? {} : { details: item.details as AuditEvent['details'] }),
});
