import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { as, call, expectGatewayAnswer, expectProblem, expectRetryAfter, signedUp, type Res, type Tenant } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { token } from './support/stack.js';
import { allPages, emailTo, emailsTo, forgetLinkWorkspaces, freshAddress, inviteAndGetToken, PORTAL_URL, storedLink, TOKEN_SHAPE } from './support/invitations.js';

const DAY = 86_400_000;
const invitations = (t: Pick<Tenant, 'orgId'>): string => `/orgs/${t.orgId}/invitations`;
const preview = (t: string): Promise<Res> => call('GET', `/invitations/${t}`);


/** A Cognito user with the given email (any case), a verified token by default, no profile. */
async function userFor(email: string, opts?: { emailVerified?: boolean }) {
  const issued = await token(email, opts);
  return { email, userId: issued.sub, token: issued.idToken, api: as(issued.idToken) };
}

async function statusOf(owner: Tenant, invitationId: string): Promise<string | undefined> {
  const all = await allPages<{ id: string; status: string }>(owner.api, invitations(owner));
  return all.find((i) => i.id === invitationId)?.status;
}

describe('invitations: create', () => {
  it('answers 201 with the invitation and emails a link to the invitee; the link has a public preview', async () => {
    const owner = await signedUp('Ingrid', 'Nordwind Labs');
    const address = freshAddress();
    const started = Date.now();
    const { invitation, mail, token: t } = await inviteAndGetToken(owner.api, owner.orgId, {
      email: address,
      role: 'editor',
      workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }],
      message: 'Welcome aboard',
    });
    expect(invitation).toMatchObject({
      id: expect.any(String),
      organizationId: owner.orgId,
      email: address.toLowerCase(),
      role: 'editor',
      workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }],
      message: 'Welcome aboard',
      invitedBy: owner.userId,
      invitedByName: 'Ingrid Test',
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      status: 'pending',
      emailStatus: 'sent',
    });
    const createdAt = Date.parse(invitation.createdAt);
    expect(Math.abs(createdAt - started)).toBeLessThan(60_000);
    expect(Math.abs(Date.parse(invitation.expiresAt) - createdAt - 7 * DAY)).toBeLessThan(60_000);

    // The email: to the invitee, naming org and inviter, html and text, each with the link.
    expect(mail.destination.to.map((a) => a.toLowerCase())).toEqual([address.toLowerCase()]);
    expect(mail.subject).toContain('Nordwind Labs');
    expect(mail.subject).toContain('Ingrid');
    expect(t).toMatch(TOKEN_SHAPE);
    const link = `${PORTAL_URL}/invitations/${t}`;
    expect(mail.body.html).toEqual(expect.any(String));
    expect(mail.body.text).toEqual(expect.any(String));
    expect(mail.body.html).toContain(link);
    expect(mail.body.text).toContain(link);
    expect(mail.body.text).toContain('Welcome aboard');
    expect(mail.body.html).toContain('Welcome aboard');

    // The preview needs no token.
    const seen = await preview(t);
    expect(seen.status, JSON.stringify(seen.body)).toBe(200);
    expect(seen.body).toMatchObject({
      organizationName: 'Nordwind Labs',
      invitedByName: 'Ingrid Test',
      email: address.toLowerCase(),
      role: 'editor',
      expiresAt: invitation.expiresAt,
    });

    const listed = await owner.api.get(`${invitations(owner)}?status=pending`);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: expect.any(Array), nextCursor: null });
    expect(listed.body.items).toEqual([expect.objectContaining({ ...invitation })]);
  });

  it('honours expiresInDays (1..30, default 7)', async () => {
    const owner = await signedUp('expiry');
    for (const days of [1, 3, 30]) {
      const res = await owner.api.post(invitations(owner), { email: freshAddress(), role: 'member', expiresInDays: days });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(Math.abs(Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt) - days * DAY)).toBeLessThan(60_000);
    }
    for (const days of [0, 31, -1, 2.5, '7']) {
      expectProblem(await owner.api.post(invitations(owner), { email: freshAddress(), role: 'member', expiresInDays: days }), 400, 'bad_request');
    }
  });

  it('validates the body: no owner invitations, a real email, message up to 1000, workspaces of this org only', async () => {
    const owner = await signedUp('validate');
    const other = await signedUp('other-org');
    const post = (body: unknown) => owner.api.post(invitations(owner), body);
    expectProblem(await post({ email: freshAddress(), role: 'owner' }), 400, 'bad_request');
    expectProblem(await post({ email: freshAddress(), role: 'superuser' }), 400, 'bad_request');
    expectProblem(await post({ email: 'not-an-email', role: 'member' }), 400, 'bad_request');
    expectProblem(await post({ role: 'member' }), 400, 'bad_request');
    expectProblem(await post({ email: freshAddress(), role: 'member', message: 'x'.repeat(1001) }), 400, 'bad_request');
    expect((await post({ email: freshAddress(), role: 'member', message: 'x'.repeat(1000) })).status).toBe(201);
    expectProblem(await post({ email: freshAddress(), role: 'member', workspaces: [{ workspaceId: owner.workspaceId, role: 'owner' }] }), 400, 'bad_request');

    for (const workspaceId of [other.workspaceId, randomUUID()]) {
      const address = freshAddress();
      const res = await post({ email: address, role: 'member', workspaces: [{ workspaceId, role: 'viewer' }] });
      expectProblem(res, 400, 'bad_request');
      expect(res.body.errors, JSON.stringify(res.body)).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringMatching(/^body\.workspaces/) })]));
      expect(await emailsTo(address)).toHaveLength(0);
    }
    // Nothing of the refused ones was stored.
    expect(await allPages(owner.api, invitations(owner))).toHaveLength(1);
  });

  it('inviters grant at most their own org role; members cannot invite; strangers get 404', async () => {
    const owner = await signedUp('roles-owner');
    const [admin, editor, member, stranger] = await Promise.all(['admin', 'editor', 'member', 'stranger'].map((l) => signedUp(l)));
    await addMember(owner, admin!, 'admin');
    await addMember(owner, editor!, 'editor');
    await addMember(owner, member!, 'member');
    const invite = (who: Tenant, role: string) => who.api.post(invitations(owner), { email: freshAddress(), role });

    for (const role of ['admin', 'editor', 'member']) {
      expect((await invite(owner, role)).status).toBe(201);
      expect((await invite(admin!, role)).status).toBe(201);
    }
    expectProblem(await invite(editor!, 'admin'), 403, 'forbidden');
    expect((await invite(editor!, 'editor')).status).toBe(201);
    expect((await invite(editor!, 'member')).status).toBe(201);
    expectProblem(await invite(member!, 'member'), 403, 'forbidden');
    expectProblem(await invite(stranger!, 'member'), 404, 'not_found');
    expectProblem(await admin!.api.post(invitations(owner), { email: freshAddress(), role: 'owner' }), 400, 'bad_request');
    expect(await allPages(owner.api, invitations(owner))).toHaveLength(8);
  });

  it('workspace roles: owner/admin grant any role anywhere; an editor only up to their own role in each workspace', async () => {
    const owner = await signedUp('ws-owner');
    const admin = await signedUp('admin');
    const editor = await signedUp('editor');
    await addMember(owner, admin, 'admin');
    await addMember(owner, editor, 'editor');
    const ws1 = owner.workspaceId;
    const ws2 = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' })).body.id as string;
    const ws3 = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Third' })).body.id as string;
    await addWorkspaceMember(owner.orgId, ws1, editor, 'editor', owner.userId);
    await addWorkspaceMember(owner.orgId, ws3, editor, 'viewer', owner.userId);
    const invite = (who: Tenant, workspaces: { workspaceId: string; role: string }[], role = 'member') =>
      who.api.post(invitations(owner), { email: freshAddress(), role, workspaces });

    // Owner and admin are implicit admins of every workspace: any role, in any of them.
    for (const who of [owner, admin]) {
      const res = await invite(who, [{ workspaceId: ws1, role: 'admin' }, { workspaceId: ws2, role: 'editor' }, { workspaceId: ws3, role: 'viewer' }]);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.workspaces).toHaveLength(3);
    }

    expect((await invite(editor, [{ workspaceId: ws1, role: 'editor' }])).status).toBe(201);
    expect((await invite(editor, [{ workspaceId: ws1, role: 'viewer' }, { workspaceId: ws3, role: 'viewer' }])).status).toBe(201);
    expectProblem(await invite(editor, [{ workspaceId: ws1, role: 'admin' }]), 403, 'forbidden');
    expectProblem(await invite(editor, [{ workspaceId: ws2, role: 'viewer' }]), 403, 'forbidden');
    expectProblem(await invite(editor, [{ workspaceId: ws3, role: 'editor' }]), 403, 'forbidden');
    // One refused workspace refuses the whole invitation.
    const address = freshAddress();
    expectProblem(
      await editor.api.post(invitations(owner), { email: address, role: 'member', workspaces: [{ workspaceId: ws1, role: 'viewer' }, { workspaceId: ws2, role: 'viewer' }] }),
      403,
      'forbidden',
    );
    const all = await allPages<{ email: string }>(owner.api, invitations(owner));
    expect(all).toHaveLength(4);
    expect(all.map((i) => i.email)).not.toContain(address.toLowerCase());
  });

  it('emails compare case-insensitively: members and pending invitees cannot be invited again; after withdraw or decline they can', async () => {
    const owner = await signedUp('dup-owner');
    const admin = await signedUp('Dup-Admin');
    const member = await signedUp('member');
    await addMember(owner, admin, 'admin');
    await addMember(owner, member, 'member');

    expectProblem(await owner.api.post(invitations(owner), { email: member.email.toUpperCase(), role: 'member' }), 409, 'conflict');
    expectProblem(await admin.api.post(invitations(owner), { email: owner.email.toUpperCase(), role: 'member' }), 409, 'conflict');
    expectProblem(await owner.api.post(invitations(owner), { email: admin.email.toLowerCase(), role: 'member' }), 409, 'conflict');

    const address = freshAddress('Twice');
    const first = await owner.api.post(invitations(owner), { email: address, role: 'member' });
    expect(first.status).toBe(201);
    expectProblem(await admin.api.post(invitations(owner), { email: address.toLowerCase(), role: 'editor' }), 409, 'conflict');
    expectProblem(await owner.api.post(invitations(owner), { email: address.toUpperCase(), role: 'member' }), 409, 'conflict');

    expect((await owner.api.delete(`${invitations(owner)}/${first.body.id}`)).status).toBe(204);
    const { invitation: second, token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: address.toUpperCase(), role: 'editor' });
    expect(second.id).not.toBe(first.body.id);
    expect(second.email).toBe(address.toLowerCase());

    const invitee = await userFor(address.toLowerCase());
    expect((await invitee.api.post(`/invitations/${t}/decline`)).status).toBe(204);
    const third = await owner.api.post(invitations(owner), { email: address, role: 'member' });
    expect(third.status, JSON.stringify(third.body)).toBe(201);

    // The same address may be pending in two different organizations.
    const elsewhere = await signedUp('elsewhere');
    expect((await elsewhere.api.post(invitations(elsewhere), { email: address, role: 'member' })).status).toBe(201);
  });

  it('Idempotency-Key: a repeat returns the first answer, creates nothing and sends nothing', async () => {
    const owner = await signedUp('idem');
    const address = freshAddress();
    const key = { 'idempotency-key': `inv-${randomUUID()}` };
    const body = { email: address, role: 'member' };
    const first = await owner.api.post(invitations(owner), body, key);
    expect(first.status).toBe(201);
    await emailTo(address);
    const again = await owner.api.post(invitations(owner), body, key);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    await new Promise((r) => setTimeout(r, 300));
    expect(await emailsTo(address)).toHaveLength(1);
    expect(await allPages(owner.api, invitations(owner))).toHaveLength(1);
  });

  it('rate limit: at most 100 invitations per organization per hour, then 429 with Retry-After', { timeout: 120_000 }, async () => {
    const owner = await signedUp('bulk');
    const statuses: number[] = [];
    for (let i = 0; i < 100; i += 1) {
      const res = await owner.api.post(invitations(owner), { email: `bulk-${i}-${randomUUID().slice(0, 8)}@example.com`, role: 'member' });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const refused = await owner.api.post(invitations(owner), { email: freshAddress(), role: 'member' });
    expectProblem(refused, 429, 'rate_limited');
    expectRetryAfter(refused, 3600);
    // Per organization: another one is not affected.
    const other = await signedUp('bulk-other');
    expect((await other.api.post(invitations(other), { email: freshAddress(), role: 'member' })).status).toBe(201);
  });
});

