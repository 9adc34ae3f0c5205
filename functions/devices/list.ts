import { api } from '../../shared/http/api.js';
import { deviceView } from '../../shared/http/device-views.js';
import { listVisibleDevices } from '../../shared/services/devices.js';
import { routes } from '../routes.js';

/** A caller with per-device grants only sees exactly the granted devices. */
export const handler = api(routes['GET /workspaces/{workspaceId}/devices'], async ({ access, principal, query }) => {
  const page = await listVisibleDevices(access, principal.userId, query);
  return { body: { items: page.items.map(deviceView), nextCursor: page.nextCursor } };
});
