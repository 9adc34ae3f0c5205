import { api } from '#http/api.js';
import { workspaceMemberView } from '#http/resources/workspace-members.js';
import { setWorkspaceMemberRole } from '#services/workspace-members.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

/** The row asks for `workspace.addMembers`; changing an existing role also needs admin (#auth/decisions.ts). */
export const handler = api(routes['PUT /workspaces/{workspaceId}/members/{userId}'], async ({ access, params, body }) => {
  const entry = await setWorkspaceMemberRole(access, params.userId, body.role);
  return { body: workspaceMemberView(entry) };
});
