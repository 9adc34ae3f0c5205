/**
 * The change feed's publisher: the table's stream in, every new audit event out as a CloudEvent,
 * to the EventBridge bus (when the deployment has one: `EVENT_BUS_NAME`) and to the organization's
 * webhook endpoints. One code path for AWS (a Lambda function on DynamoDB Streams) and the local
 * stack (infra/local/streams.ts polls DynamoDB Local's stream and calls the same `publish`).
 *
 * At least once, in order per organization: the stream hands an item's changes in order, and every
 * item of an organization shares its partition key. Each organization's records are handled one
 * after another; when one fails, it and every later record of that organization are reported as
 * failures (`batchItemFailures`), so Lambda hands them again from the first, and nothing later of
 * that organization gets out before it. Other organizations go on. A repeat is harmless to
 * webhooks (a delivery is written once per event and endpoint) and reaches the bus again (its
 * consumers dedupe on the event id, as EventBridge's own at-least-once handing asks anyway).
 */
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord } from 'aws-lambda';
import { partitions } from '#db/keys.js';
import { toAuditEvent } from '#db/records/audit.js';
import { cloudEventOf, type CloudEvent } from '#domain/events.js';
import { config } from '#kernel/config.js';
import { logger } from '#kernel/logger.js';
import { fanOut } from '#services/webhook-delivery.js';

/** EventBridge's `source` for every event of the feed (the CloudEvent's own `source` names the org). */
export const BUS_SOURCE = 'tenancy';

/** At most this many entries per PutEvents call (EventBridge's limit). */
const PUT_EVENTS_MAX = 10;

export interface FeedRecord {
  /** The stream record's sequence number: what a failure is reported by. */
  sequenceNumber: string;
  orgId: string;
  event: CloudEvent;
}

/** The new audit events among the stream's records, in stream order; every other change is not the feed's. */
export function feedRecordsOf(records: readonly DynamoDBRecord[]): FeedRecord[] {
  return records.flatMap((record) => {
    const image = record.dynamodb?.NewImage;
    const sequenceNumber = record.dynamodb?.SequenceNumber;
    if (record.eventName !== 'INSERT' || !image || !sequenceNumber) return [];
    if (image.type?.S !== 'AuditEvent' || !image.SK?.S?.startsWith(partitions.auditPrefix) || !image.PK?.S?.startsWith('ORG#')) return [];
    const item = unmarshall(image as Record<string, AttributeValue>);
    const orgId = (item.PK as string).slice('ORG#'.length);
    return [{ sequenceNumber, orgId, event: cloudEventOf(orgId, toAuditEvent(item)) }];
  });
}

/** The bus's entry for one event: its type as `detail-type`, the CloudEvent itself as `detail`. */
export function busEntryOf(event: CloudEvent, busName: string): PutEventsRequestEntry {
  return { EventBusName: busName, Source: BUS_SOURCE, DetailType: event.type, Detail: JSON.stringify(event), Time: new Date(event.time), Resources: [] };
}

let bus: EventBridgeClient | undefined;
const busClient = () => (bus ??= new EventBridgeClient({ region: config().region }));

/** Puts one organization's events on the bus, in order: how many got on before the first refused one. */
async function putOnBus(events: readonly CloudEvent[], busName: string, client: EventBridgeClient): Promise<number> {
  let put = 0;
  for (let i = 0; i < events.length; i += PUT_EVENTS_MAX) {
    const chunk = events.slice(i, i + PUT_EVENTS_MAX);
    const out = await client.send(new PutEventsCommand({ Entries: chunk.map((e) => busEntryOf(e, busName)) }));
    const refused = (out.Entries ?? []).findIndex((entry) => entry.ErrorCode !== undefined);
    if ((out.FailedEntryCount ?? 0) > 0) {
      logger.warn('EventBridge refused an event of the feed; it will be handed again', { eventId: chunk[Math.max(refused, 0)]?.id, error: out.Entries?.[refused]?.ErrorCode });
      return put + Math.max(refused, 0);
    }
    put += chunk.length;
  }
  return put;
}

/** Publishes the stream's new audit events; the records to hand again, by the first failure of each organization. */
export async function publish(records: readonly DynamoDBRecord[], options: { client?: EventBridgeClient; now?: Date } = {}): Promise<DynamoDBBatchResponse> {
  const feed = feedRecordsOf(records);
  const byOrg = new Map<string, FeedRecord[]>();
  for (const record of feed) byOrg.set(record.orgId, [...(byOrg.get(record.orgId) ?? []), record]);
  const busName = config().eventBusName;
  const failures: string[] = [];
  await Promise.all(
    [...byOrg].map(async ([orgId, own]) => {
      const events = own.map((r) => r.event);
      let done = 0;
      try {
        done = busName === undefined ? events.length : await putOnBus(events, busName, options.client ?? busClient());
        await fanOut(orgId, events.slice(0, done), options.now);
      } catch (error) {
        logger.error('Publishing an organization\'s events failed; they will be handed again', { orgId, error });
        done = 0;
      }
      failures.push(...own.slice(done).map((r) => r.sequenceNumber));
    }),
  );
  return { batchItemFailures: failures.map((itemIdentifier) => ({ itemIdentifier })) };
}
