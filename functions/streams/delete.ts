import { api } from '#http/api.js';
import { removeStream } from '#services/streams.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}/streams/{streamName}'], async ({ access, principal, params }) => {
  await removeStream(access, principal.userId, params.streamName);
  return {};
});
