import { api } from '#http/api.js';
import { acceptMessage } from '#services/ingest.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

/** Behind no Cognito authorizer: the device key in `Authorization: Device <key>` is checked here. */
export const handler = api(routes['POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}'], async ({ params, headers }) => ({
  body: await acceptMessage(params, headers.authorization),
}));
