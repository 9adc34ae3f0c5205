import { api } from '../../shared/http/api.js';
import { workspaceMemberView } from '../../shared/http/views.js';
import { listMembersOfWorkspace } from '../../shared/services/workspace-members.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/members'], async ({ access, principal, query }) => {
  const page = await listMembersOfWorkspace(access, principal.userId, query);
  return { body: { items: page.items.map(workspaceMemberView), nextCursor: page.nextCursor } };
});
