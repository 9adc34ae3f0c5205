import { api } from '#http/api.js';
import { meView } from '#http/resources/me.js';
import { loadMe } from '#services/me.js';
import { routes } from '#functions/routes.js';

export const handler = api(routes['GET /me'], async ({ principal }) => ({ body: meView(await loadMe(principal.userId), principal.identityProviders) }));
