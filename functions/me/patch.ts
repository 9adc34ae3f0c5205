import { api } from '../../shared/http/api.js';
import { meView } from '../../shared/http/views.js';
import { updateMe } from '../../shared/services/me.js';
import { routes } from '../routes.js';

export const handler = api(routes['PATCH /me'], async ({ principal, body }) => {
  const me = await updateMe(principal.userId, body);
  return { body: meView(me, principal.identityProviders), version: me.user.version };
});
