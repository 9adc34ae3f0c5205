/**
 * Webhook deliveries: the one place that sends an event to an endpoint, for the first attempt
 * (the publisher, as the event comes off the table's stream), the retries (the retry job, every
 * minute) and replays (a person, through the API).
 *
 * - Signed per Standard Webhooks by the `standardwebhooks` package, once per live secret.
 * - Sent only to addresses `forbiddenAddress` allows (shared/domain/addresses.ts): the lookup the
 *   connection uses is the one checked, and an IP-literal host is checked as it is. No redirect is
 *   followed (a 3xx is a failed attempt).
 * - Each attempt replaces the delivery on condition of the version read: two workers never both
 *   record one attempt.
 * - The endpoint's health: a success clears `failingSince`; a failure sets it if unset, and once it
 *   is DISABLE_AFTER_FAILING_MS old the endpoint is disabled (audited) and its owner emailed.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Webhook as Signer } from 'standardwebhooks';
import { forbiddenAddress, isLoopbackAddress } from '#domain/addresses.js';
import type { CloudEvent } from '#domain/events.js';
import {
  ATTEMPT_TIMEOUT_MS, ATTEMPTS_KEPT, failedTooLong, liveSecrets, nextAttemptAfter, RESPONSE_EXCERPT_BYTES,
  wantsEvent, type Delivery, type DeliveryAttempt, type Webhook,
} from '#domain/webhooks.js';
import { getOrganization } from '#db/repositories/organizations.js';
import { clearFailing, deleteDelivery, getDelivery, getWebhook, listDueDeliveries, listOrgWebhooks, markFailing, putNewDelivery, saveDelivery, updateWebhook } from '#db/repositories/webhooks.js';
import { sendEmail } from '#email/ses.js';
import { webhookDisabledEmail } from '#email/templates.js';
import { config } from '#kernel/config.js';
import { logger } from '#kernel/logger.js';
import { ownerContact } from '#services/owners.js';

/** The body's media type: a CloudEvent in structured mode (CloudEvents HTTP binding). */
export const DELIVERY_CONTENT_TYPE = 'application/cloudevents+json';
export const USER_AGENT = 'Tenancy-Webhooks/1.0';

const allowLoopback = () => config().webhooksAllowLoopback;

/** The Standard Webhooks headers of one attempt at `at`: one `v1,` signature per live secret. */
export function signedHeaders(delivery: Pick<Delivery, 'id' | 'payload'>, secrets: readonly string[], at: Date): Record<string, string> {
  return {
    'webhook-id': delivery.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Signer(secret).sign(delivery.id, at, delivery.payload)).join(' '),
  };
}

/** Why the endpoint URL may not be registered or sent to, as far as its form tells; undefined when it may. */
export function urlProblem(url: URL, options = { allowLoopback: allowLoopback() }): string | undefined {
  if (url.username !== '' || url.password !== '') return 'must not hold a user name or password';
  if (url.hash !== '') return 'must not hold a fragment';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol === 'http:') {
    if (!options.allowLoopback) return 'must be https';
    if (!(host === 'localhost' || isLoopbackAddress(host))) return 'must be https (plain http only for loopback in the local stack)';
  } else if (url.protocol !== 'https:') return 'must be https';
  if (isIP(host) !== 0) {
    const problem = forbiddenAddress(host, options);
    if (problem) return `must not point at ${host}, which ${problem}`;
  }
  return undefined;
}

/** Resolves the host and checks every address it has: why it may not be sent to, or undefined. */
export async function resolvedProblem(url: URL, options = { allowLoopback: allowLoopback() }): Promise<string | undefined> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) return undefined;
  const addresses = await new Promise<LookupAddress[] | Error>((resolve) => dnsLookup(host, { all: true }, (error, found) => resolve(error ?? found)));
  if (addresses instanceof Error) return `has a host that does not resolve (${(addresses as NodeJS.ErrnoException).code ?? 'lookup failed'})`;
  for (const { address } of addresses) {
    const problem = forbiddenAddress(address, options);
    if (problem) return `resolves to ${address}, which ${problem}`;
  }
  return undefined;
}

