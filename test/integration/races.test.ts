/**
 * Races not covered elsewhere, each followed by invariants read straight from the table:
 * one owner, the quota, one pending invitation per email, membership maps = workspace member
 * items = profile roles (no orphan `WS#w/MEMBER#u`), nothing left in a deleted workspace.
 */
import { describe, expect, it } from 'vitest';
import { newUser, signedUp, expectProblem, type Tenant, type User } from './support/api.js';
import { addMember } from './support/seed.js';
import { allPages, freshAddress, inviteAndGetToken } from './support/invitations.js';
import { configureRepositories } from './support/env.js';

async function table() {
  configureRepositories();
  const [{ queryAll, batchGet }, { keys }] = await Promise.all([import('#db/ops.js'), import('#db/keys.js')]);
  return { queryAll, batchGet, keys };
}

const QUOTA: Record<string, number> = { trial: 3, free: 1, pro: 3, enterprise: 100 };

/** The invariants of one organization, from the table itself (strongly consistent reads). */
async function expectConsistent(orgId: string): Promise<void> {
  const { queryAll, batchGet, keys } = await table();
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `ORG#${orgId}` }, ConsistentRead: true });
  const org = items.find((i) => i.SK === 'META')!;
  const members = items.filter((i) => String(i.SK).startsWith('MEMBER#'));
  expect(members.filter((m) => m.role === 'owner'), 'exactly one owner').toHaveLength(1);
  expect(org.memberCount ?? members.length, 'memberCount').toBe(members.length);

  // One live invitation per email, and each live one is what holds the email claim.
  const now = new Date().toISOString();
  const pending = items.filter((i) => String(i.SK).startsWith('INVITE#') && i.status === 'pending' && String(i.expiresAt) > now);
  const emails = pending.map((i) => i.email);
  expect(new Set(emails).size, `pending invitations per email: ${emails.join(', ')}`).toBe(emails.length);
  for (const inv of pending) {
    const claim = items.find((i) => i.SK === `EMAIL#${inv.email}`);
    expect(claim, `claim of ${inv.email}`).toMatchObject({ kind: 'invitation', invitationId: inv.id });
  }

  // Workspaces: the counter is the truth of the GSI and within the quota.
  const workspaces = await queryAll({
    IndexName: 'GSI1',
    KeyConditionExpression: 'GSI1PK = :pk AND begins_with(GSI1SK, :ws)',
    ExpressionAttributeValues: { ':pk': `ORG#${orgId}`, ':ws': 'WS#' },
  });
  expect(org.workspaceCount, 'workspaceCount').toBe(workspaces.length);
  expect(workspaces.length, `quota of ${String(org.plan)}`).toBeLessThanOrEqual(QUOTA[String(org.plan)]!);

  // Memberships ↔ workspace member items ↔ profile roles.
  const byUser = new Map(members.map((m) => [String(m.userId), m]));
  const profiles = await batchGet(members.map((m) => keys.user(String(m.userId))), { consistent: true });
  members.forEach((m, i) => expect((profiles[i]?.orgRoles as Record<string, string> | undefined)?.[orgId], `profile role of ${String(m.userId)}`).toBe(m.role));
  for (const w of workspaces) {
    const wsId = String(w.id);
    const wsMembers = await queryAll({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :m)',
      ExpressionAttributeValues: { ':pk': `WS#${wsId}`, ':m': 'MEMBER#' },
      ConsistentRead: true,
    });
    for (const wm of wsMembers) {
      const m = byUser.get(String(wm.userId));
      expect(m, `orphan WS#${wsId}/MEMBER#${String(wm.userId)}: no org membership`).toBeDefined();
      expect((m!.workspaces as Record<string, string> | undefined)?.[wsId], `membership map of ${String(wm.userId)} lists ${wsId}`).toBe(wm.role);
    }
    for (const m of members) {
      const role = (m.workspaces as Record<string, string> | undefined)?.[wsId];
      if (role) expect(wsMembers.some((wm) => wm.userId === m.userId), `map entry ${wsId} of ${String(m.userId)} has its item`).toBe(true);
    }
  }
}

async function partitionOf(workspaceId: string) {
  const { queryAll } = await table();
  return queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `WS#${workspaceId}` }, ConsistentRead: true });
}

async function withMember(owner: Tenant, label: string, role: 'admin' | 'editor' | 'member'): Promise<User> {
  const user = await signedUp(label);
  await addMember(owner, user, role);
  return user;
}

