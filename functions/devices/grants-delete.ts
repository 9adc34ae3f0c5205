import { api } from '#http/api.js';
import { revokeDeviceAccess } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}'], async ({ access, params }) => {
  await revokeDeviceAccess(access, params.userId);
  return {};
});
