import { api } from '#http/api.js';
import { removeDevice } from '#services/devices.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access }) => {
  await removeDevice(access);
  return {};
});
