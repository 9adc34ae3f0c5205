import { api } from '#http/api.js';
import { workspaceMemberView } from '#http/resources/workspace-members.js';
import { listMembersOfWorkspace } from '#services/workspace-members.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/members'], async ({ access, query }) => {
  const page = await listMembersOfWorkspace(access, query);
  return { body: { items: page.items.map(workspaceMemberView), nextCursor: page.nextCursor } };
});
