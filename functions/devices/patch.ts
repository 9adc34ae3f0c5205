import { api } from '#http/api.js';
import { deviceView } from '#http/resources/devices.js';
import { requiredVersion } from '#http/etag.js';
import { editDevice } from '#services/devices.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access, body, headers }) => {
  const device = await editDevice(access, body, requiredVersion(headers['if-match']));
  return { body: deviceView(device), version: device.version };
});
