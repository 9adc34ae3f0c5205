import { api } from '../../shared/http/api.js';
import { requiredVersion } from '../../shared/http/etag.js';
import { workspaceView } from '../../shared/http/views.js';
import { editWorkspace } from '../../shared/services/workspaces.js';
import { routes } from '../routes.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}'], async ({ access, principal, body, headers }) => {
  const workspace = await editWorkspace(access, principal.userId, body, requiredVersion(headers['if-match']));
  return { body: workspaceView(workspace, access.role), version: workspace.version };
});
