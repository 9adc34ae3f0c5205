import { api } from '#http/api.js';
import { orgOverviewView } from '#http/resources/organizations.js';
import { routes } from '#functions/routes.js';

/** The organization read while authorizing carries every counter: nothing more to fetch. */
export const handler = api(routes['GET /orgs/{orgId}/overview'], async ({ access }) => ({ body: orgOverviewView(access.org) }));
