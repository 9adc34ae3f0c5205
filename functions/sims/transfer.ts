import { api } from '#http/api.js';
import { simView } from '#http/resources/sims.js';
import { transferSim } from '#services/sims.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';

/** No workspace in the path: the service authorizes against both workspaces (and checks SSO) in one BatchGet. */
export const handler = api(routes['POST /sims/{iccid}/transfer'], async ({ principal, params, body }) => {
  const sim = await transferSim(principal, params.iccid, body.targetWorkspaceId);
  return { body: simView(sim), version: sim.version };
});
