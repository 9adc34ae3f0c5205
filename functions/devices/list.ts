import { api } from '#http/api.js';
import { deviceView } from '#http/resources/devices.js';
import { listVisibleDevices } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

/** A caller with per-device grants only sees exactly the granted devices. */
export const handler = api(routes['GET /workspaces/{workspaceId}/devices'], async ({ access, query }) => {
  const page = await listVisibleDevices(access, query);
  return { body: { items: page.items.map(deviceView), nextCursor: page.nextCursor } };
});
