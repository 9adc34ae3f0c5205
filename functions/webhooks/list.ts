import { api } from '#http/api.js';
import { webhookView } from '#http/resources/webhooks.js';
import { listWebhooks } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';

export const handler = api(routes['GET /orgs/{orgId}/webhooks'], async ({ access, query }) => {
  const page = await listWebhooks(access, query);
  return { body: { items: page.items.map((w) => webhookView(w)), nextCursor: page.nextCursor } };
});
