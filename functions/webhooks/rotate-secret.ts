import { api } from '#http/api.js';
import { webhookView } from '#http/resources/webhooks.js';
import { rotateWebhookSecret } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';

/** The new secret, answered this once; the previous one signs beside it until `secretRotation.previousExpiresAt`. */
export const handler = api(routes['POST /orgs/{orgId}/webhooks/{webhookId}/rotate-secret'], async ({ access, body }) => {
  const { webhook, secret } = await rotateWebhookSecret(access, body.overlapSeconds);
  return { body: { ...webhookView(webhook), secret }, version: webhook.version };
});
