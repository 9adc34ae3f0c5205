import { api } from '#http/api.js';
import { deliveryView } from '#http/resources/webhooks.js';
import { listDeliveries } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';

export const handler = api(routes['GET /orgs/{orgId}/webhooks/{webhookId}/deliveries'], async ({ access, query }) => {
  const page = await listDeliveries(access, query);
  return { body: { items: page.items.map(deliveryView), nextCursor: page.nextCursor } };
});
