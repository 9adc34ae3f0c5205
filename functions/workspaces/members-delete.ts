import { api } from '#http/api.js';
import { removeMemberFromWorkspace } from '#services/workspace-members.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

/** The row asks for `workspace.removeMember`: admins remove others, anyone may leave; implicit admins never (#auth/decisions.ts). */
export const handler = api(routes['DELETE /workspaces/{workspaceId}/members/{userId}'], async ({ access, params }) => {
  await removeMemberFromWorkspace(access, params.userId);
  return {};
});
