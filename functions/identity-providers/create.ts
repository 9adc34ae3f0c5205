import { api } from '#http/api.js';
import { addIdentityProvider } from '#services/identity-providers.js';
import { identityProvidersRoutes as routes } from '#functions/routes/identity-providers.js';
import { pathTo } from '#functions/route-paths.js';
import { identityProviderView } from '#http/resources/identity-providers.js';

/** 201 once the provider is in the user pool and on the portal client; the secret is not answered. */
export const handler = api(routes['POST /orgs/{orgId}/identity-providers'], async ({ access, body }) => {
  const provider = await addIdentityProvider(access, body);
  return { body: identityProviderView(provider), location: pathTo('DELETE /orgs/{orgId}/identity-providers/{name}', { orgId: access.org.id, name: provider.name }) };
});
