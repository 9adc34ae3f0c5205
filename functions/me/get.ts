import { api } from '../../shared/http/api.js';
import { meView } from '../../shared/http/views.js';
import { loadMe } from '../../shared/services/me.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /me'], async ({ principal }) => ({ body: meView(await loadMe(principal.userId), principal.identityProviders) }));
