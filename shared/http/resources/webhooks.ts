/**
 * An organization's webhook endpoints and their deliveries, one home: request and response
 * schemas, and the views. A signing secret is answered once, by the create and by a rotation
 * (`secret`); never by a read.
 */
import * as z from 'zod';
import { ALL_EVENT_TYPES, MAX_WEBHOOKS_PER_ORG, ROTATION_OVERLAP_SECONDS, type Delivery, type Webhook as WebhookRecord } from '#domain/webhooks.js';
import { EventType } from './audit.js';
import { Description, EXAMPLE, Id, PageQuery, Timestamp } from './common.js';

const EXAMPLE_WEBHOOK_ID = '6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e';
const EXAMPLE_EVENT_ID = 'f0e1d2c3-b4a5-4968-8776-655443322110';

export const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'must be an https URL' })
  .max(2048, 'must be at most 2048 characters')
  .meta({ description: 'https; it must resolve to public addresses only (never private, loopback, link-local or metadata ones). Plain http to loopback only in the local stack' });

const EventTypes = z
  .array(z.union([EventType, z.literal(ALL_EVENT_TYPES)]))
  .min(1, 'must name at least one event type, or "*"')
  .max(100)
  .refine((types) => new Set(types).size === types.length, 'must not repeat a type')
  .meta({ description: 'the event types to deliver, or `["*"]` for all of them' });

export const WebhookCreateBody = z
  .strictObject({
    url: WebhookUrl,
    eventTypes: EventTypes,
    description: Description.optional(),
    enabled: z.boolean().optional().meta({ description: 'default true' }),
  })
  .meta({ id: 'WebhookCreate', examples: [{ url: 'https://hooks.example.com/tenancy', eventTypes: ['tenancy.member.added', 'tenancy.trial.ended'], description: 'CRM sync' }] });

export const WebhookPatchBody = z
  .strictObject({ url: WebhookUrl.optional(), eventTypes: EventTypes.optional(), description: Description.optional(), enabled: z.boolean().optional() })
  .refine((body) => Object.keys(body).length > 0, 'must change something')
  .meta({ id: 'WebhookPatch', description: 'enabling an endpoint the service disabled for failing clears that', examples: [{ enabled: true }] });

export const WebhookRotateBody = z
  .strictObject({
    overlapSeconds: z
      .number()
      .int('must be an integer')
      .min(0)
      .max(ROTATION_OVERLAP_SECONDS.max)
      .optional()
      .meta({ description: `how long the previous secret keeps signing beside the new one (default ${ROTATION_OVERLAP_SECONDS.default}, at most ${ROTATION_OVERLAP_SECONDS.max})` }),
  })
  .meta({ id: 'WebhookRotate', examples: [{ overlapSeconds: 3600 }] });

export const WebhookParams = z.strictObject({ orgId: Id, webhookId: Id });
export const DeliveryParams = z.strictObject({ orgId: Id, webhookId: Id, deliveryId: Id.meta({ description: "the event's id, which is the delivery's `webhook-id`" }) });
export const WebhookListQuery = PageQuery;
export const DeliveryListQuery = PageQuery;

export const Webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    enabled: z.boolean(),
    disabledReason: z.enum(['failing']).optional().meta({ description: 'set when the service disabled it: every delivery failed for 5 days' }),
    failingSince: Timestamp.optional().meta({ description: 'the first failed attempt since the last success' }),
    secretRotation: z.object({ previousExpiresAt: Timestamp }).optional().meta({ description: 'while the previous secret still signs beside the current one' }),
    createdAt: Timestamp,
    createdBy: z.string(),
  })
  .meta({
    id: 'Webhook',
    description: `an endpoint (at most ${MAX_WEBHOOKS_PER_ORG} per organization); its signing secret is never read back`,
    examples: [{ id: EXAMPLE_WEBHOOK_ID, url: 'https://hooks.example.com/tenancy', description: 'CRM sync', eventTypes: ['tenancy.member.added'], enabled: true, createdAt: EXAMPLE.at, createdBy: EXAMPLE.userId }],
  });

export const WebhookWithSecret = Webhook.extend({
  secret: z.string().meta({ description: 'the signing secret (`whsec_…`, Standard Webhooks): shown this once, store it now' }),
}).meta({
  id: 'WebhookWithSecret',
  examples: [{ id: EXAMPLE_WEBHOOK_ID, url: 'https://hooks.example.com/tenancy', description: 'CRM sync', eventTypes: ['tenancy.member.added'], enabled: true, createdAt: EXAMPLE.at, createdBy: EXAMPLE.userId, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' }],
});

const Attempt = z.object({
  at: Timestamp,
  status: z.number().int().optional().meta({ description: "the receiver's status code; absent when it did not answer" }),
  durationMs: z.number().int(),
  error: z.string().optional(),
  response: z.string().optional().meta({ description: "the first 1 KB of the receiver's answer" }),
  trigger: z.enum(['event', 'retry', 'replay']),
});

export const WebhookDelivery = z
  .object({
    id: z.string().meta({ description: "the event's id: the `webhook-id` of every attempt" }),
    webhookId: z.string(),
    eventType: z.string(),
    eventAt: Timestamp,
    status: z.enum(['pending', 'succeeded', 'failed']).meta({ description: '`pending` while the schedule will try again (`nextAttemptAt`); `failed` once it gave up (24 h), or the endpoint was disabled' }),
    attempts: z.array(Attempt).meta({ description: 'the last 20 attempts, oldest first' }),
    nextAttemptAt: Timestamp.optional(),
    payload: z.string().meta({ description: 'the body sent, exactly: a CloudEvent (JSON)' }),
  })
  .meta({
    id: 'WebhookDelivery',
    examples: [{
      id: EXAMPLE_EVENT_ID, webhookId: EXAMPLE_WEBHOOK_ID, eventType: 'tenancy.member.added', eventAt: EXAMPLE.at, status: 'succeeded',
      attempts: [{ at: EXAMPLE.at, status: 200, durationMs: 84, response: 'ok', trigger: 'event' }],
      payload: `{"specversion":"1.0","id":"${EXAMPLE_EVENT_ID}","source":"/orgs/${EXAMPLE.orgId}","type":"tenancy.member.added"}`,
    }],
  });

export function webhookView(webhook: WebhookRecord, now = new Date()): z.infer<typeof Webhook> {
  const previous = webhook.secrets.find((s) => s.expiresAt !== undefined && Date.parse(s.expiresAt) > now.getTime());
  return {
    id: webhook.id,
    url: webhook.url,
    description: webhook.description,
    eventTypes: webhook.eventTypes,
    enabled: webhook.enabled,
    ...(webhook.disabledReason ? { disabledReason: webhook.disabledReason } : {}),
    ...(webhook.failingSince ? { failingSince: webhook.failingSince } : {}),
    ...(previous?.expiresAt ? { secretRotation: { previousExpiresAt: previous.expiresAt } } : {}),
    createdAt: webhook.createdAt,
    createdBy: webhook.createdBy,
  };
}

export function deliveryView(delivery: Delivery): z.infer<typeof WebhookDelivery> {
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    eventType: delivery.eventType,
    eventAt: delivery.eventAt,
    status: delivery.status,
    attempts: delivery.attempts,
    ...(delivery.nextAttemptAt ? { nextAttemptAt: delivery.nextAttemptAt } : {}),
    payload: delivery.payload,
  };
}
