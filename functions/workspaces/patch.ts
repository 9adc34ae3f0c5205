import { api } from '#http/api.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { editWorkspace } from '#services/workspaces.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}'], async ({ access, body, ifMatch }) => {
  const workspace = await editWorkspace(access, body, ifMatch);
  return { body: workspaceView(workspace, access.role), version: workspace.version };
});
