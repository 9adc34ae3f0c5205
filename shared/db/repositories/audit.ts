/**
 * The audit log of an organization. Every change writes its event with `auditEvent()` as one
 * more item of the change's own transaction, so a change and its record exist together or not at all.
 */
import { newAuditEvent, type AuditAction, type AuditEvent, type AuditEventInput } from '#domain/audit.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { partitions } from '#db/keys.js';
import { queryFilled, queryPrefixPage, tableName, type TransactItem } from '#db/ops.js';
import { auditItem, toAuditEvent } from '#db/records/audit.js';

/** The Put that records `action` in `orgId`'s audit log, for the change's own transaction. */
export function auditEvent(orgId: string, event: AuditEventInput, now = new Date()): TransactItem {
  return { Put: { TableName: tableName(), Item: auditItem(orgId, newAuditEvent(event, now)), ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** One page of the audit log, newest first. */
export async function listAudit(
  orgId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ events: AuditEvent[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPrefixPage(partitions.org(orgId), partitions.auditPrefix, page, { descending: true }, db);
  return { events: items.map(toAuditEvent), lastKey };
}

/**
 * One page of the audit log oldest first, from `since` (inclusive) on, of the given actions only
 * (all when absent): the change feed's replay. The key's time prefix bounds the Query; the
 * actions filter on the server, and as many Query pages are read as a full page takes.
 */
export async function listAuditSince(
  orgId: string,
  page: { limit: number; startKey?: Record<string, unknown>; since?: string; actions?: readonly AuditAction[] },
  db: Db = defaultDb,
): Promise<{ events: AuditEvent[]; lastKey?: Record<string, unknown> }> {
  const filter = page.actions && page.actions.length > 0 ? page.actions : undefined;
  const { items, lastKey } = await queryFilled(
    {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': partitions.org(orgId),
        ':from': partitions.auditFrom(page.since ?? ''),
        ':to': partitions.auditTo,
        ...(filter ? Object.fromEntries(filter.map((a, i) => [`:a${i}`, a])) : {}),
      },
      ...(filter ? { FilterExpression: `#action IN (${filter.map((_, i) => `:a${i}`).join(', ')})`, ExpressionAttributeNames: { '#action': 'action' } } : {}),
    },
    { limit: page.limit, startKey: page.startKey },
    db,
  );
  return { events: items.map(toAuditEvent), lastKey };
}
