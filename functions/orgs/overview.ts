import { api } from '../../shared/http/api.js';
import { orgOverviewView } from '../../shared/http/views.js';
import { routes } from '../routes.js';

/** The organization read while authorizing carries every counter: nothing more to fetch. */
export const handler = api(routes['GET /orgs/{orgId}/overview'], async ({ access }) => ({ body: orgOverviewView(access.org) }));
