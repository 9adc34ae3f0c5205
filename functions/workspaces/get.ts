import { api } from '../../shared/http/api.js';
import { workspaceView } from '../../shared/http/views.js';
import { routes } from '../routes.js';

/** The workspace was already read while authorizing. */
export const handler = api(routes['GET /workspaces/{workspaceId}'], async ({ access }) => ({
  body: workspaceView(access.workspace, access.role),
  version: access.workspace.version,
}));
