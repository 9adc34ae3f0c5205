/**
 * An organization's webhook endpoints and their deliveries: the records, the limits, the retry
 * schedule, the signing secrets. Deliveries follow the Standard Webhooks specification
 * (https://www.standardwebhooks.com): each carries `webhook-id` (the event's id, the same on every
 * retry and replay), `webhook-timestamp` (the attempt's time, Unix seconds) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, one per live secret, space-separated),
 * signed by the maintained `standardwebhooks` package.
 */
import { randomBytes } from 'node:crypto';

/** The most endpoints one organization may register. */
export const MAX_WEBHOOKS_PER_ORG = 10;

/**
 * How long to wait after each failed attempt before the next: Standard Webhooks' own example
 * schedule, cut so that the last attempt comes within 24 hours of the event (8 attempts,
 * 23 h 35 min 5 s from the first to the last). After the last, the delivery is `failed`.
 */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 8 * 3600, 8 * 3600] as const;

/** An endpoint whose deliveries have failed, with no success since, for this long is disabled (its owner emailed). */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600 * 1000;

/** How long one attempt may take, connection included; past it, the attempt has failed. */
export const ATTEMPT_TIMEOUT_MS = 5_000;

/** How much of the receiver's answer the delivery log keeps. */
export const RESPONSE_EXCERPT_BYTES = 1024;

/** How many attempts a delivery's log keeps (the last ones): replays add to them. */
export const ATTEMPTS_KEPT = 20;

/** How long deliveries stay in the log (then DynamoDB's TTL removes them). */
export const DELIVERY_RETENTION_DAYS = 30;

/** Rotation: how long the previous secret keeps signing beside the new one, by default and at most. */
export const ROTATION_OVERLAP_SECONDS = { default: 24 * 3600, max: 7 * 24 * 3600 } as const;

/** Every event type, or only these. */
export const ALL_EVENT_TYPES = '*';

export interface WebhookSecret {
  /** `whsec_` and the base64 of 32 random bytes: the format Standard Webhooks libraries take. */
  secret: string;
  createdAt: string;
  /** Set on the previous secret by a rotation: it stops signing then. */
  expiresAt?: string;
}

export interface Webhook {
  orgId: string;
  id: string;
  url: string;
  description: string;
  /** The event types delivered, or `['*']` for all. */
  eventTypes: string[];
  enabled: boolean;
  /** Why it was disabled by the service rather than by a person (`failing`), when it was. */
  disabledReason?: 'failing';
  /** The first failed attempt since the last success: 5 days of it disables the endpoint. */
  failingSince?: string;
  secrets: WebhookSecret[];
  createdAt: string;
  createdBy: string;
  version: number;
}

export interface DeliveryAttempt {
  at: string;
  /** The receiver's status code; absent when there was no answer (refused, timed out, forbidden address). */
  status?: number;
  durationMs: number;
  /** Why the attempt failed, in a few words, when it did. */
  error?: string;
  /** The first bytes of the receiver's answer. */
  response?: string;
  /** `replay` for one a person asked for. */
  trigger: 'event' | 'retry' | 'replay';
}

export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

export interface Delivery {
  orgId: string;
  webhookId: string;
  /** The event's id: the delivery's id and its `webhook-id`. */
  id: string;
  eventType: string;
  /** When the event happened: deliveries list newest event first. */
  eventAt: string;
  /** The body sent, exactly (the signature covers these bytes). */
  payload: string;
  status: DeliveryStatus;
  /** Attempts made by the schedule (replays not counted). */
  scheduledAttempts: number;
  attempts: DeliveryAttempt[];
  /** When the schedule tries next, while `pending`. */
  nextAttemptAt?: string;
  createdAt: string;
  version: number;
}

/** A new signing secret. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The secrets that sign at `now`: the current one, and a previous one still in its overlap. */
export function liveSecrets(webhook: Pick<Webhook, 'secrets'>, now: Date): string[] {
  return webhook.secrets.filter((s) => s.expiresAt === undefined || Date.parse(s.expiresAt) > now.getTime()).map((s) => s.secret);
}

/** Whether the endpoint takes events of `type` now. */
export function wantsEvent(webhook: Pick<Webhook, 'enabled' | 'eventTypes'>, type: string): boolean {
  return webhook.enabled && (webhook.eventTypes.includes(ALL_EVENT_TYPES) || webhook.eventTypes.includes(type));
}

/**
 * After the schedule's attempt number `made` (1 for the first) failed at `at`: when to try again,
 * or undefined when that was the last.
 */
export function nextAttemptAfter(made: number, at: Date): Date | undefined {
  const delay = RETRY_DELAYS_SECONDS[made - 1];
  return delay === undefined ? undefined : new Date(at.getTime() + delay * 1000);
}

/** Whether an endpoint failing since `failingSince` has failed long enough at `now` to be disabled. */
export function failedTooLong(failingSince: string | undefined, now: Date): boolean {
  return failingSince !== undefined && now.getTime() - Date.parse(failingSince) >= DISABLE_AFTER_FAILING_MS;
}
