import { api } from '../../shared/http/api.js';
import { removeWorkspace } from '../../shared/services/workspaces.js';
import { routes } from '../routes.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}'], async ({ access, principal }) => {
  await removeWorkspace(access, principal.userId);
  return {};
});
