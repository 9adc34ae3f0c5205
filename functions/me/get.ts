import { api } from '#http/api.js';
import { meView } from '#http/resources/me.js';
import { loadMe } from '#services/me.js';
import { meRoutes as routes } from '#functions/routes/me.js';

// The profile's version is the ETag PATCH /me's If-Match is compared with.
export const handler = api(routes['GET /me'], async ({ principal }) => {
  const me = await loadMe(principal.userId);
  return { body: meView(me, principal.identityProviders), version: me.user.version };
});
