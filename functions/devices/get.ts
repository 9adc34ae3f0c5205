import { api } from '#http/api.js';
import { deviceView } from '#http/resources/devices.js';
import { deviceOf } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

/** The device was read in the authorization BatchGet: nothing more to fetch. */
export const handler = api(routes['GET /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access }) => {
  const device = deviceOf(access);
  return { body: deviceView(device), version: device.version };
});
