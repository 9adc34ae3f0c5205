import { api } from '#http/api.js';
import { simView } from '#http/resources/sims.js';
import { listSimsOf } from '#services/sims.js';
import { simsRoutes as routes } from '#functions/routes/sims.js';

export const handler = api(routes['GET /workspaces/{workspaceId}/sims'], async ({ access, query }) => {
  const page = await listSimsOf(access, query);
  return { body: { items: page.items.map(simView), nextCursor: page.nextCursor } };
});