/** A lookup for the connection itself: the addresses it gets are the ones checked. */
function guardedLookup(options: { allowLoopback: boolean }): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      for (const { address } of addresses) {
        const problem = forbiddenAddress(address, options);
        if (problem) return callback(Object.assign(new Error(`${hostname} resolves to ${address}, which ${problem}`), { code: 'EFORBIDDENADDRESS' }), '', 4);
      }
      if ((lookupOptions as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      return callback(null, first!.address, first!.family);
    });
  };
}

/** One POST of the payload: the receiver's status and the start of its answer, or why there was none. */
export async function post(url: URL, body: string, headers: Record<string, string>, options = { allowLoopback: allowLoopback() }): Promise<Omit<DeliveryAttempt, 'at' | 'trigger'>> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const problem = urlProblem(url, options);
  if (problem) return { durationMs: 0, error: `The URL ${problem}.` };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: 'POST',
    headers: { ...headers, 'content-type': DELIVERY_CONTENT_TYPE, 'content-length': String(Buffer.byteLength(body)), 'user-agent': USER_AGENT },
    lookup: guardedLookup(options),
    signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    agent: false,
  };
  return new Promise((resolve) => {
    const req = request(url, requestOptions, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = () => resolve({ status: res.statusCode, durationMs: took(), response: Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8') });
      res.on('data', (chunk: Buffer) => {
        if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_EXCERPT_BYTES) {
          res.destroy();
          finish();
        }
      });
      res.on('end', finish);
      res.on('error', finish);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      const reason = error.name === 'AbortError' || error.name === 'TimeoutError' ? `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s` : error.code === 'EFORBIDDENADDRESS' ? error.message : `${error.code ?? 'error'}: ${error.message}`;
      resolve({ durationMs: took(), error: reason });
    });
    req.end(body);
  });
}

const succeeded = (attempt: Omit<DeliveryAttempt, 'at' | 'trigger'>) => attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300;

/**
 * One attempt of `delivery` to `webhook` (undefined: the endpoint is gone) at `now`, recorded.
 * `event` and `retry` follow the schedule; a `replay` is one more attempt outside it. A disabled
 * endpoint gets no scheduled attempt: the delivery is `failed` at once, for a replay later.
 */
export async function attempt(delivery: Delivery, webhook: Webhook | undefined, trigger: DeliveryAttempt['trigger'], now = new Date()): Promise<Delivery> {
  if (!webhook) {
    await deleteDelivery(delivery);
    return delivery;
  }
  const scheduled = trigger !== 'replay';
  if (scheduled && !webhook.enabled) {
    const next: Delivery = { ...delivery, status: 'failed', nextAttemptAt: undefined, version: delivery.version + 1 };
    await saveDelivery(next, delivery);
    return next;
  }
  const result = await post(new URL(webhook.url), delivery.payload, signedHeaders(delivery, liveSecrets(webhook, now), now));
  const record: DeliveryAttempt = { at: now.toISOString(), trigger, ...result };
  const ok = succeeded(result);
  const made = delivery.scheduledAttempts + (scheduled ? 1 : 0);
  const retryAt = ok || !scheduled ? undefined : nextAttemptAfter(made, now);
  const status = ok ? 'succeeded' : scheduled ? (retryAt ? 'pending' : 'failed') : delivery.status;
  const next: Delivery = {
    ...delivery,
    status,
    scheduledAttempts: made,
    attempts: [...delivery.attempts, record].slice(-ATTEMPTS_KEPT),
    nextAttemptAt: status === 'pending' ? (retryAt?.toISOString() ?? delivery.nextAttemptAt) : undefined,
    version: delivery.version + 1,
  };
  // Another worker recorded an attempt first: theirs stands, and so does the endpoint's health they saw.
  if (!(await saveDelivery(next, delivery))) return (await getDelivery(delivery.orgId, delivery.webhookId, delivery.id)) ?? next;
  // A replay that fails says nothing new of the endpoint (a person is watching); one that works clears its streak.
  if (ok || scheduled) await recordHealth(webhook, ok, now);
  return next;
}

