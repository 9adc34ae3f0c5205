import { api } from '#http/api.js';
import { webhookView } from '#http/resources/webhooks.js';
import { findWebhook } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';

export const handler = api(routes['GET /orgs/{orgId}/webhooks/{webhookId}'], async ({ access }) => {
  const webhook = findWebhook(access);
  return { body: webhookView(webhook), version: webhook.version };
});
