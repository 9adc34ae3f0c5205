import { api } from '#http/api.js';
import { deliveryView } from '#http/resources/webhooks.js';
import { replayDelivery } from '#services/webhooks.js';
import { webhooksRoutes as routes } from '#functions/routes/webhooks.js';

/** The delivery after the attempt: its status, and the attempt last in `attempts`. */
export const handler = api(routes['POST /orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay'], async ({ access, params }) => {
  const delivery = await replayDelivery(access, params.deliveryId);
  return { body: deliveryView(delivery) };
});
