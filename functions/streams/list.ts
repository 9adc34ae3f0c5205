import { api } from '../../shared/http/api.js';
import { streamView } from '../../shared/http/device-views.js';
import { listStreams } from '../../shared/services/streams.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/streams'], async ({ access, principal, query }) => {
  const page = await listStreams(access, principal.userId, query);
  return { body: { items: page.items.map(streamView), nextCursor: page.nextCursor } };
});
