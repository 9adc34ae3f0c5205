import { api } from '#http/api.js';
import { removeWorkspace } from '#services/workspaces.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}'], async ({ access }) => {
  await removeWorkspace(access);
  return {};
});
