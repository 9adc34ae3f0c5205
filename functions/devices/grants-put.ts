import { api } from '../../shared/http/api.js';
import { deviceGrantView } from '../../shared/http/device-views.js';
import { grantDeviceAccess } from '../../shared/services/devices.js';
import { routes } from '../routes.js';

export const handler = api(routes['PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}'], async ({ access, principal, params, body }) => {
  const grant = await grantDeviceAccess(access, principal.userId, params.userId, body.access);
  return { body: deviceGrantView(grant) };
});
