import { api } from '#http/api.js';
import { webhookView } from '#http/resources/webhooks.js';
import { editWebhook } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';

export const handler = api(routes['PATCH /orgs/{orgId}/webhooks/{webhookId}'], async ({ access, body, ifMatch }) => {
  const webhook = await editWebhook(access, body, ifMatch);
  return { body: webhookView(webhook), version: webhook.version };
});
