import { api } from '../../shared/http/api.js';
import { workspaceOverviewView } from '../../shared/http/views.js';
import { routes } from '../routes.js';

/** The workspace read while authorizing carries every counter: nothing more to fetch. */
export const handler = api(routes['GET /workspaces/{workspaceId}/overview'], async ({ access }) => ({
  body: workspaceOverviewView(access.workspace),
}));
