import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

/** The organization was already read while authorizing; nothing more to fetch. */
export const handler = api(routes['GET /orgs/{orgId}'], async ({ access }) => ({
  body: orgView(access.org),
  version: access.org.version,
}));
