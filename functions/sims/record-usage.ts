import { api } from '#http/api.js';
import { recordUsage } from '#services/sims.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';

/** The network feed (platform operators): the record goes to the workspace that held the SIM at `at`. */
export const handler = api(routes['POST /sims/{iccid}/usage'], async ({ access, params, body }) => ({
  body: await recordUsage(access.userId, params.iccid, body, access.named.simLocator),
}));
