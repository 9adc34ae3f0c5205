import { api } from '../../shared/http/api.js';
import { meView } from '../../shared/http/views.js';
import { signUp } from '../../shared/services/me.js';
import { routes } from '../routes.js';

/** 201 on the first call; a repeat answers 200 with the same body and creates nothing. */
export const handler = api(routes['POST /signup'], async ({ principal, body }) => {
  const { created, me } = await signUp(principal, body);
  return { status: created ? 201 : 200, body: meView(me, principal.identityProviders) };
});
