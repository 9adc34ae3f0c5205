import { api } from '#http/api.js';
import { deviceGrantView } from '#http/resources/devices.js';
import { grantDeviceAccess } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

export const handler = api(routes['PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}'], async ({ access, params, body }) => {
  const grant = await grantDeviceAccess(access, params.userId, body.access);
  return { body: deviceGrantView(grant) };
});
