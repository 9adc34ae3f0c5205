import { api } from '../../shared/http/api.js';
import { simView } from '../../shared/http/views.js';
import { registerSimIn } from '../../shared/services/sims.js';
import { routes } from '../routes.js';

export const handler = api(routes['POST /workspaces/{workspaceId}/sims'], async ({ access, principal, body }) => {
  const sim = await registerSimIn(access, principal.userId, body.iccid);
  return { body: simView(sim), version: sim.version };
});
