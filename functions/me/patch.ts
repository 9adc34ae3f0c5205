import { api } from '#http/api.js';
import { meView } from '#http/resources/me.js';
import { updateMe } from '#services/me.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['PATCH /me'], async ({ principal, body }) => {
  const me = await updateMe(principal, body);
  return { body: meView(me, principal.identityProviders), version: me.user.version };
});
