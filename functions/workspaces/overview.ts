import { api } from '#http/api.js';
import { workspaceOverviewView } from '#http/resources/workspaces.js';
import { workspacesRoutes as routes } from '#functions/routes/workspaces.js';

/** The workspace read while authorizing carries every counter: nothing more to fetch. */
export const handler = api(routes['GET /workspaces/{workspaceId}/overview'], async ({ access }) => ({
  body: workspaceOverviewView(access.workspace),
}));