describe('invitations: manage', () => {
  it('list: owner, admin and editor; members 403; strangers 404; status filter; pages serve each once', async () => {
    const owner = await signedUp('list-owner');
    const [admin, editor, member, stranger] = await Promise.all(['admin', 'editor', 'member', 'stranger'].map((l) => signedUp(l)));
    await addMember(owner, admin!, 'admin');
    await addMember(owner, editor!, 'editor');
    await addMember(owner, member!, 'member');
    const created = [];
    for (let i = 0; i < 3; i += 1) created.push((await owner.api.post(invitations(owner), { email: freshAddress(), role: 'member' })).body);
    expect((await owner.api.delete(`${invitations(owner)}/${created[0].id}`)).status).toBe(204);

    for (const reader of [owner, admin!, editor!]) expect((await reader.api.get(invitations(owner))).status).toBe(200);
    expectProblem(await member!.api.get(invitations(owner)), 403, 'forbidden');
    expectProblem(await stranger!.api.get(invitations(owner)), 404, 'not_found');

    const pending = await allPages<{ id: string; status: string }>(owner.api, `${invitations(owner)}?status=pending`);
    expect(pending.map((i) => i.id).sort()).toEqual([created[1].id, created[2].id].sort());
    expect(pending.every((i) => i.status === 'pending')).toBe(true);
    const withdrawn = await allPages<{ id: string; status: string }>(owner.api, `${invitations(owner)}?status=withdrawn`);
    expect(withdrawn.map((i) => [i.id, i.status])).toEqual([[created[0].id, 'withdrawn']]);
    expectProblem(await owner.api.get(`${invitations(owner)}?status=bogus`), 400, 'bad_request');

    const paged = await allPages<{ id: string }>(owner.api, invitations(owner), 1);
    expect(paged.map((i) => i.id).sort()).toEqual(created.map((i) => i.id).sort());
  });

  it('patch: changes role and workspaces of a pending invitation, within the inviter limits; not once accepted', async () => {
    const owner = await signedUp('patch-owner');
    const editor = await signedUp('editor');
    const member = await signedUp('member');
    const stranger = await signedUp('stranger');
    await addMember(owner, editor, 'editor');
    await addMember(owner, member, 'member');
    await addWorkspaceMember(owner.orgId, owner.workspaceId, editor, 'editor', owner.userId);
    const address = freshAddress();
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: address, role: 'member' });
    const path = `${invitations(owner)}/${invitation.id}`;

    const changed = await owner.api.patch(path, { role: 'admin', workspaces: [{ workspaceId: owner.workspaceId, role: 'editor' }] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ id: invitation.id, role: 'admin', workspaces: [{ workspaceId: owner.workspaceId, role: 'editor' }], status: 'pending' });
    expect((await preview(t)).body.role).toBe('admin');

    // An invitation above the editor's own role is not theirs to change, not even downwards.
    expectProblem(await editor.api.patch(path, { role: 'member' }), 403, 'forbidden');
    expect((await owner.api.patch(path, { role: 'editor' })).status).toBe(200);
    expectProblem(await editor.api.patch(path, { role: 'admin' }), 403, 'forbidden');
    expectProblem(await editor.api.patch(path, { workspaces: [{ workspaceId: owner.workspaceId, role: 'admin' }] }), 403, 'forbidden');
    const byEditor = await editor.api.patch(path, { role: 'editor', workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }] });
    expect(byEditor.status, JSON.stringify(byEditor.body)).toBe(200);
    expect(byEditor.body).toMatchObject({ role: 'editor', workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }] });
    expectProblem(await owner.api.patch(path, { role: 'owner' }), 400, 'bad_request');
    const otherOrg = await signedUp('patch-other');
    const foreignWs = await owner.api.patch(path, { workspaces: [{ workspaceId: otherOrg.workspaceId, role: 'viewer' }] });
    expectProblem(foreignWs, 400, 'bad_request');
    expectProblem(await member.api.patch(path, { role: 'member' }), 403, 'forbidden');
    expectProblem(await stranger.api.patch(path, { role: 'member' }), 404, 'not_found');
    expectProblem(await owner.api.patch(`${invitations(owner)}/${randomUUID()}`, { role: 'member' }), 404, 'not_found');

    const invitee = await userFor(address);
    expect((await invitee.api.post(`/invitations/${t}/accept`)).status).toBe(200);
    expectProblem(await owner.api.patch(path, { role: 'member' }), 409, 'conflict');
    // The accepted member got the roles as last changed.
    const me = (await invitee.api.get('/me')).body;
    expect(me.organizations).toEqual([expect.objectContaining({ id: owner.orgId, role: 'editor' })]);
    expect(me.workspaces).toEqual([expect.objectContaining({ id: owner.workspaceId, role: 'viewer' })]);
  });

  it('withdraw: 204, the link dies with the same 404 as an unknown token, listed as withdrawn, a second withdraw is 409', async () => {
    const owner = await signedUp('withdraw');
    const member = await signedUp('member');
    const stranger = await signedUp('stranger');
    await addMember(owner, member, 'member');
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'member' });
    const path = `${invitations(owner)}/${invitation.id}`;
    expect((await preview(t)).status).toBe(200);

    expectProblem(await member.api.delete(path), 403, 'forbidden');
    expectProblem(await stranger.api.delete(path), 404, 'not_found');
    expect((await owner.api.delete(path)).status).toBe(204);
    const dead = await preview(t);
    expectProblem(dead, 404, 'not_found');
    expect(dead.body).toEqual((await preview(randomBytes(32).toString('base64url'))).body);
    expect(await statusOf(owner, invitation.id)).toBe('withdrawn');
    expectProblem(await owner.api.delete(path), 409, 'conflict');
    expectProblem(await owner.api.delete(`${invitations(owner)}/${randomUUID()}`), 404, 'not_found');
    const events = (await owner.api.get(`/orgs/${owner.orgId}/audit`)).body.items as { action: string }[];
    const about = (action: string) => events.findIndex((e) => e.action === action && JSON.stringify(e).includes(invitation.id));
    expect(about('invitation.withdrawn')).toBeGreaterThanOrEqual(0);
    expect(about('invitation.withdrawn')).toBeLessThan(about('invitation.created'));
    expect(events.filter((e) => e.action === 'invitation.withdrawn')).toHaveLength(1);

    // Withdrawn links cannot be accepted or declined either.
    const invitee = await userFor(invitation.email);
    expectProblem(await invitee.api.post(`/invitations/${t}/accept`), 404, 'not_found');
    expectProblem(await invitee.api.post(`/invitations/${t}/decline`), 404, 'not_found');
    expectProblem(await owner.api.patch(path, { role: 'editor' }), 409, 'conflict');
  });

  it('resend right after a send is refused: 429 rate_limited with Retry-After; nothing changes', async () => {
    const owner = await signedUp('resend');
    const member = await signedUp('member');
    const stranger = await signedUp('stranger');
    await addMember(owner, member, 'member');
    const address = freshAddress();
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: address, role: 'member' });
    const path = `${invitations(owner)}/${invitation.id}/resend`;

    const res = await owner.api.post(path);
    expectProblem(res, 429, 'rate_limited');
    expectRetryAfter(res, 60);
    expect((await preview(t)).status).toBe(200);
    expect(await emailsTo(address)).toHaveLength(1);
    const listed = (await allPages<{ id: string; expiresAt: string }>(owner.api, invitations(owner))).find((i) => i.id === invitation.id);
    expect(listed?.expiresAt).toBe(invitation.expiresAt);

    expectProblem(await member.api.post(path), 403, 'forbidden');
    expectProblem(await stranger.api.post(path), 404, 'not_found');
    expectProblem(await owner.api.post(`${invitations(owner)}/${randomUUID()}/resend`), 404, 'not_found');
  });
});