describe('races', () => {
  it('parallel invitations of one email (in any case): exactly one 201, the rest 409, one pending invitation', async () => {
    const owner = await signedUp('race-inviter');
    const admin = await withMember(owner, 'race-inv-admin', 'admin');
    const email = freshAddress('Twice');
    const variants = [email, email.toLowerCase(), email.toUpperCase()];
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? admin : owner).api.post(`/orgs/${owner.orgId}/invitations`, { email: variants[i % 3], role: 'member' })),
    );
    expect(answers.filter((a) => a.status === 201), JSON.stringify(answers.map((a) => a.status))).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 201)) expectProblem(a, 409, 'conflict');
    const listed = (await allPages(owner.api, `/orgs/${owner.orgId}/invitations?status=pending`)).filter((i) => i.email === email.toLowerCase());
    expect(listed).toHaveLength(1);
    expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body.pendingInvitations).toBe(1);
    await expectConsistent(owner.orgId);
  });

  it('an org role change racing a workspace-role grant: whatever wins, membership, workspace item and profile agree', async () => {
    for (let round = 0; round < 4; round++) {
      const owner = await signedUp(`race-rolegrant${round}`);
      const member = await withMember(owner, `race-rg-member${round}`, 'member');
      const [change, grant] = await Promise.all([
        owner.api.patch(`/orgs/${owner.orgId}/members/${member.userId}`, { role: round % 2 ? 'admin' : 'editor' }),
        owner.api.put(`/workspaces/${owner.workspaceId}/members/${member.userId}`, { role: 'viewer' }),
      ]);
      expect([200, 409, 503], JSON.stringify(change.body)).toContain(change.status);
      expect([200, 409, 503], JSON.stringify(grant.body)).toContain(grant.status);
      await expectConsistent(owner.orgId);
      // The member sees the workspace iff a role says so.
      const me = (await member.api.get(`/workspaces/${owner.workspaceId}`)).status;
      const orgRole = (await owner.api.get(`/orgs/${owner.orgId}/members/${member.userId}`)).body.role;
      if (orgRole === 'admin' || grant.status === 200) expect(me).toBe(200);
      else expect(me).toBe(404);
    }
  });

  it('a removal from the org racing workspace-role grants: never an orphan workspace membership', async () => {
    for (let round = 0; round < 4; round++) {
      const owner = await signedUp(`race-rmgrant${round}`);
      const second = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' });
      expect(second.status).toBe(201);
      const member = await withMember(owner, `race-rmg-member${round}`, 'member');
      const [removal, ...grants] = await Promise.all([
        owner.api.delete(`/orgs/${owner.orgId}/members/${member.userId}`),
        owner.api.put(`/workspaces/${owner.workspaceId}/members/${member.userId}`, { role: 'viewer' }),
        owner.api.put(`/workspaces/${second.body.id}/members/${member.userId}`, { role: 'editor' }),
      ]);
      expect([204, 409, 503], JSON.stringify(removal.body)).toContain(removal.status);
      for (const g of grants) expect([200, 404, 409, 503], JSON.stringify(g.body)).toContain(g.status);
      await expectConsistent(owner.orgId);
      for (const ws of [owner.workspaceId, second.body.id]) {
        const orphan = (await partitionOf(ws)).filter((i) => i.SK === `MEMBER#${member.userId}`);
        if (removal.status === 204) expect(orphan, `orphan in ${ws}`).toEqual([]);
      }
    }
  });

  it('a workspace delete racing device creates and a member grant in it: nothing survives in the deleted workspace', async () => {
    for (let round = 0; round < 3; round++) {
      const owner = await signedUp(`race-wsdel${round}`);
      const ws = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Doomed' });
      expect(ws.status).toBe(201);
      const id = ws.body.id as string;
      const member = await withMember(owner, `race-wsdel-m${round}`, 'member');
      const [deletion, grant, ...creates] = await Promise.all([
        owner.api.delete(`/workspaces/${id}`),
        owner.api.put(`/workspaces/${id}/members/${member.userId}`, { role: 'editor' }),
        ...Array.from({ length: 4 }, (_, i) => owner.api.post(`/workspaces/${id}/devices`, { name: `dev-${i}` })),
      ]);
      expect(deletion.status, JSON.stringify(deletion.body)).toBe(204);
      expect([200, 404, 409, 503]).toContain(grant.status);
      for (const c of creates) expect([201, 404, 409, 503], JSON.stringify(c.body)).toContain(c.status);
      expectProblem(await owner.api.get(`/workspaces/${id}`), 404, 'not_found');
      expect((await partitionOf(id)).map((i) => i.SK), 'items left in the deleted workspace').toEqual([]);
      // The deleted workspace's devices, however many were created in the race, leave the org's count.
      expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body).toMatchObject({ workspaces: 1, devices: 0 });
      await expectConsistent(owner.orgId);
    }
  });

  it('an upgrade free → pro racing creates at the quota boundary: never above pro, counter = workspaces listed', async () => {
    const owner = await signedUp('race-upgrade');
    expect((await owner.api.put(`/orgs/${owner.orgId}/plan`, { plan: 'free' })).status).toBe(200);
    const raced = await Promise.all([
      owner.api.put(`/orgs/${owner.orgId}/plan`, { plan: 'pro' }),
      ...Array.from({ length: 6 }, (_, i) => owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: `Up ${i}` })),
    ]);
    expect(raced[0]!.status).toBe(200);
    const created = raced.slice(1).filter((r) => r.status === 201).length;
    expect(created).toBeLessThanOrEqual(2);
    for (const r of raced.slice(1).filter((x) => x.status !== 201)) expect([409, 503]).toContain(r.status);
    expect((await allPages(owner.api, `/orgs/${owner.orgId}/workspaces`)).length).toBe(1 + created);
    await expectConsistent(owner.orgId);
    // After the race the quota is pro's, exactly.
    const more = await Promise.all(Array.from({ length: 4 }, (_, i) => owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: `After ${i}` })));
    expect(more.filter((r) => r.status === 201)).toHaveLength(2 - created);
    await expectConsistent(owner.orgId);
  });

  it('an accept racing a withdraw of the same invitation: one wins, and membership matches the invitation', async () => {
    for (let round = 0; round < 3; round++) {
      const owner = await signedUp(`race-withdraw${round}`);
      const invitee = await signedUp(`race-wd-invitee${round}`);
      const { invitation, token } = await inviteAndGetToken(owner.api, owner.orgId, { email: invitee.email, role: 'editor', workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }] });
      const [accept, withdraw] = await Promise.all([
        invitee.api.post(`/invitations/${token}/accept`),
        owner.api.delete(`/orgs/${owner.orgId}/invitations/${invitation.id}`),
      ]);
      expect([200, 404, 409], JSON.stringify(accept.body)).toContain(accept.status);
      expect([204, 404, 409], JSON.stringify(withdraw.body)).toContain(withdraw.status);
      expect(accept.status === 200 && withdraw.status === 204, 'both cannot win').toBe(false);
      const joined = (await invitee.api.get('/me')).body.organizations.some((o: { id: string }) => o.id === owner.orgId);
      expect(joined).toBe(accept.status === 200);
      expect((await invitee.api.get(`/workspaces/${owner.workspaceId}`)).status).toBe(joined ? 200 : 404);
      await expectConsistent(owner.orgId);
    }
  });

  it('a person without a profile accepting two organizations\' invitations at once: both succeed, one profile holds both roles', async () => {
    const rounds = 5;
    for (let round = 0; round < rounds; round++) {
      const [a, b] = await Promise.all([signedUp(`race-two-a${round}`), signedUp(`race-two-b${round}`)]);
      const invitee = await newUser(`race-two-invitee${round}`);
      const first = await inviteAndGetToken(a.api, a.orgId, { email: invitee.email, role: 'editor' });
      const second = await inviteAndGetToken(b.api, b.orgId, { email: invitee.email, role: 'member', workspaces: [{ workspaceId: b.workspaceId, role: 'viewer' }] });
      const answers = await Promise.all([invitee.api.post(`/invitations/${first.token}/accept`), invitee.api.post(`/invitations/${second.token}/accept`)]);
      expect(answers.map((r) => r.status), JSON.stringify(answers.map((r) => r.body))).toEqual([200, 200]);
      const { batchGet, keys } = await table();
      const [profile] = await batchGet([keys.user(invitee.userId)], { consistent: true });
      expect(profile?.orgRoles).toEqual({ [a.orgId]: 'editor', [b.orgId]: 'member' });
      expect((await invitee.api.get(`/workspaces/${b.workspaceId}`)).status).toBe(200);
      await expectConsistent(a.orgId);
      await expectConsistent(b.orgId);
    }
  });
});
