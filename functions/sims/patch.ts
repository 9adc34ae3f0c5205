import { api } from '#http/api.js';
import { simView } from '#http/resources/sims.js';
import { editSim } from '#services/sims.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}/sims/{iccid}'], async ({ access, params, body, ifMatch }) => {
  const sim = await editSim(access, params.iccid, body, ifMatch);
  return { body: simView(sim), version: sim.version };
});
