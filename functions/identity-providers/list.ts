import { api } from '#http/api.js';
import { listIdentityProviders } from '#services/identity-providers.js';
import { identityProvidersRoutes as routes } from '#functions/routes/identity-providers.js';
import { identityProviderView } from '#http/resources/identity-providers.js';

export const handler = api(routes['GET /orgs/{orgId}/identity-providers'], async ({ access, query }) => {
  const page = await listIdentityProviders(access, query);
  return { body: { items: page.items.map(identityProviderView), nextCursor: page.nextCursor } };
});
