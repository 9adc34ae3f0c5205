/**
 * Webhook endpoints and their deliveries. An endpoint is created and deleted with the
 * organization's count of them (`webhookCount` on the org item, under MAX_WEBHOOKS_PER_ORG in the
 * same condition, so parallel creates cannot pass it) and its audit event, in one transaction.
 * A delivery is written once per event and endpoint (a repeat of the event, as the stream's
 * at-least-once handing may bring, finds it there and does nothing); each attempt then replaces it
 * on condition of the version read, so two workers can never both record the same attempt.
 */
import type { AuditEventInput } from '#domain/audit.js';
import { MAX_WEBHOOKS_PER_ORG, type Delivery, type Webhook } from '#domain/webhooks.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { byWebhook, dueDeliveries, DUE_SHARDS, keys, partitions } from '#db/keys.js';
import { batchGet, queryAll, queryPage, queryPrefixPage, tableName, transact, transactIfNeeded, updateIfPresent, type TransactItem } from '#db/ops.js';
import { deliveryItem, toDelivery, toWebhook, webhookItem } from '#db/records/webhooks.js';
import { auditEvent } from '#db/repositories/audit.js';
import { updateVersioned } from '#db/versioned.js';
import { NotFoundError, QuotaExceededError } from '#kernel/errors.js';

export async function getWebhook(orgId: string, webhookId: string, db: Db = defaultDb): Promise<Webhook | undefined> {
  const [item] = await batchGet([keys.webhook(orgId, webhookId)], { consistent: true }, db);
  return item ? toWebhook(item) : undefined;
}

/** Every endpoint of the organization (at most MAX_WEBHOOKS_PER_ORG): what the publisher fans an event out to. */
export async function listOrgWebhooks(orgId: string, db: Db = defaultDb): Promise<Webhook[]> {
  const items = await queryAll(
    { KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)', ExpressionAttributeValues: { ':pk': partitions.org(orgId), ':prefix': partitions.webhookPrefix } },
    db,
  );
  return items.map(toWebhook);
}

export async function listWebhooksPage(orgId: string, page: { limit: number; startKey?: Record<string, unknown> }, db: Db = defaultDb) {
  const { items, lastKey } = await queryPrefixPage(partitions.org(orgId), partitions.webhookPrefix, page, {}, db);
  return { webhooks: items.map(toWebhook), lastKey };
}

const countChange = (orgId: string, by: 1 | -1): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.org(orgId),
    UpdateExpression: 'ADD webhookCount :by',
    ...(by === 1
      ? {
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND (attribute_not_exists(webhookCount) OR webhookCount < :max)',
          ExpressionAttributeValues: { ':by': 1, ':max': MAX_WEBHOOKS_PER_ORG },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        }
      : { ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeValues: { ':by': -1 } }),
  },
});

/** Registers the endpoint: 409 `quota_exceeded` past MAX_WEBHOOKS_PER_ORG (404 for an organization deleted meanwhile). */
export async function createWebhook(webhook: Webhook, audit: AuditEventInput, now: Date, db: Db = defaultDb): Promise<void> {
  await transact(
    [
      countChange(webhook.orgId, 1),
      { Put: { TableName: tableName(), Item: webhookItem(webhook), ConditionExpression: 'attribute_not_exists(PK)' } },
      auditEvent(webhook.orgId, audit, now),
    ],
    (failed, cancellation) =>
      failed.includes(0) && cancellation.old[0] && cancellation.old[0].deletedAt === undefined
        ? new QuotaExceededError(`An organization may have at most ${MAX_WEBHOOKS_PER_ORG} webhook endpoints.`)
        : new NotFoundError('No such organization.'),
    db,
  );
}

/** Edits the endpoint pinned to the version read (If-Match honoured), with its audit event. */
export function updateWebhook(
  current: Webhook,
  /** The fields to set; `null` removes one (versionedUpdate). */
  changes: { [K in keyof Omit<Webhook, 'orgId' | 'id' | 'version'>]?: Webhook[K] | null },
  options: { ifMatch?: number; audit?: (next: Webhook) => AuditEventInput | undefined; condition?: string; now?: Date },
  db: Db = defaultDb,
): Promise<Webhook> {
  return updateVersioned({
    current,
    key: keys.webhook(current.orgId, current.id),
    changes,
    ifMatch: options.ifMatch,
    condition: options.condition,
    reload: () => getWebhook(current.orgId, current.id, db),
    also: (next) => {
      const audit = options.audit?.(next);
      return audit ? [auditEvent(current.orgId, audit, options.now)] : [];
    },
    noun: 'webhook',
    db,
  });
}

