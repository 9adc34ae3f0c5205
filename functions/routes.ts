/**
 * The route table: one row per operation. The CDK stack, the local gateway and the OpenAPI
 * document read the whole table from here; a handler imports only its part (functions/routes/*),
 * so a function builds the schemas of its part alone (issue 15).
 */
import type { HttpMethod, Route, RouteSpec } from '#http/route.js';
import { serviceRoutes } from '#functions/routes/service.js';
import { meRoutes } from '#functions/routes/me.js';
import { organizationsRoutes } from '#functions/routes/organizations.js';
import { invitationsRoutes } from '#functions/routes/invitations.js';
import { identityProvidersRoutes } from '#functions/routes/identity-providers.js';
import { membersRoutes } from '#functions/routes/members.js';
import { workspacesRoutes } from '#functions/routes/workspaces.js';
import { devicesRoutes } from '#functions/routes/devices.js';
import { simsRoutes } from '#functions/routes/sims.js';
import { webhooksRoutes } from '#functions/routes/webhooks.js';

export const routes = {
  ...serviceRoutes,
  ...meRoutes,
  ...organizationsRoutes,
  ...invitationsRoutes,
  ...identityProvidersRoutes,
  ...membersRoutes,
  ...workspacesRoutes,
  ...devicesRoutes,
  ...simsRoutes,
  ...webhooksRoutes,
} satisfies Record<string, RouteSpec>;

export type RouteKey = keyof typeof routes;

/** The table as rows, for the stack, the gateway and OpenAPI. */
export const routeList: Route[] = Object.entries(routes).map(([key, spec]) => {
  const [method, path] = key.split(' ') as [HttpMethod, string];
  return { ...(spec as RouteSpec), key, method, path };
});

