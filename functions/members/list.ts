import { api } from '#http/api.js';
import { directoryEntryView } from '#http/resources/members.js';
import { listDirectory } from '#services/members.js';
import { membersRoutes as routes } from '#functions/routes/members.js';

export const handler = api(routes['GET /orgs/{orgId}/members'], async ({ access, query }) => {
  const page = await listDirectory(access, query);
  return { body: { items: page.items.map(directoryEntryView), nextCursor: page.nextCursor } };
});
