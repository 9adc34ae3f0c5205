/**
 * An organization's webhook endpoints through the API: register (the URL checked against the
 * address rule, resolved), list, read, change, rotate the signing secret, remove; the delivery
 * log; replays. Owners and admins (`org.readWebhooks`, `org.manageWebhooks`).
 */
import { randomUUID } from 'node:crypto';
import type { OrgAccess } from '#auth/access.js';
import { cursorFrom, startKeyFrom, type Page } from '#db/paging.js';
import { createWebhook, deleteWebhook, getDelivery, listDeliveriesPage, listWebhooksPage, updateWebhook } from '#db/repositories/webhooks.js';
import { newWebhookSecret, ROTATION_OVERLAP_SECONDS, type Delivery, type Webhook } from '#domain/webhooks.js';
import { BadRequestError, ConflictError, NotFoundError } from '#kernel/errors.js';
import { attempt, resolvedProblem, urlProblem } from '#services/webhook-delivery.js';

export interface WebhookInput {
  url: string;
  eventTypes: string[];
  description?: string;
  enabled?: boolean;
}

/** 400 on `body.url` unless the URL may be sent to: its form, then every address its host resolves to. */
async function assertDeliverable(url: string): Promise<void> {
  const parsed = new URL(url);
  const problem = urlProblem(parsed) ?? (await resolvedProblem(parsed));
  if (problem) throw new BadRequestError('The request body is invalid.', [{ path: 'body.url', message: problem }]);
}

export async function addWebhook(access: OrgAccess, input: WebhookInput, now = new Date()): Promise<{ webhook: Webhook; secret: string }> {
  await assertDeliverable(input.url);
  const secret = newWebhookSecret();
  const webhook: Webhook = {
    orgId: access.org.id,
    id: randomUUID(),
    url: input.url,
    description: input.description ?? '',
    eventTypes: input.eventTypes,
    enabled: input.enabled ?? true,
    secrets: [{ secret, createdAt: now.toISOString() }],
    createdAt: now.toISOString(),
    createdBy: access.userId,
    version: 1,
  };
  await createWebhook(
    webhook,
    { actorId: access.userId, action: 'webhook.created', target: { type: 'webhook', id: webhook.id }, details: { url: webhook.url, eventTypes: webhook.eventTypes, enabled: webhook.enabled } },
    now,
  );
  return { webhook, secret };
}

export async function listWebhooks(access: OrgAccess, options: { limit: number; cursor?: string }): Promise<Page<Webhook>> {
  const scope = `webhooks|${access.userId}|${access.org.id}`;
  const { webhooks, lastKey } = await listWebhooksPage(access.org.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: webhooks, nextCursor: cursorFrom(scope, lastKey) };
}

/** The endpoint the path names, read with the caller's access (the route's `alsoReads`). */
export function findWebhook(access: OrgAccess): Webhook {
  const webhook = access.named.webhook;
  if (!webhook) throw new NotFoundError('No such webhook.');
  return webhook;
}

export async function editWebhook(access: OrgAccess, input: Partial<WebhookInput>, ifMatch: number | undefined, now = new Date()): Promise<Webhook> {
  const current = findWebhook(access);
  if (input.url !== undefined && input.url !== current.url) await assertDeliverable(input.url);
  // Enabled again by a person: the service's reason and the failure streak go.
  const reenabled = input.enabled === true && !current.enabled;
  const changes = {
    url: input.url,
    eventTypes: input.eventTypes,
    description: input.description,
    enabled: input.enabled,
    ...(reenabled ? { disabledReason: null, failingSince: null } : {}),
  };
  const changed = Object.entries(input).filter(([, value]) => value !== undefined).map(([field]) => field);
  return updateWebhook(current, changes, {
    ifMatch,
    now,
    audit: (next) => ({ actorId: access.userId, action: 'webhook.updated', target: { type: 'webhook', id: current.id }, details: { changed, url: next.url, enabled: next.enabled } }),
  });
}

export async function removeWebhook(access: OrgAccess): Promise<void> {
  const webhook = findWebhook(access);
  await deleteWebhook(webhook, { actorId: access.userId, action: 'webhook.deleted', target: { type: 'webhook', id: webhook.id }, details: { url: webhook.url } });
}

/**
 * A new signing secret; the current one keeps signing beside it for `overlapSeconds` (each
 * delivery then carries both signatures), then stops. A secret still in an earlier overlap stops now.
 */
export async function rotateWebhookSecret(access: OrgAccess, overlapSeconds = ROTATION_OVERLAP_SECONDS.default, now = new Date()): Promise<{ webhook: Webhook; secret: string }> {
  const current = findWebhook(access);
  const secret = newWebhookSecret();
  const active = current.secrets.find((s) => s.expiresAt === undefined) ?? current.secrets[current.secrets.length - 1]!;
  const secrets = [
    { secret, createdAt: now.toISOString() },
    ...(overlapSeconds > 0 ? [{ ...active, expiresAt: new Date(now.getTime() + overlapSeconds * 1000).toISOString() }] : []),
  ];
  const webhook = await updateWebhook(current, { secrets }, {
    now,
    audit: () => ({ actorId: access.userId, action: 'webhook.secret_rotated', target: { type: 'webhook', id: current.id }, details: { overlapSeconds } }),
  });
  return { webhook, secret };
}

export async function listDeliveries(access: OrgAccess, options: { limit: number; cursor?: string }): Promise<Page<Delivery>> {
  const webhook = findWebhook(access);
  const scope = `deliveries|${access.userId}|${access.org.id}|${webhook.id}`;
  const { deliveries, lastKey } = await listDeliveriesPage(access.org.id, webhook.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: deliveries, nextCursor: cursorFrom(scope, lastKey) };
}

/** Sends the delivery again now, as it was (same `webhook-id`, a new timestamp and signatures): 409 while the endpoint is disabled. */
export async function replayDelivery(access: OrgAccess, deliveryId: string, now = new Date()): Promise<Delivery> {
  const webhook = findWebhook(access);
  const delivery = await getDelivery(access.org.id, webhook.id, deliveryId);
  if (!delivery) throw new NotFoundError('No such delivery.');
  if (!webhook.enabled) throw new ConflictError('The endpoint is disabled: enable it first, then replay.');
  return attempt(delivery, webhook, 'replay', now);
}
