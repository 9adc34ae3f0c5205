import { api } from '../../shared/http/api.js';
import { removeStream } from '../../shared/services/streams.js';
import { routes } from '../routes.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/streams/{streamName}'], async ({ access, principal, params }) => {
  await removeStream(access, principal.userId, params.streamName);
  return {};
});
