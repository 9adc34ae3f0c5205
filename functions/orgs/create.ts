import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { createOrganizationFor } from '#services/organizations.js';
import { pathTo, routes } from '#functions/routes.js';

export const handler = api(routes['POST /orgs'], async ({ principal, body, profile }) => {
  const org = await createOrganizationFor(principal, profile, body);
  return { body: orgView(org), version: org.version, location: pathTo('GET /orgs/{orgId}', { orgId: org.id }) };
});
