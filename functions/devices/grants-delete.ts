import { api } from '../../shared/http/api.js';
import { revokeDeviceAccess } from '../../shared/services/devices.js';
import { routes } from '../routes.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}'], async ({ access, principal, params }) => {
  await revokeDeviceAccess(access, principal.userId, params.userId);
  return {};
});
