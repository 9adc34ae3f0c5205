/**
 * A full flow through the client generated from the published document (clients/: openapi-typescript
 * types + openapi-fetch), as a TypeScript portal would call the API: a change of the document that
 * breaks a caller breaks this file's types (`tsc` in `npm test`) or its answers.
 */
import { describe, expect, it } from 'vitest';
import { tenancyClient } from '../../clients/index.js';
import { newUser } from './support/api.js';
import { freshAddress } from './support/invitations.js';
import { stack } from './support/stack.js';

describe('the generated typed client', () => {
  it('signs up, creates an organization and a workspace, invites, edits with If-Match, lists and deletes', async () => {
    const user = await newUser('typed-client');
    const api = tenancyClient(stack().apiUrl, () => user.token);

    const signup = await api.POST('/signup', { body: { givenName: 'Tia', familyName: 'Typed', organizationName: 'Typed Org' } });
    expect(signup.response.status).toBe(201);
    const me = await api.GET('/me');
    expect(me.data?.organizations.map((o) => o.name)).toContain('Typed Org');

    const created = await api.POST('/orgs', { body: { name: 'Typed Second' }, params: { header: { 'idempotency-key': `typed-${user.userId}` } } });
    expect(created.response.status).toBe(201);
    const orgId = created.data!.id;
    expect(created.data).toMatchObject({ name: 'Typed Second', plan: 'trial', ownerId: user.userId });

    const workspace = await api.POST('/orgs/{orgId}/workspaces', { params: { path: { orgId } }, body: { name: 'Lab' } });
    expect(workspace.response.status).toBe(201);
    const workspaceId = workspace.data!.id;

    const read = await api.GET('/orgs/{orgId}', { params: { path: { orgId } } });
    const etag = read.response.headers.get('etag')!;
    const renamed = await api.PATCH('/orgs/{orgId}', { params: { path: { orgId }, header: { 'if-match': etag } }, body: { name: 'Typed Renamed' } });
    expect(renamed.data?.name).toBe('Typed Renamed');
    const stale = await api.PATCH('/orgs/{orgId}', { params: { path: { orgId }, header: { 'if-match': etag } }, body: { name: 'Stale' } });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ status: 412, code: 'precondition_failed' });

    const email = freshAddress();
    const invited = await api.POST('/orgs/{orgId}/invitations', {
      params: { path: { orgId } },
      body: { email, role: 'editor', workspaces: [{ workspaceId, role: 'viewer' }] },
    });
    expect(invited.response.status).toBe(201);
    const pending = await api.GET('/orgs/{orgId}/members', { params: { path: { orgId }, query: { status: 'pending', limit: 10 } } });
    expect(pending.data?.items.map((m) => m.email)).toEqual([email.toLowerCase()]);
    expect(pending.data?.nextCursor).toBeNull();

    const device = await api.POST('/workspaces/{workspaceId}/devices', { params: { path: { workspaceId } }, body: { name: 'sensor-1' } });
    expect(device.response.status).toBe(201);
    expect(device.data?.deviceKey).toEqual(expect.any(String));

    const gone = await api.DELETE('/orgs/{orgId}', { params: { path: { orgId } } });
    expect(gone.response.status).toBe(204);
    const after = await api.GET('/orgs/{orgId}', { params: { path: { orgId } } });
    expect(after.response.status).toBe(404);
    expect(after.error).toMatchObject({ code: 'not_found' });
  });
});
