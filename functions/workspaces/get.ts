import { api } from '#http/api.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

/** The workspace was already read while authorizing. */
export const handler = api(routes['GET /workspaces/{workspaceId}'], async ({ access }) => ({
  body: workspaceView(access.workspace, access.role),
  version: access.workspace.version,
}));
