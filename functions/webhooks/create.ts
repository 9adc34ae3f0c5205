import { api } from '#http/api.js';
import { webhookView } from '#http/resources/webhooks.js';
import { addWebhook } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';
import { pathTo } from '#functions/route-paths.js';

/** 201 with the signing secret, the only time it is answered. */
export const handler = api(routes['POST /orgs/{orgId}/webhooks'], async ({ access, body }) => {
  const { webhook, secret } = await addWebhook(access, body);
  return {
    body: { ...webhookView(webhook), secret },
    version: webhook.version,
    location: pathTo('GET /orgs/{orgId}/webhooks/{webhookId}', { orgId: access.org.id, webhookId: webhook.id }),
  };
});
