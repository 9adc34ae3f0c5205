import { beforeAll, describe, expect, it } from 'vitest';
import { call, expectGatewayAnswer, expectProblem, newUser, signedUp, type Res, type Tenant } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { allPages } from './support/invitations.js';

/**
 * The member directory of one organization: five active members and three pending invitations.
 * Labels start with distinct letters, so email order is the alphabet; given and family names
 * sort the same way, so "name" order is unambiguous.
 */
interface Entry {
  userId?: string;
  invitationId?: string;
  email: string;
  givenName?: string;
  familyName?: string;
  role: string;
  status: string;
  invitedBy: string | null;
  invitedAt: string | null;
  memberSince?: string;
  workspaces: { workspaceId: string; role: string }[];
}

const RANK: Record<string, number> = { owner: 0, admin: 1, editor: 2, member: 3 };
const keyOf = (e: Entry): string => e.userId ?? `inv:${e.invitationId}`;

async function person(label: string, givenName: string, familyName: string): Promise<Tenant> {
  const user = await newUser(label);
  const res = await user.api.post('/signup', { givenName, familyName, organizationName: `${givenName} Org` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...user, orgId: res.body.organizations[0].id, workspaceId: res.body.workspaces[0].id };
}

let owner: Tenant;
let admin: Tenant;
let editor: Tenant;
let member: Tenant;
let elena: Tenant;
let stranger: Tenant;
const pending: { email: string; role: string; id: string }[] = [];
let directory: string;

beforeAll(async () => {
  owner = await person('ada', 'Ada', 'Ashford');
  [admin, editor, member, elena, stranger] = await Promise.all([
    person('bruno', 'Bruno', 'Baker'),
    person('carla', 'Carla', 'Castillo'),
    person('dmitri', 'Dmitri', 'Dunn'),
    person('elena', 'Elena', 'Evans'),
    signedUp('stranger'),
  ]);
  // One at a time, so invitedAt follows this order.
  await addMember(owner, admin, 'admin');
  await addMember(owner, editor, 'editor');
  await addMember(owner, member, 'member');
  await addMember(owner, elena, 'member');
  await addWorkspaceMember(owner.orgId, owner.workspaceId, elena, 'editor', owner.userId);
  for (const [label, role] of [['fiona', 'editor'], ['gustav', 'member'], ['hanna', 'admin']] as const) {
    const email = `${label}-${Math.random().toString(16).slice(2, 10)}@example.com`;
    const res = await owner.api.post(`/orgs/${owner.orgId}/invitations`, {
      email,
      role,
      ...(label === 'fiona' ? { workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }] } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    pending.push({ email, role, id: res.body.id });
  }
  directory = `/orgs/${owner.orgId}/members`;
});

const list = (query: string): Promise<Entry[]> => allPages<Entry>(owner.api, query ? `${directory}?${query}` : directory);
const emails = (entries: Entry[]): string[] => entries.map((e) => e.email);

describe('member directory', () => {
  it('lists active members and pending invitations, each in its shape', async () => {
    const all = await list('');
    expect(all).toHaveLength(8);
    const bruno = all.find((e) => e.userId === admin.userId);
    expect(bruno).toMatchObject({
      userId: admin.userId,
      email: admin.email,
      givenName: 'Bruno',
      familyName: 'Baker',
      role: 'admin',
      status: 'active',
      invitedBy: owner.userId,
      invitedAt: expect.any(String),
      memberSince: expect.any(String),
      workspaces: [],
    });
    expect(all.find((e) => e.userId === elena.userId)?.workspaces).toEqual([{ workspaceId: owner.workspaceId, role: 'editor' }]);
    expect(all.find((e) => e.userId === owner.userId)).toMatchObject({ role: 'owner', status: 'active', givenName: 'Ada' });

    const fiona = all.find((e) => e.invitationId === pending[0]!.id);
    expect(fiona).toMatchObject({
      invitationId: pending[0]!.id,
      email: pending[0]!.email,
      role: 'editor',
      status: 'pending',
      invitedBy: owner.userId,
      invitedAt: expect.any(String),
      workspaces: [{ workspaceId: owner.workspaceId, role: 'viewer' }],
    });
    expect(fiona).not.toHaveProperty('userId');
    expect(fiona).not.toHaveProperty('memberSince');
  });

  it('filters by status and role', async () => {
    const active = await list('status=active');
    expect(active.map((e) => e.userId).sort()).toEqual([owner, admin, editor, member, elena].map((p) => p.userId).sort());
    expect(active.every((e) => e.status === 'active')).toBe(true);

    const invited = await list('status=pending');
    expect(invited.map((e) => e.invitationId).sort()).toEqual(pending.map((p) => p.id).sort());
    expect(invited.every((e) => e.status === 'pending' && e.userId === undefined)).toBe(true);

    expect(emails(await list('role=editor')).sort()).toEqual([editor.email, pending[0]!.email].sort());
    expect(emails(await list('role=admin')).sort()).toEqual([admin.email, pending[2]!.email].sort());
    expect(emails(await list('role=owner'))).toEqual([owner.email]);
    expect(emails(await list('role=member')).sort()).toEqual([member.email, elena.email, pending[1]!.email].sort());
    expect(emails(await list('role=member&status=pending'))).toEqual([pending[1]!.email]);
    expect(emails(await list('role=editor&status=active'))).toEqual([editor.email]);
  });

  it('q matches a case-insensitive substring of given name, family name or email', async () => {
    expect(emails(await list('q=CASTILLO'))).toEqual([editor.email]);
    expect(emails(await list('q=astil'))).toEqual([editor.email]);
    expect(emails(await list('q=bRuN'))).toEqual([admin.email]);
    expect(emails(await list('q=Evans'))).toEqual([elena.email]);
    expect(emails(await list('q=GUSTAV'))).toEqual([pending[1]!.email]);
    expect(emails(await list(`q=${encodeURIComponent(member.email.toUpperCase())}`))).toEqual([member.email]);
    expect(await list('q=EXAMPLE.COM')).toHaveLength(8);
    expect(emails(await list('q=zzqx'))).toEqual([]);
    expect(emails(await list('q=example.com&status=pending&role=admin'))).toEqual([pending[2]!.email]);
  });

  it('sorts by email, name, role and invitedAt, both orders', async () => {
    const byEmail = [owner.email, admin.email, editor.email, member.email, elena.email, ...pending.map((p) => p.email)];
    expect(emails(await list('sort=email&order=asc'))).toEqual(byEmail);
    expect(emails(await list('sort=email&order=desc'))).toEqual([...byEmail].reverse());

    const byName = [owner, admin, editor, member, elena].map((p) => p.userId);
    expect((await list('sort=name&order=asc&status=active')).map((e) => e.userId)).toEqual(byName);
    expect((await list('sort=name&order=desc&status=active')).map((e) => e.userId)).toEqual([...byName].reverse());
    // With pending invitations mixed in, the active members keep their name order.
    const mixed = await list('sort=name&order=asc');
    expect(mixed).toHaveLength(8);
    expect(mixed.filter((e) => e.status === 'active').map((e) => e.userId)).toEqual(byName);

    for (const order of ['asc', 'desc'] as const) {
      const ranks = (await list(`sort=role&order=${order}`)).map((e) => RANK[e.role]!);
      expect(ranks).toHaveLength(8);
      expect(ranks).toEqual([...ranks].sort((a, b) => (order === 'asc' ? a - b : b - a)));
    }
    expect((await list('sort=role&order=asc'))[0]?.role).toBe('owner');
    expect((await list('sort=role&order=desc'))[0]?.role).toBe('member');

    for (const order of ['asc', 'desc'] as const) {
      const entries = await list(`sort=invitedAt&order=${order}`);
      expect(entries).toHaveLength(8);
      const times = entries.filter((e) => e.invitedAt !== null).map((e) => Date.parse(e.invitedAt!));
      expect(times).toEqual([...times].sort((a, b) => (order === 'asc' ? a - b : b - a)));
      // Entries without invitedAt (the founding owner) stay together at one end.
      const nulls = entries.map((e, i) => (e.invitedAt === null ? i : -1)).filter((i) => i >= 0);
      if (nulls.length > 0) expect(nulls[0] === 0 || nulls[nulls.length - 1] === entries.length - 1).toBe(true);
    }
    // Pending invitations were created after every seeded member joined.
    const asc = await list('sort=invitedAt&order=asc');
    const withTimes = asc.filter((e) => e.invitedAt !== null);
    expect(withTimes.slice(-3).map((e) => e.invitationId)).toEqual(pending.map((p) => p.id));
  });

  it('pages with limit and cursor serve every entry exactly once, in the order of the whole list', async () => {
    for (const sort of ['name', 'email', 'invitedAt', 'role']) {
      for (const order of ['asc', 'desc']) {
        const whole = (await list(`sort=${sort}&order=${order}`)).map(keyOf);
        for (const limit of [1, 3]) {
          const paged = (await allPages<Entry>(owner.api, `${directory}?sort=${sort}&order=${order}`, limit)).map(keyOf);
          expect(paged, `${sort} ${order} limit ${limit}`).toEqual(whole);
          expect(new Set(paged).size).toBe(8);
        }
      }
    }
    const filtered = (await allPages<Entry>(owner.api, `${directory}?status=active&sort=email&order=desc`, 2)).map(keyOf);
    expect(filtered).toHaveLength(5);
    expect(new Set(filtered).size).toBe(5);
  });

  it('a cursor only continues the list it came from: another sort, order or filter answers 400', async () => {
    const first: Res = await owner.api.get(`${directory}?sort=email&order=asc&limit=2`);
    expect(first.status).toBe(200);
    const cursor = encodeURIComponent(first.body.nextCursor);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect((await owner.api.get(`${directory}?sort=email&order=asc&limit=2&cursor=${cursor}`)).status).toBe(200);
    for (const other of ['sort=name&order=asc', 'sort=email&order=desc', 'sort=email&order=asc&status=active', 'sort=email&order=asc&role=member', 'sort=email&order=asc&q=example']) {
      expectProblem(await owner.api.get(`${directory}?${other}&limit=2&cursor=${cursor}`), 400, 'bad_request');
    }
    expectProblem(await owner.api.get(`${directory}?sort=email&order=asc&limit=2&cursor=${cursor}x`), 400, 'bad_request');
  });

  it('rejects unknown sort keys, orders, statuses and roles', async () => {
    for (const query of ['sort=age', 'order=sideways', 'status=gone', 'role=superuser', 'limit=0', 'limit=101']) {
      expectProblem(await owner.api.get(`${directory}?${query}`), 400, 'bad_request');
    }
  });

  it('owner, admin and editor may read it; members 403; strangers 404; no token 401', async () => {
    for (const reader of [owner, admin, editor]) {
      const res = await reader.api.get(`${directory}?status=pending`);
      expect(res.status).toBe(200);
      expect(res.body.items).toHaveLength(3);
    }
    expectProblem(await member.api.get(directory), 403, 'forbidden');
    expectProblem(await stranger.api.get(directory), 404, 'not_found');
    expectGatewayAnswer(await call('GET', directory), 401);
  });
});

describe('directory search box', () => {
  it('an empty q means no search', async () => {
    const owner = await signedUp('empty-q');
    const all = await owner.api.get(`/orgs/${owner.orgId}/members`);
    const empty = await owner.api.get(`/orgs/${owner.orgId}/members?q=`);
    expect(empty.status).toBe(200);
    expect(empty.body.items).toEqual(all.body.items);
  });
});
