import { api } from '#http/api.js';
import { removeDevice } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access }) => {
  await removeDevice(access);
  return {};
});
