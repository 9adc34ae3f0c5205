import { api } from '../../shared/http/api.js';
import { orgView } from '../../shared/http/views.js';
import { createOrganizationFor } from '../../shared/services/organizations.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /orgs'], async ({ principal, body, profile }) => {
  const org = await createOrganizationFor(principal, profile, body);
  return { body: orgView(org), version: org.version };
});
