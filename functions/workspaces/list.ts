import { api } from '#http/api.js';
import { workspaceView } from '#http/resources/workspaces.js';
import { listVisibleWorkspaces } from '#services/workspaces.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['GET /orgs/{orgId}/workspaces'], async ({ access, query }) => {
  const page = await listVisibleWorkspaces(access, query);
  return { body: { items: page.items.map(({ workspace, role }) => workspaceView(workspace, role)), nextCursor: page.nextCursor } };
});
