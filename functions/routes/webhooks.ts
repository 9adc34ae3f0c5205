/**
 * The route table's webhook rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { read, write } from '#functions/routes/permissions.js';
import { page } from '#http/resources/common.js';
import { OrgParams } from '#http/resources/organizations.js';
import {
  DeliveryListQuery, DeliveryParams, Webhook, WebhookCreateBody, WebhookDelivery, WebhookListQuery, WebhookParams, WebhookPatchBody, WebhookRotateBody, WebhookWithSecret,
} from '#http/resources/webhooks.js';

export const webhooksRoutes = {
  'GET /orgs/{orgId}/webhooks': {
    handler: 'webhooks/list', auth: 'user', scope: 'org', action: 'org.readWebhooks', tag: 'Webhooks',
    summary: "The organization's webhook endpoints (never a secret)", params: OrgParams, query: WebhookListQuery,
    status: 200, response: page(Webhook), answers: {}, permissions: read,
  },
  'POST /orgs/{orgId}/webhooks': {
    handler: 'webhooks/create', auth: 'user', scope: 'org', action: 'org.manageWebhooks', tag: 'Webhooks',
    summary: 'Register an endpoint for some or all event types: its signing secret is answered this once',
    params: OrgParams, body: WebhookCreateBody, status: 201, response: WebhookWithSecret, idempotent: true,
    answers: { 409: ['quota_exceeded'] }, etag: true, location: true, permissions: write,
  },
  'GET /orgs/{orgId}/webhooks/{webhookId}': {
    handler: 'webhooks/get', auth: 'user', scope: 'org', action: 'org.readWebhooks', tag: 'Webhooks',
    summary: 'One endpoint: its state, whether it is failing, a rotation under way', params: WebhookParams,
    status: 200, response: Webhook, answers: {}, etag: true, permissions: read, alsoReads: ['webhook'],
  },
  'PATCH /orgs/{orgId}/webhooks/{webhookId}': {
    handler: 'webhooks/patch', auth: 'user', scope: 'org', action: 'org.manageWebhooks', tag: 'Webhooks',
    summary: 'Change the URL, the event types, the description; disable or enable (If-Match honoured)', params: WebhookParams,
    body: WebhookPatchBody, status: 200, response: Webhook, answers: { 409: ['conflict'] }, etag: true, permissions: write, alsoReads: ['webhook'],
  },
  'DELETE /orgs/{orgId}/webhooks/{webhookId}': {
    handler: 'webhooks/delete', auth: 'user', scope: 'org', action: 'org.manageWebhooks', tag: 'Webhooks',
    summary: 'Remove the endpoint: nothing more is sent to it', params: WebhookParams, status: 204, response: null,
    answers: {}, permissions: write, alsoReads: ['webhook'],
  },
  'POST /orgs/{orgId}/webhooks/{webhookId}/rotate-secret': {
    handler: 'webhooks/rotate-secret', auth: 'user', scope: 'org', action: 'org.manageWebhooks', tag: 'Webhooks',
    summary: 'A new signing secret, answered this once; the previous one keeps signing beside it for the overlap', params: WebhookParams,
    body: WebhookRotateBody, status: 200, response: WebhookWithSecret, answers: { 409: ['conflict'] }, etag: true, permissions: write, alsoReads: ['webhook'],
  },
  'GET /orgs/{orgId}/webhooks/{webhookId}/deliveries': {
    handler: 'webhooks/deliveries', auth: 'user', scope: 'org', action: 'org.readWebhooks', tag: 'Webhooks',
    summary: "The endpoint's deliveries, newest event first, each with its attempts (kept 30 days)", params: WebhookParams, query: DeliveryListQuery,
    status: 200, response: page(WebhookDelivery), answers: {}, permissions: read, alsoReads: ['webhook'],
  },
  'POST /orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay': {
    handler: 'webhooks/replay', auth: 'user', scope: 'org', action: 'org.manageWebhooks', tag: 'Webhooks',
    summary: 'Send the delivery again now (same webhook-id, new signature): the attempt is answered', params: DeliveryParams,
    status: 200, response: WebhookDelivery, answers: { 409: ['conflict'] }, permissions: write, alsoReads: ['webhook'],
  },
} satisfies Record<string, RouteSpec>;
