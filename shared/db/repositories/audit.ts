/**
 * The audit log of an organization. Every change writes its event with `auditEvent()` as one
 * more item of the change's own transaction, so a change and its record exist together or not at all.
 */
import { newAuditEvent, type AuditEvent, type AuditEventInput } from '#domain/audit.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { partitions } from '#db/keys.js';
import { queryPrefixPage, tableName, type TransactItem } from '#db/ops.js';
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
