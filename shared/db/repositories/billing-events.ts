/**
 * Billing-event receipts: the Put that records an event in the transaction applying it, on
 * condition that no receipt of that id exists, so of any number of deliveries of one event
 * (retries, replays, concurrent duplicates) exactly one changes anything.
 */
import type { BillingEventReceipt } from '#domain/billing.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { tableName, transact, type TransactItem } from '#db/ops.js';
import { billingEventItem } from '#db/records/billing-events.js';

/** The event was received before: nothing of this delivery was written. */
export class DuplicateBillingEvent extends Error {
  constructor(readonly eventId: string) {
    super(`Billing event ${eventId} was received before.`);
  }
}

/** The receipt's Put, for the transaction of the change the event asks for. */
export function billingEventPut(receipt: BillingEventReceipt): TransactItem {
  return { Put: { TableName: tableName(), Item: billingEventItem(receipt), ConditionExpression: 'attribute_not_exists(PK)' } };
}

/** Records an event that changes nothing (the plan already is the one it names): `DuplicateBillingEvent` if seen before. */
export async function recordBillingEvent(receipt: BillingEventReceipt, db: Db = defaultDb): Promise<void> {
  await transact([billingEventPut(receipt)], () => new DuplicateBillingEvent(receipt.id), db);
}
