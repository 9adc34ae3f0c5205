/** Reading an organization's audit log. */
import type { OrgAccess } from '#auth/access.js';
import type { AuditEvent } from '#domain/audit.js';
import { listAudit, listAuditSince } from '#db/repositories/audit.js';
import { actionsOfType, cloudEventOf, type CloudEvent } from '#domain/events.js';
import { cursorFrom, startKeyFrom, type Page } from '#db/paging.js';

export async function listAuditEvents(access: OrgAccess, options: { limit: number; cursor?: string }): Promise<Page<AuditEvent>> {
  const scope = `audit|${access.userId}|${access.org.id}`;
  const { events, lastKey } = await listAudit(access.org.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: events, nextCursor: cursorFrom(scope, lastKey) };
}

/** The change feed of an organization, oldest first: its audit events as CloudEvents, from `since`, of one `type`. */
export async function listOrgEvents(access: OrgAccess, options: { limit: number; cursor?: string; since?: string; type?: string }): Promise<Page<CloudEvent>> {
  // The cursor is bound to the caller, the org and the filters it was made for.
  // As stored (milliseconds, Z): `…:12Z` and `…:12.000Z` are one moment, and keys compare as text.
  const since = options.since === undefined ? undefined : new Date(options.since).toISOString();
  const scope = `events|${access.userId}|${access.org.id}|${options.type ?? ''}|${since ?? ''}`;
  const { events, lastKey } = await listAuditSince(access.org.id, {
    limit: options.limit,
    startKey: startKeyFrom(scope, options.cursor),
    ...(since ? { since } : {}),
    ...(options.type ? { actions: actionsOfType(options.type) } : {}),
  });
  return { items: events.map((e) => cloudEventOf(access.org.id, e)), nextCursor: cursorFrom(scope, lastKey) };
}
