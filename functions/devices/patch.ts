import { api } from '../../shared/http/api.js';
import { deviceView } from '../../shared/http/device-views.js';
import { requiredVersion } from '../../shared/http/etag.js';
import { editDevice } from '../../shared/services/devices.js';
import { routes } from '../routes.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access, principal, body, headers }) => {
  const device = await editDevice(access, principal.userId, body, requiredVersion(headers['if-match']));
  return { body: deviceView(device), version: device.version };
});
