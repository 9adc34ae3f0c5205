/** Reading an organization's audit log. */
import type { OrgAccess } from '#auth/access.js';
import type { AuditEvent } from '#domain/audit.js';
import { listAudit } from '#db/repositories/audit.js';
import { cursorFrom, startKeyFrom, type Page } from '#db/paging.js';

export async function listAuditEvents(access: OrgAccess, options: { limit: number; cursor?: string }): Promise<Page<AuditEvent>> {
  const scope = `audit|${access.userId}|${access.org.id}`;
  const { events, lastKey } = await listAudit(access.org.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: events, nextCursor: cursorFrom(scope, lastKey) };
}
