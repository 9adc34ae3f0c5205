import { api } from '#http/api.js';
import { deviceView } from '#http/resources/devices.js';
import { addDevice } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';
import { pathTo } from '#functions/route-paths.js';

/** The device key is in this answer and nowhere else, ever. */
export const handler = api(routes['POST /workspaces/{workspaceId}/devices'], async ({ access, body }) => {
  const { device, deviceKey } = await addDevice(access, body);
  return {
    body: { ...deviceView(device), deviceKey },
    version: device.version,
    location: pathTo('GET /workspaces/{workspaceId}/devices/{deviceId}', { workspaceId: device.workspaceId, deviceId: device.id }),
  };
});
