import { api } from '#http/api.js';
import { deviceGrantView } from '#http/resources/devices.js';
import { deviceGrantsOf } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/devices/{deviceId}/grants'], async ({ access }) => {
  const grants = await deviceGrantsOf(access);
  return { body: { items: grants.map(deviceGrantView), nextCursor: null } };
});
