import { api } from '#http/api.js';
import { listMyOrganizations } from '#services/organizations.js';
import { organizationsRoutes as routes } from '#functions/routes/organizations.js';

export const handler = api(routes['GET /orgs'], async ({ principal, query, profile }) => {
  const page = await listMyOrganizations(principal, profile, query);
  return { body: { items: page.items.map(({ org, role }) => ({ id: org.id, name: org.name, role })), nextCursor: page.nextCursor } };
});
