import { api } from '#http/api.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { moveWorkspaceTo } from '#services/workspace-moves.js';
import { routes } from '#functions/routes.js';

/** The row asks only that the caller can see the workspace; owner/admin of both orgs is the service's check. */
export const handler = api(routes['POST /workspaces/{workspaceId}/move'], async ({ access, principal, body }) => {
  const { workspace, removedMembers } = await moveWorkspaceTo(access, principal.userId, body.targetOrganizationId);
  // The caller is owner/admin of the target, hence the moved workspace's (implicit) admin.
  return { body: { workspace: workspaceView(workspace, 'admin'), removedMembers }, version: workspace.version };
});
