import { api } from '#http/api.js';
import { streamView } from '#http/resources/streams.js';
import { listStreams } from '#services/streams.js';
import { devicesRoutes as routes } from '#functions/routes/devices.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/streams'], async ({ access, query }) => {
  const page = await listStreams(access, query);
  return { body: { items: page.items.map(streamView), nextCursor: page.nextCursor } };
});
