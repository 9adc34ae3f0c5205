import { api } from '#http/api.js';
import { orgView } from '#http/resources/organizations.js';
import { createOrganizationFor } from '#services/organizations.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['POST /orgs'], async ({ principal, body, profile }) => {
  const org = await createOrganizationFor(principal, profile, body);
  return { body: orgView(org), version: org.version };
});
