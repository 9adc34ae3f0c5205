import { api } from '#http/api.js';
import { removeStream } from '#services/streams.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/streams/{streamName}'], async ({ access, params }) => {
  await removeStream(access, params.streamName);
  return {};
});
