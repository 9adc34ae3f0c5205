import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { createOrganizationFor } from '#services/organizations.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';
import { pathTo } from '#functions/route-paths.js';

export const handler = api(routes['POST /orgs'], async ({ principal, body, profile }) => {
  const org = await createOrganizationFor(principal, profile, body);
  return { body: orgView(org), version: org.version, location: pathTo('GET /orgs/{orgId}', { orgId: org.id }) };
});
