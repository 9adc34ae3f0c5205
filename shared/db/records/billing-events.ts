/**
 * The receipt of a billing event: its id (the key), the organization and plan it set, when it
 * came, and a TTL so the table forgets it once no provider retry can come any more.
 */
import { EVENT_RECEIPT_DAYS, type BillingEventReceipt } from '#domain/billing.js';
import { keys } from '#db/keys.js';
import type { Item } from '#db/ops.js';
import { recordKind } from '#db/records/record-kind.js';

export const billingEventRecord = recordKind<BillingEventReceipt>()({
  type: 'BillingEvent',
  key: (receipt) => keys.billingEvent(receipt.id),
  required: ['id', 'orgId', 'plan', 'receivedAt'],
  derived: (receipt) => ({ ttl: Math.floor(Date.parse(receipt.receivedAt) / 1000) + EVENT_RECEIPT_DAYS * 86_400 }),
});

export const billingEventItem = (receipt: BillingEventReceipt): Item => billingEventRecord.item(receipt);
export const toBillingEventReceipt = (item: Item): BillingEventReceipt => billingEventRecord.from(item);
