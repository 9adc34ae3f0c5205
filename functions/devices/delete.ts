import { api } from '../../shared/http/api.js';
import { removeDevice } from '../../shared/services/devices.js';
import { routes } from '../routes.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access, principal }) => {
  await removeDevice(access, principal.userId);
  return {};
});
