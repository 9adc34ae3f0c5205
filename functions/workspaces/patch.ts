import { api } from '#http/api.js';
import { requiredVersion } from '#http/etag.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { editWorkspace } from '#services/workspaces.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}'], async ({ access, body, headers }) => {
  const workspace = await editWorkspace(access, body, requiredVersion(headers['if-match']));
  return { body: workspaceView(workspace, access.role), version: workspace.version };
});
