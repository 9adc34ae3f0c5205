/**
 * The webhook endpoint item (in its organization's partition) and the delivery item (beside it,
 * with its endpoint's GSI1 entry for the log, and while `pending` a GSI2 entry for the retry job).
 * Deliveries expire by TTL after DELIVERY_RETENTION_DAYS.
 */
import { createHash } from 'node:crypto';
import { DELIVERY_RETENTION_DAYS, type Delivery, type Webhook } from '#domain/webhooks.js';
import { byWebhook, dueDeliveries, DUE_SHARDS, keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';
import { TABLE } from '#db/table.js';

export const webhookRecord = recordKind<Webhook>()({
  type: 'Webhook',
  key: (w) => keys.webhook(w.orgId, w.id),
  required: ['orgId', 'id', 'url', 'description', 'eventTypes', 'enabled', 'secrets', 'createdAt', 'createdBy', 'version'],
  optional: ['disabledReason', 'failingSince'],
});
export const { item: webhookItem, from: toWebhook } = webhookRecord;

/** The due index's shard of a delivery: its id's first byte of SHA-256, modulo the shards. */
export const shardOf = (eventId: string): number => createHash('sha256').update(eventId).digest()[0]! % DUE_SHARDS;

export const deliveryRecord = recordKind<Delivery>()({
  type: 'WebhookDelivery',
  key: (d) => keys.delivery(d.orgId, d.webhookId, d.id),
  required: ['orgId', 'webhookId', 'id', 'eventType', 'eventAt', 'payload', 'status', 'scheduledAttempts', 'attempts', 'createdAt', 'version'],
  optional: ['nextAttemptAt'],
  derived: (d) => ({
    ...byWebhook.entry(d.orgId, d.webhookId, d.eventAt, d.id),
    ...(d.status === 'pending' && d.nextAttemptAt ? dueDeliveries.entry(shardOf(d.id), d.nextAttemptAt, d.orgId, d.webhookId, d.id) : {}),
    [TABLE.ttlAttribute]: Math.floor(Date.parse(d.createdAt) / 1000) + DELIVERY_RETENTION_DAYS * 24 * 3600,
  }),
});
export const { item: deliveryItem, from: toDelivery } = deliveryRecord;
