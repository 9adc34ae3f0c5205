import { api } from '#http/api.js';
import { orgOverviewView } from '#http/resources/organizations.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

/** The organization read while authorizing carries every counter: nothing more to fetch. */
export const handler = api(routes['GET /orgs/{orgId}/overview'], async ({ access }) => ({ body: orgOverviewView(access.org) }));