describe('invitations: the link', () => {
  it('unknown, garbage, used, withdrawn and declined tokens all answer the same 404', async () => {
    const owner = await signedUp('links');
    const accepted = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'member' });
    const withdrawn = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'member' });
    const declined = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'member' });
    expect((await (await userFor(accepted.invitation.email)).api.post(`/invitations/${accepted.token}/accept`)).status).toBe(200);
    expect((await owner.api.delete(`${invitations(owner)}/${withdrawn.invitation.id}`)).status).toBe(204);
    expect((await (await userFor(declined.invitation.email)).api.post(`/invitations/${declined.token}/decline`)).status).toBe(204);

    const unknown = await preview(randomBytes(32).toString('base64url'));
    expectProblem(unknown, 404, 'not_found');
    const others = [
      accepted.token,
      withdrawn.token,
      declined.token,
      'garbage',
      'x'.repeat(500),
      encodeURIComponent('../../orgs'),
      accepted.token.slice(0, 42),
      `${accepted.token}A`,
    ];
    for (const t of others) {
      const res = await preview(t);
      expectProblem(res, 404, 'not_found');
      expect(res.body, t).toEqual(unknown.body);
    }
  });

  it('accept: a new user gets a profile and exactly the invited org and workspaces; case-insensitive email; works once', async () => {
    const owner = await signedUp('Olga', 'Accept Org');
    const ws2 = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Field' })).body.id as string;
    const local = `case-${randomUUID().slice(0, 8)}`;
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, {
      email: `${local.toUpperCase()}@EXAMPLE.COM`,
      role: 'editor',
      workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }, { workspaceId: ws2, role: 'editor' }],
    });
    const invitee = await userFor(`${local}@example.com`);
    expectProblem(await invitee.api.get('/me'), 404, 'not_found');
    expectGatewayAnswer(await call('POST', `/invitations/${t}/accept`), 401);

    const res = await invitee.api.post(`/invitations/${t}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // The membership just created, in the shapes of GET /me's entries.
    expect(res.body).toEqual({
      organization: { id: owner.orgId, name: 'Accept Org', role: 'editor' },
      workspaces: expect.arrayContaining([
        { id: owner.workspaceId, name: 'Default', organizationId: owner.orgId, role: 'viewer', state: 'enabled', disabledReason: null },
        { id: ws2, name: 'Field', organizationId: owner.orgId, role: 'editor', state: 'enabled', disabledReason: null },
      ]),
    });
    expect(res.body.workspaces).toHaveLength(2);
    const me = await invitee.api.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: invitee.userId, email: `${local}@example.com`, defaultWorkspaceId: owner.workspaceId });
    expect(me.body.organizations).toEqual([res.body.organization]);
    expect(me.body.workspaces).toEqual(expect.arrayContaining(res.body.workspaces));
    expect(me.body.workspaces).toHaveLength(2);
    expect((await invitee.api.get(`/orgs/${owner.orgId}`)).status).toBe(200);
    expect((await invitee.api.get(`/workspaces/${ws2}`)).status).toBe(200);

    // Once only; the link is dead; the invitation is accepted; the directory shows the member.
    expectProblem(await invitee.api.post(`/invitations/${t}/accept`), 404, 'not_found');
    expectProblem(await preview(t), 404, 'not_found');
    expect(await statusOf(owner, invitation.id)).toBe('accepted');
    const directory = await allPages<any>(owner.api, `/orgs/${owner.orgId}/members`);
    const entries = directory.filter((m) => m.userId === invitee.userId || m.invitationId === invitation.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ userId: invitee.userId, status: 'active', role: 'editor', invitedBy: owner.userId, email: `${local}@example.com` });
    expect(entries[0].workspaces).toEqual(
      expect.arrayContaining([{ workspaceId: owner.workspaceId, role: 'viewer' }, { workspaceId: ws2, role: 'editor' }]),
    );

    // The audit log, newest first.
    const audit = await owner.api.get(`/orgs/${owner.orgId}/audit`);
    expect(audit.status).toBe(200);
    const events = audit.body.items as { action: string; at: string }[];
    const at = events.map((e) => Date.parse(e.at));
    expect(at).toEqual([...at].sort((a, b) => b - a));
    const index = (action: string) => events.findIndex((e) => e.action === action && JSON.stringify(e).includes(action.startsWith('invitation') ? invitation.id : invitee.userId));
    expect(index('invitation.created')).toBeGreaterThanOrEqual(0);
    expect(index('invitation.accepted')).toBeGreaterThanOrEqual(0);
    expect(index('member.joined')).toBeGreaterThanOrEqual(0);
    expect(index('invitation.accepted')).toBeLessThan(index('invitation.created'));
    expect(index('member.joined')).toBeLessThan(index('invitation.created'));
  });

  it('the link carries the invited workspaces (so accept reads everything in one BatchGet), kept in step by PATCH; a link without them still accepts', async () => {
    const owner = await signedUp('link-carries');
    const ws2 = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' })).body.id as string;
    const address = freshAddress();
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, {
      email: address,
      role: 'member',
      workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }],
    });
    expect(await storedLink(t)).toMatchObject({ orgId: owner.orgId, invitationId: invitation.id, workspaceIds: [owner.workspaceId] });
    const changed = await owner.api.patch(`${invitations(owner)}/${invitation.id}`, { workspaces: [{ workspaceId: ws2, role: 'editor' }] });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await storedLink(t))?.workspaceIds).toEqual([ws2]);
    // A role-only change leaves the link as it is.
    expect((await owner.api.patch(`${invitations(owner)}/${invitation.id}`, { role: 'editor' })).status).toBe(200);
    expect((await storedLink(t))?.workspaceIds).toEqual([ws2]);

    await forgetLinkWorkspaces(t);
    const invitee = await userFor(address);
    const res = await invitee.api.post(`/invitations/${t}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      organization: expect.objectContaining({ id: owner.orgId, role: 'editor' }),
      workspaces: [expect.objectContaining({ id: ws2, role: 'editor' })],
    });
    expect(await storedLink(t)).toBeUndefined();
  });

  it('accept: an existing user keeps their own org and gains this one', async () => {
    const owner = await signedUp('host');
    const guest = await signedUp('Guest');
    const { token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: guest.email.toUpperCase(), role: 'member' });
    const res = await guest.api.post(`/invitations/${t}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ organization: expect.objectContaining({ id: owner.orgId, role: 'member' }), workspaces: [] });
    const me = await guest.api.get('/me');
    expect(me.body.organizations.map((o: { id: string; role: string }) => [o.id, o.role]).sort()).toEqual(
      [[guest.orgId, 'owner'], [owner.orgId, 'member']].sort(),
    );
  });

  it('accept and decline need the invited email, verified: else 403 and the invitation stays pending', async () => {
    const owner = await signedUp('verify');
    const address = freshAddress('Verify');
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: address, role: 'member' });
    const unverified = await userFor(address.toLowerCase(), { emailVerified: false });
    const someoneElse = await signedUp('someone');

    for (const caller of [unverified, someoneElse]) {
      expectProblem(await caller.api.post(`/invitations/${t}/accept`), 403, 'forbidden');
      expectProblem(await caller.api.post(`/invitations/${t}/decline`), 403, 'forbidden');
    }
    expectProblem(await someoneElse.api.get(`/orgs/${owner.orgId}`), 404, 'not_found');
    expect(await statusOf(owner, invitation.id)).toBe('pending');
    expect((await preview(t)).status).toBe(200);

    const verified = await userFor(address);
    const res = await verified.api.post(`/invitations/${t}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.organization).toEqual(expect.objectContaining({ id: owner.orgId, role: 'member' }));
  });

  it('five parallel accepts: exactly one 200, the rest 404, one membership', async () => {
    const owner = await signedUp('race');
    const address = freshAddress();
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: address, role: 'editor' });
    const invitee = await userFor(address);
    const answers = await Promise.all(Array.from({ length: 5 }, () => invitee.api.post(`/invitations/${t}/accept`)));
    const statuses = answers.map((a) => a.status).sort((a, b) => a - b);
    expect(statuses, JSON.stringify(answers.map((a) => a.body))).toEqual([200, 404, 404, 404, 404]);
    const me = (await invitee.api.get('/me')).body;
    expect(me.organizations).toEqual([expect.objectContaining({ id: owner.orgId, role: 'editor' })]);
    const directory = await allPages<any>(owner.api, `/orgs/${owner.orgId}/members`);
    expect(directory.filter((m) => m.userId === invitee.userId)).toHaveLength(1);
    expect(directory.filter((m) => m.invitationId === invitation.id)).toHaveLength(0);
    expect(await statusOf(owner, invitation.id)).toBe('accepted');
  });

  it('decline: 204, the link dies, listed as declined, the invitee does not join', async () => {
    const owner = await signedUp('decline');
    const address = freshAddress();
    const { invitation, token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: address, role: 'member' });
    const invitee = await userFor(address.toLowerCase());
    expectGatewayAnswer(await call('POST', `/invitations/${t}/decline`), 401);
    expect((await invitee.api.post(`/invitations/${t}/decline`)).status).toBe(204);
    expectProblem(await preview(t), 404, 'not_found');
    expectProblem(await invitee.api.post(`/invitations/${t}/decline`), 404, 'not_found');
    expectProblem(await invitee.api.post(`/invitations/${t}/accept`), 404, 'not_found');
    expect(await statusOf(owner, invitation.id)).toBe('declined');
    expectProblem(await invitee.api.get(`/orgs/${owner.orgId}`), 404, 'not_found');
    const pending = await allPages<any>(owner.api, `/orgs/${owner.orgId}/members?status=pending`);
    expect(pending.filter((m) => m.invitationId === invitation.id)).toHaveLength(0);
  });
});

