import { api } from '../../shared/http/api.js';
import { directoryEntryView } from '../../shared/http/views.js';
import { listDirectory } from '../../shared/services/members.js';
import { routes } from '../routes.js';

export const handler = api(routes['GET /orgs/{orgId}/members'], async ({ access, query }) => {
  const page = await listDirectory(access, query);
  return { body: { items: page.items.map(directoryEntryView), nextCursor: page.nextCursor } };
});
