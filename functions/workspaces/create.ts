import { api } from '#http/api.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { createWorkspaceIn } from '#services/workspaces.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';
import { pathTo } from '#functions/route-paths.js';

/** The creator is an org owner/admin, hence the workspace's (implicit) admin. */
export const handler = api(routes['POST /orgs/{orgId}/workspaces'], async ({ access, body }) => {
  const workspace = await createWorkspaceIn(access, body);
  return { body: workspaceView(workspace, 'admin'), version: workspace.version, location: pathTo('GET /workspaces/{workspaceId}', { workspaceId: workspace.id }) };
});
