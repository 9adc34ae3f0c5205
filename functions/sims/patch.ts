import { api } from '../../shared/http/api.js';
import { requiredVersion } from '../../shared/http/etag.js';
import { simView } from '../../shared/http/views.js';
import { editSim } from '../../shared/services/sims.js';
import { routes } from '../routes.js';

export const handler = api(routes['PATCH /workspaces/{workspaceId}/sims/{iccid}'], async ({ access, principal, params, body, headers }) => {
  const sim = await editSim(access, principal.userId, params.iccid, body, requiredVersion(headers['if-match']));
  return { body: simView(sim), version: sim.version };
});
