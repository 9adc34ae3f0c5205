import { api } from '#http/api.js';
import { simView } from '#http/resources/sims.js';
import { registerSimIn } from '#services/sims.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';
import { pathTo } from '#functions/route-paths.js';

export const handler = api(routes['POST /workspaces/{workspaceId}/sims'], async ({ access, body }) => {
  const sim = await registerSimIn(access, body);
  return { body: simView(sim), version: sim.version, location: pathTo('PATCH /workspaces/{workspaceId}/sims/{iccid}', { workspaceId: sim.workspaceId, iccid: sim.iccid }) };
});