describe('invitations: the email', () => {
  it('escapes the message in the html part and shows the org logo when there is one', async () => {
    const owner = await signedUp('Escaper', 'Logo Org');
    const patched = await owner.api.patch(`/orgs/${owner.orgId}`, { logoUrl: 'https://cdn.example.com/l.png' });
    expect(patched.status).toBe(200);
    const message = '<script>alert(1)</script> & "you"';
    const { invitation, mail } = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'member', message });
    expect(invitation.message).toBe(message);
    expect(mail.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.body.html).not.toContain('<script>alert(1)</script>');
    expect(mail.body.html).not.toMatch(/<script/i);
    expect(mail.body.html).toContain('https://cdn.example.com/l.png');
    expect(mail.body.text).toContain('alert(1)');

    const plain = await signedUp('plain', 'Plain Org');
    const { mail: plainMail, invitation: plainInvitation } = await inviteAndGetToken(plain.api, plain.orgId, { email: freshAddress(), role: 'member' });
    expect(plainInvitation.message).toBeNull();
    expect(plainMail.body.html).not.toContain('cdn.example.com');
  });
});

describe('invitations: around the edges', () => {
  it('org and inviter names are escaped in the html part too', async () => {
    const owner = await signedUp('<i>Eve</i>', 'R&D <b>Lab</b>');
    const { mail } = await inviteAndGetToken(owner.api, owner.orgId, { email: freshAddress(), role: 'member' });
    expect(mail.body.html).not.toContain('<b>Lab</b>');
    expect(mail.body.html).not.toContain('<i>Eve</i>');
    expect(mail.body.html).toContain('&lt;b&gt;Lab&lt;/b&gt;');
  });

  it('a member who left or was removed can be invited again; an accepted invitee cannot', async () => {
    const owner = await signedUp('again-owner');
    const removed = await signedUp('removed');
    await addMember(owner, removed, 'member');
    expect((await owner.api.delete(`/orgs/${owner.orgId}/members/${removed.userId}`)).status).toBe(204);
    expect((await owner.api.post(invitations(owner), { email: removed.email, role: 'member' })).status).toBe(201);

    const address = freshAddress();
    const { token: t } = await inviteAndGetToken(owner.api, owner.orgId, { email: address, role: 'member' });
    const invitee = await userFor(address.toLowerCase());
    expect((await invitee.api.post(`/invitations/${t}/accept`)).status).toBe(200);
    expectProblem(await owner.api.post(invitations(owner), { email: address, role: 'member' }), 409, 'conflict');
    expect((await invitee.api.delete(`/orgs/${owner.orgId}/members/${invitee.userId}`)).status).toBe(204);
    expect((await owner.api.post(invitations(owner), { email: address, role: 'member' })).status).toBe(201);
  });

  it('a workspace deleted before the accept grants nothing; a deleted org takes its links with it', async () => {
    const owner = await signedUp('edges');
    const gone = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Gone' })).body.id as string;
    const address = freshAddress();
    const { token: t } = await inviteAndGetToken(owner.api, owner.orgId, {
      email: address,
      role: 'member',
      workspaces: [{ workspaceId: gone, role: 'viewer' }, { workspaceId: owner.workspaceId, role: 'viewer' }],
    });
    expect((await owner.api.delete(`/workspaces/${gone}`)).status).toBe(204);
    const invitee = await userFor(address);
    const res = await invitee.api.post(`/invitations/${t}/accept`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.workspaces.map((w: { id: string }) => w.id)).toEqual([owner.workspaceId]);
    expectProblem(await invitee.api.get(`/workspaces/${gone}`), 404, 'not_found');

    const doomed = await signedUp('doomed');
    const { token: d } = await inviteAndGetToken(doomed.api, doomed.orgId, { email: freshAddress(), role: 'member' });
    expect((await doomed.api.delete(`/orgs/${doomed.orgId}`)).status).toBe(204);
    expectProblem(await preview(d), 404, 'not_found');
  });
});