/** Removes the endpoint with its count and audit event; its deliveries expire by TTL (the retry job drops the pending ones). */
export async function deleteWebhook(webhook: Webhook, audit: AuditEventInput, db: Db = defaultDb): Promise<void> {
  await transact(
    [
      { Delete: { TableName: tableName(), Key: keys.webhook(webhook.orgId, webhook.id), ConditionExpression: 'attribute_exists(PK)' } },
      countChange(webhook.orgId, -1),
      auditEvent(webhook.orgId, audit),
    ],
    () => new NotFoundError('No such webhook.'),
    db,
  );
}

/** Records the endpoint's first failure since its last success (a later one leaves the first in place). */
export async function markFailing(webhook: Webhook, at: Date, db: Db = defaultDb): Promise<void> {
  await updateIfPresent(
    {
      Key: keys.webhook(webhook.orgId, webhook.id),
      UpdateExpression: 'SET failingSince = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(failingSince)',
      ExpressionAttributeValues: { ':at': at.toISOString() },
    },
    db,
  );
}

/** A success: the endpoint is no longer failing. */
export async function clearFailing(webhook: Webhook, db: Db = defaultDb): Promise<void> {
  await updateIfPresent({ Key: keys.webhook(webhook.orgId, webhook.id), UpdateExpression: 'REMOVE failingSince', ConditionExpression: 'attribute_exists(failingSince)' }, db);
}

/** Writes the delivery unless it is there already (a repeated event): whether it was new. */
export async function putNewDelivery(delivery: Delivery, db: Db = defaultDb): Promise<boolean> {
  return transactIfNeeded([{ Put: { TableName: tableName(), Item: deliveryItem(delivery), ConditionExpression: 'attribute_not_exists(PK)' } }], db);
}

/** Replaces the delivery as of `read`'s version: false when another worker changed it first. */
export async function saveDelivery(next: Delivery, read: Delivery, db: Db = defaultDb): Promise<boolean> {
  return transactIfNeeded(
    [{
      Put: {
        TableName: tableName(),
        Item: deliveryItem(next),
        ConditionExpression: 'attribute_exists(PK) AND #version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':read': read.version },
      },
    }],
    db,
  );
}

/** Removes a delivery whose endpoint is gone. */
export async function deleteDelivery(delivery: Delivery, db: Db = defaultDb): Promise<void> {
  await transactIfNeeded([{ Delete: { TableName: tableName(), Key: keys.delivery(delivery.orgId, delivery.webhookId, delivery.id), ConditionExpression: 'attribute_exists(PK)' } }], db);
}

export async function getDelivery(orgId: string, webhookId: string, eventId: string, db: Db = defaultDb): Promise<Delivery | undefined> {
  const [item] = await batchGet([keys.delivery(orgId, webhookId, eventId)], { consistent: true }, db);
  return item ? toDelivery(item) : undefined;
}

/** One page of an endpoint's deliveries, newest event first (the endpoint's GSI1 partition, under its organization). */
export async function listDeliveriesPage(orgId: string, webhookId: string, page: { limit: number; startKey?: Record<string, unknown> }, db: Db = defaultDb) {
  const { items, lastKey } = await queryPage(
    {
      IndexName: byWebhook.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byWebhook.pk },
      ExpressionAttributeValues: { ':pk': byWebhook.partition(orgId, webhookId) },
      ScanIndexForward: false,
      Limit: page.limit,
      ExclusiveStartKey: page.startKey,
    },
    db,
  );
  return { deliveries: items.map(toDelivery), lastKey };
}

/** Deliveries whose next attempt is due at `at`, oldest due first, up to `limit` from each shard. */
export async function listDueDeliveries(at: Date, limit: number, db: Db = defaultDb): Promise<Delivery[]> {
  const shards = await Promise.all(
    Array.from({ length: DUE_SHARDS }, (_, shard) =>
      queryPage(
        {
          IndexName: dueDeliveries.index,
          KeyConditionExpression: '#pk = :pk AND #sk <= :until',
          ExpressionAttributeNames: { '#pk': dueDeliveries.pk, '#sk': dueDeliveries.sk },
          ExpressionAttributeValues: { ':pk': dueDeliveries.partition(shard), ':until': dueDeliveries.until(at.toISOString()) },
          Limit: limit,
        },
        db,
      ),
    ),
  );
  return shards.flatMap((page) => page.items.map(toDelivery)).sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? ''));
}
