import { api } from '#http/api.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { moveWorkspaceTo } from '#services/workspace-moves.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

/** The row asks for `workspace.move` (owner/admin of its organization); the same of the target is decided in #auth/decisions.ts. */
export const handler = api(routes['POST /workspaces/{workspaceId}/move'], async ({ access, body }) => {
  const { workspace, removedMembers } = await moveWorkspaceTo(access, body.targetOrganizationId);
  // The caller is owner/admin of the target, hence the moved workspace's (implicit) admin.
  return { body: { workspace: workspaceView(workspace, 'admin'), removedMembers }, version: workspace.version };
});
