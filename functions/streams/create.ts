import { api } from '#http/api.js';
import { streamView } from '#http/resources/streams.js';
import { addStream } from '#services/streams.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';
import { pathTo } from '#functions/route-paths.js';

export const handler = api(routes['POST /workspaces/{workspaceId}/streams'], async ({ access, body }) => {
  const stream = await addStream(access, body);
  return {
    body: streamView(stream),
    location: pathTo('DELETE /workspaces/{workspaceId}/streams/{streamName}', { workspaceId: access.workspace.id, streamName: stream.name }),
  };
});
