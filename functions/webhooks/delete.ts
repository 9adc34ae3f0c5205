import { api } from '#http/api.js';
import { removeWebhook } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';

export const handler = api(routes['DELETE /orgs/{orgId}/webhooks/{webhookId}'], async ({ access }) => {
  await removeWebhook(access);
  return {};
});
