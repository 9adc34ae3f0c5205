import { api } from '#http/api.js';
import { deviceView } from '#http/resources/devices.js';
import { editDevice } from '#services/devices.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access, body, ifMatch }) => {
  const device = await editDevice(access, body, ifMatch);
  return { body: deviceView(device), version: device.version };
});
