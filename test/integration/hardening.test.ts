/** Issue 13, round two of hardening: each test names the defect it keeps fixed. */
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { call, expectProblem, newUser, signedUp } from './support/api.js';
import { freshAddress, inviteAndGetToken } from './support/invitations.js';
import { addMember, addWorkspaceMember } from './support/seed.js';

describe('hardening', () => {
  it('a weak ETag never satisfies If-Match (strong comparison): 412 and nothing changes', async () => {
    const owner = await signedUp('weak-etag');
    const etag = (await owner.api.get(`/orgs/${owner.orgId}`)).headers.get('etag')!;
    expect(etag).toMatch(/^"\d+"$/);
    expectProblem(await owner.api.patch(`/orgs/${owner.orgId}`, { name: 'Weak' }, { 'if-match': `W/${etag}` }), 412, 'precondition_failed');
    expectProblem(
      await owner.api.patch(`/workspaces/${owner.workspaceId}`, { name: 'Weak' }, { 'if-match': `W/${(await owner.api.get(`/workspaces/${owner.workspaceId}`)).headers.get('etag')}` }),
      412,
      'precondition_failed',
    );
    expect((await owner.api.get(`/orgs/${owner.orgId}`)).body.name).toBe('weak-etag Org');
    expect((await owner.api.patch(`/orgs/${owner.orgId}`, { name: 'Strong' }, { 'if-match': etag })).status).toBe(200);
  });

  it('names with bidirectional-control or zero-width characters are refused (400, the field named), never stored', async () => {
    const user = await newUser('bidi');
    const signup = await user.api.post('/signup', { givenName: 'Eve\u202Egnp.exe', familyName: 'Test' });
    expectProblem(signup, 400, 'bad_request');
    expect(signup.body.errors).toContainEqual({ path: 'body.givenName', message: expect.stringContaining('bidirectional') });
    expect((await user.api.get('/me')).status).toBe(404);
    const owner = await signedUp('zero-width');
    const org = await owner.api.post('/orgs', { name: 'Pay\u200Bpal' });
    expectProblem(org, 400, 'bad_request');
    expect(org.body.errors).toContainEqual({ path: 'body.name', message: expect.stringContaining('zero-width') });
    expectProblem(await owner.api.patch(`/workspaces/${owner.workspaceId}`, { name: 'A\u2066B\u2069' }), 400, 'bad_request');
    expectProblem(await owner.api.patch('/me', { familyName: 'K\u2060' }), 400, 'bad_request');
    expect((await owner.api.get('/me')).body).toMatchObject({ user: { familyName: 'Test' }, workspaces: [{ name: 'Default' }] });
  });

  it('the plain-text invitation email keeps a CRLF message readable: one line end, each line quoted once', async () => {
    const owner = await signedUp('crlf');
    const message = 'Hello,\r\nwelcome aboard.\r\n\r\nAda';
    const { invitation, mail } = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'member', message });
    expect(invitation.message).toBe(message);
    const text = mail.body.text ?? '';
    expect(text).toContain('\n> Hello,\n> welcome aboard.\n> \n> Ada\n');
    expect(text).not.toContain('\r');
  });

  it('editors withdraw, resend and change only invitations they could have sent (up to their own role)', async () => {
    const owner = await signedUp('inv-rank');
    const [editor, admin] = await Promise.all([signedUp('inv-editor'), signedUp('inv-admin')]);
    await addMember(owner, editor, 'editor');
    await addMember(owner, admin, 'admin');
    await addWorkspaceMember(owner.orgId, owner.workspaceId, editor, 'editor', owner.userId);
    const invitations = `/orgs/${owner.orgId}/invitations`;
    const { invitation: aboveOrg, token } = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'admin' });
    const { invitation: aboveWorkspace } = await inviteAndGetToken(owner.api, owner.orgId, {
      email: freshAddress(),
      role: 'member',
      workspaces: [{ workspaceId: owner.workspaceId, role: 'admin' }],
    });
    for (const invitation of [aboveOrg, aboveWorkspace]) {
      const path = `${invitations}/${invitation.id}`;
      expectProblem(await editor.api.delete(path), 403, 'forbidden');
      expectProblem(await editor.api.post(`${path}/resend`), 403, 'forbidden');
      expectProblem(await editor.api.patch(path, { role: 'member', workspaces: [] }), 403, 'forbidden');
    }
    const listed = (await owner.api.get(invitations)).body.items;
    for (const invitation of [aboveOrg, aboveWorkspace]) {
      expect(listed.find((i: { id: string }) => i.id === invitation.id)).toMatchObject({ status: 'pending', role: invitation.role, workspaces: invitation.workspaces });
    }
    expect((await call('GET', `/invitations/${token}`)).status).toBe(200);
    // Within their rank they still may: an editor withdraws a member invitation; an admin an admin one.
    const { invitation: own } = await inviteAndGetToken(owner.api, owner.orgId, {
      email: freshAddress(),
      role: 'editor',
      workspaces: [{ workspaceId: owner.workspaceId, role: 'editor' }],
    });
    expect((await editor.api.delete(`${invitations}/${own.id}`)).status).toBe(204);
    expect((await admin.api.delete(`${invitations}/${aboveOrg.id}`)).status).toBe(204);
  });

  it('PUT of a workspace role tells a caller who cannot read the org directory nothing about the target', async () => {
    const owner = await signedUp('oracle-ws');
    const [editor, admin, member, orgAdmin, outsider, orgEditor] = await Promise.all([
      signedUp('oracle-editor'),
      signedUp('oracle-admin'),
      signedUp('oracle-member'),
      signedUp('oracle-orgadmin'),
      signedUp('oracle-outsider'),
      signedUp('oracle-orgeditor'),
    ]);
    for (const [user, role] of [[editor, 'member'], [admin, 'member'], [member, 'member'], [orgAdmin, 'admin'], [orgEditor, 'editor']] as const) {
      await addMember(owner, user, role);
    }
    await addWorkspaceMember(owner.orgId, owner.workspaceId, editor, 'editor', owner.userId);
    await addWorkspaceMember(owner.orgId, owner.workspaceId, admin, 'admin', owner.userId);
    await addWorkspaceMember(owner.orgId, owner.workspaceId, orgEditor, 'editor', owner.userId);
    const put = (caller: typeof owner, userId: string, role: string) => caller.api.put(`/workspaces/${owner.workspaceId}/members/${userId}`, { role });
    const hidden = { nonMember: outsider.userId, unknown: randomUUID(), orgAdmin: orgAdmin.userId, orgOwner: owner.userId };
    const same = async (caller: typeof owner, role: string, ids: string[]) => {
      const answers = await Promise.all(ids.map((id) => put(caller, id, role)));
      for (const a of answers) expect({ status: a.status, body: a.body }).toEqual({ status: answers[0]!.status, body: answers[0]!.body });
      return answers[0]!;
    };
    // A role above one's own: one 403, whoever the target (org member or not, org admin, unknown).
    expectProblem(await same(editor, 'admin', [...Object.values(hidden), member.userId]), 403, 'forbidden');
    // Within one's role: no org member, an unknown id and an org owner or admin are the one 404.
    for (const caller of [editor, admin]) expectProblem(await same(caller, 'viewer', Object.values(hidden)), 404, 'not_found');
    // Callers who may read the directory still get the reasons.
    expectProblem(await put(orgEditor, orgAdmin.userId, 'viewer'), 409, 'conflict');
    expectProblem(await put(orgEditor, outsider.userId, 'viewer'), 404, 'not_found');
    // And the contract's right stands: an editor adds an org member up to their own role.
    expect((await put(editor, member.userId, 'editor')).status).toBe(200);
  });
});