/** The endpoint's health after an attempt: failing since when, and disabled past 5 days of it. */
async function recordHealth(webhook: Webhook, ok: boolean, now: Date): Promise<void> {
  if (ok) {
    if (webhook.failingSince !== undefined) await clearFailing(webhook);
    return;
  }
  if (webhook.failingSince === undefined) {
    await markFailing(webhook, now);
    return;
  }
  if (!webhook.enabled || !failedTooLong(webhook.failingSince, now)) return;
  const disabled = await updateWebhook(
    webhook,
    { enabled: false, disabledReason: 'failing' },
    {
      // Not twice: a second worker that read it still enabled finds the reason set (updateVersioned re-reads on a stale version).
      condition: 'attribute_not_exists(disabledReason)',
      audit: () => ({ actorId: 'system', action: 'webhook.disabled', target: { type: 'webhook', id: webhook.id }, details: { url: webhook.url, failingSince: webhook.failingSince, reason: 'failing' } }),
      now,
    },
  ).catch((error: unknown) => {
    // Disabled (or changed) meanwhile by someone else: their change stands.
    logger.info('The failing endpoint changed before it could be disabled', { webhookId: webhook.id, error });
    return undefined;
  });
  if (!disabled) return;
  const org = await getOrganization(webhook.orgId);
  const owner = org && (await ownerContact(org));
  if (org && owner) {
    await sendEmail(webhookDisabledEmail({ to: owner.email, ownerName: owner.name, organizationName: org.name, url: webhook.url, failingSince: webhook.failingSince, portalUrl: config().portalUrl }));
  }
}

/** The delivery of `event` to `webhook`, as first written. */
export function newDelivery(orgId: string, webhook: Webhook, event: CloudEvent, now: Date): Delivery {
  return {
    orgId,
    webhookId: webhook.id,
    id: event.id,
    eventType: event.type,
    eventAt: event.time,
    payload: JSON.stringify(event),
    status: 'pending',
    scheduledAttempts: 0,
    attempts: [],
    nextAttemptAt: now.toISOString(),
    createdAt: now.toISOString(),
    version: 1,
  };
}

/**
 * Hands one organization's events, in order, to each of its endpoints that wants them: each
 * endpoint's deliveries one after another (so a receiver sees them in the order they happened),
 * the endpoints side by side. A delivery already written (the event came twice) is left alone.
 */
export async function fanOut(orgId: string, events: readonly CloudEvent[], now = new Date()): Promise<number> {
  const webhooks = (await listOrgWebhooks(orgId)).filter((w) => w.enabled);
  let sent = 0;
  await Promise.all(
    webhooks.map(async (webhook) => {
      for (const event of events) {
        if (!wantsEvent(webhook, event.type)) continue;
        const delivery = newDelivery(orgId, webhook, event, now);
        if (!(await putNewDelivery(delivery))) continue;
        await attempt(delivery, webhook, 'event', now);
        sent += 1;
      }
    }),
  );
  return sent;
}

/** What a run of the retry job did. */
export interface RetryStats {
  due: number;
  attempted: number;
  succeeded: number;
}

/**
 * The retry job (every minute in AWS and in `npm start`): every delivery due at `at`, up to
 * `limit` per shard, each endpoint's in order of when they fell due.
 */
export async function runRetries(options: { at?: Date; limit?: number } = {}): Promise<RetryStats> {
  const at = options.at ?? new Date();
  const due = await listDueDeliveries(at, options.limit ?? 100);
  const byEndpoint = new Map<string, Delivery[]>();
  for (const delivery of due) byEndpoint.set(`${delivery.orgId}/${delivery.webhookId}`, [...(byEndpoint.get(`${delivery.orgId}/${delivery.webhookId}`) ?? []), delivery]);
  const stats: RetryStats = { due: due.length, attempted: 0, succeeded: 0 };
  await Promise.all(
    [...byEndpoint.values()].map(async (deliveries) => {
      const first = deliveries[0]!;
      let webhook = await getWebhook(first.orgId, first.webhookId);
      for (const delivery of deliveries) {
        const next = await attempt(delivery, webhook, 'retry', at);
        stats.attempted += 1;
        if (next.status === 'succeeded') stats.succeeded += 1;
        // A failure may have changed its health (failing since, disabled): read it again for the next one.
        if (webhook && next.status !== 'succeeded') webhook = await getWebhook(first.orgId, first.webhookId);
      }
    }),
  );
  return stats;
}
