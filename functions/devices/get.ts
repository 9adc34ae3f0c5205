import { api } from '../../shared/http/api.js';
import { deviceView } from '../../shared/http/device-views.js';
import { deviceOf } from '../../shared/services/devices.js';
import { routes } from '../routes.js';

/** The device was read in the authorization BatchGet: nothing more to fetch. */
export const handler = api(routes['GET /workspaces/{workspaceId}/devices/{deviceId}'], async ({ access }) => {
  const device = deviceOf(access);
  return { body: deviceView(device), version: device.version };
});
