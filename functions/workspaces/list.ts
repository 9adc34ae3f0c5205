import { api } from '#http/api.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { listVisibleWorkspaces } from '#services/workspaces.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

export const handler = api(routes['GET /orgs/{orgId}/workspaces'], async ({ access, query }) => {
  const page = await listVisibleWorkspaces(access, query);
  return { body: { items: page.items.map(({ workspace, role }) => workspaceView(workspace, role)), nextCursor: page.nextCursor } };
});
