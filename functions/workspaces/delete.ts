import { api } from '#http/api.js';
import { removeWorkspace } from '#services/workspaces.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['DELETE /workspaces/{workspaceId}'], async ({ access }) => {
  await removeWorkspace(access);
  return {};
});
