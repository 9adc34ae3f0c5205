import { api } from '../../shared/http/api.js';
import { workspaceView } from '../../shared/http/views.js';
import { createWorkspaceIn } from '../../shared/services/workspaces.js';
import { routes } from '../routes.js';

/** The creator is an org owner/admin, hence the workspace's (implicit) admin. */
export const handler = api(routes['POST /orgs/{orgId}/workspaces'], async ({ access, body }) => {
  const workspace = await createWorkspaceIn(access, body);
  return { body: workspaceView(workspace, 'admin'), version: workspace.version };
});
