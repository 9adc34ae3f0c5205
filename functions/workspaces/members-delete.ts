import { api } from '#http/api.js';
import { removeMemberFromWorkspace } from '#services/workspace-members.js';
import { routes } from '#functions/routes.js';

/** Any member may leave, so the row asks only for `workspace.read`; removing others needs admin (the service decides). */
export const handler = api(routes['DELETE /workspaces/{workspaceId}/members/{userId}'], async ({ access, principal, params }) => {
  await removeMemberFromWorkspace(access, principal.userId, params.userId);
  return {};
});
