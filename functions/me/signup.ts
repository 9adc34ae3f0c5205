import { api } from '#http/api.js';
import { meView } from '#http/resources/me.js';
import { signUp } from '#services/me.js';
import { meRoutes as routes } from '#functions/routes/me.js';
import { pathTo } from '#functions/route-paths.js';

/** 201 on the first call; a repeat answers 200 with the same body and creates nothing. */
export const handler = api(routes['POST /signup'], async ({ principal, body }) => {
  const { created, me } = await signUp(principal, body);
  return { status: created ? 201 : 200, body: meView(me, principal.identityProviders), location: pathTo('GET /me', {}) };
});
