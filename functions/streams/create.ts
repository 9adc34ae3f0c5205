import { api } from '../../shared/http/api.js';
import { streamView } from '../../shared/http/device-views.js';
import { addStream } from '../../shared/services/streams.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /workspaces/{workspaceId}/streams'], async ({ access, principal, body }) => {
  const stream = await addStream(access, principal.userId, body);
  return { body: streamView(stream) };
});
