/**
 * The typed client of the Tenancy API: openapi-fetch over the generated types. A portal (or any
 * TypeScript caller) creates one per signed-in user:
 *
 *   const api = tenancyClient('https://api.example.com', () => session.idToken);
 *   const { data, error } = await api.GET('/orgs/{orgId}', { params: { path: { orgId } } });
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './tenancy-api.js';

export type { components, operations, paths } from './tenancy-api.js';

/** A client for `baseUrl` that sends `token()` as the bearer token of every request that has one. */
export function tenancyClient(baseUrl: string, token: () => string | undefined) {
  const client = createClient<paths>({ baseUrl });
  const bearer: Middleware = {
    onRequest({ request }) {
      const value = token();
      if (value && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${value}`);
      return request;
    },
  };
  client.use(bearer);
  return client;
}
