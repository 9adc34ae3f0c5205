import { api } from '#http/api.js';
import { meView } from '#http/resources/me.js';
import { updateMe } from '#services/me.js';
import { meRoutes as routes } from '#functions/routes/me.js';

export const handler = api(routes['PATCH /me'], async ({ principal, body, profile, ifMatch }) => {
  const me = await updateMe(principal, body, { read: profile, ifMatch });
  return { body: meView(me, principal.identityProviders), version: me.user.version };
});
