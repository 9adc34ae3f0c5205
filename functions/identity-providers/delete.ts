import { api } from '#http/api.js';
import { removeIdentityProvider } from '#services/identity-providers.js';
import { identityProvidersRoutes as routes } from '#functions/routes/identity-providers.js';

/** 409 while a workspace of the organization requires SSO through the provider. */
export const handler = api(routes['DELETE /orgs/{orgId}/identity-providers/{name}'], async ({ access, params }) => {
  await removeIdentityProvider(access, params.name);
  return {};
});
