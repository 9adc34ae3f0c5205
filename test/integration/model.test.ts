/**
 * Model-based authorization test (fast-check `fc.commands`): random sequences of sign-ups, org and
 * workspace creation, invitations (accepted through the link in the local SES inbox), org role
 * changes, removals and workspace role grants/removals, run against the real handlers through the
 * local gateway, side by side with a small reference model of API.md's role matrix. Every command
 * checks its own status against the model's, and CHECK commands ask, for a random caller and
 * resource, GET /orgs/{id}, GET /workspaces/{id}, GET /orgs/{id}/members and PATCH /orgs/{id}.
 * A divergence fails with the shrunk command sequence (every sequence runs after a fixed prefix:
 * u0 and u1 sign up, u1 joins org0 as member and u2 as editor, through invitations).
 *
 * `npm test` runs a few sequences (< 60 s); `npm run test:deep` (DEEP=1) runs many more.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newUser, type User } from './support/api.js';
import { emailTo, emailsTo, tokenOf } from './support/invitations.js';

const DEEP = process.env.DEEP === '1';
const NUM_RUNS = DEEP ? 150 : 15;
const MAX_COMMANDS = DEEP ? 60 : 30;
const USERS = 4;

type OrgRole = 'owner' | 'admin' | 'editor' | 'member';
type WsRole = 'admin' | 'editor' | 'viewer';
const ORG_RANK: Record<OrgRole, number> = { owner: 4, admin: 3, editor: 2, member: 1 };
const WS_RANK: Record<WsRole, number> = { admin: 3, editor: 2, viewer: 1 };
const QUOTA_TRIAL = 3;

interface MOrg {
  id: string;
  members: Map<number, OrgRole>;
  workspaces: number;
}
interface MWorkspace {
  id: string;
  org: number;
  /** Explicit roles, as the memberships' `workspaces` maps hold them (kept across org role changes). */
  roles: Map<number, WsRole>;
}
interface MInvitation {
  org: number;
  user: number;
  role: OrgRole;
  token: string;
  status: 'pending' | 'accepted';
}
interface Model {
  profile: boolean[];
  orgs: MOrg[];
  workspaces: MWorkspace[];
  invitations: MInvitation[];
}
interface Real {
  users: User[];
}

const implicitAdmin = (role: OrgRole | undefined) => role === 'owner' || role === 'admin';
/** The caller's effective role in a workspace, or undefined when they cannot see it. */
function effectiveWsRole(m: Model, w: MWorkspace, user: number): WsRole | undefined {
  if (!m.profile[user]) return undefined;
  const orgRole = m.orgs[w.org]!.members.get(user);
  if (!orgRole) return undefined;
  return implicitAdmin(orgRole) ? 'admin' : w.roles.get(user);
}

type Cmd = fc.AsyncCommand<Model, Real, boolean>;

/**
 * Actors: a user index, or -1 = the org's owner, -2 = its newest member (so that most commands are
 * made by someone who belongs there, and the interesting answers are not all 404).
 */
function actorOf(org: MOrg, actor: number): number {
  if (actor >= 0) return actor;
  const members = [...org.members.keys()];
  return actor === -1 ? members.find((u) => org.members.get(u) === 'owner') ?? members[0] ?? 0 : members[members.length - 1] ?? 0;
}

/** Targets: a user index, or -k = the org's k-th newest member. */
function targetOf(org: MOrg, target: number): number {
  if (target >= 0) return target;
  const members = [...org.members.keys()];
  return members[Math.max(0, members.length + target)] ?? 0;
}

abstract class Base implements Cmd {
  protected resolved = '';
  abstract label(): string;
  abstract check(m: Readonly<Model>): boolean;
  abstract run(m: Model, r: Real): Promise<void>;
  toString(): string {
    return this.resolved || this.label();
  }
  protected expectStatus(actual: { status: number; body: unknown }, expected: number): void {
    expect(actual.status, `${this.toString()}: expected ${expected}, got ${actual.status} ${JSON.stringify(actual.body)}`).toBe(expected);
  }
}

class SignUp extends Base {
  constructor(readonly user: number) {
    super();
  }
  label = () => `SignUp(u${this.user})`;
  check = (m: Readonly<Model>) => !m.profile[this.user];
  async run(m: Model, r: Real) {
    this.resolved = this.label();
    const res = await r.users[this.user]!.api.post('/signup', { givenName: `U${this.user}`, familyName: 'Model', organizationName: `Org of u${this.user}` });
    this.expectStatus(res, 201);
    m.profile[this.user] = true;
    m.orgs.push({ id: res.body.organizations[0].id, members: new Map([[this.user, 'owner']]), workspaces: 1 });
    m.workspaces.push({ id: res.body.workspaces[0].id, org: m.orgs.length - 1, roles: new Map() });
  }
}

class CreateOrg extends Base {
  constructor(readonly user: number) {
    super();
  }
  label = () => `CreateOrg(u${this.user})`;
  check = (m: Readonly<Model>) => m.orgs.length < 8;
  async run(m: Model, r: Real) {
    this.resolved = this.label();
    const res = await r.users[this.user]!.api.post('/orgs', { name: `Side org ${m.orgs.length}` });
    if (!m.profile[this.user]) return this.expectStatus(res, 404);
    this.expectStatus(res, 201);
    m.orgs.push({ id: res.body.id, members: new Map([[this.user, 'owner']]), workspaces: 0 });
  }
}

class CreateWorkspace extends Base {
  constructor(readonly actor: number, readonly org: number) {
    super();
  }
  label = () => `CreateWorkspace(u${this.actor}, org#${this.org})`;
  check = (m: Readonly<Model>) => m.orgs.length > 0;
  async run(m: Model, r: Real) {
    const orgIndex = this.org % m.orgs.length;
    const org = m.orgs[orgIndex]!;
    const actor = actorOf(org, this.actor);
    this.resolved = `CreateWorkspace(u${actor}, org${orgIndex})`;
    const role = org.members.get(actor);
    const res = await r.users[actor]!.api.post(`/orgs/${org.id}/workspaces`, { name: `W${m.workspaces.length}` });
    const expected = !role ? 404 : !implicitAdmin(role) ? 403 : org.workspaces >= QUOTA_TRIAL ? 409 : 201;
    this.expectStatus(res, expected);
    if (expected !== 201) return;
    org.workspaces++;
    m.workspaces.push({ id: res.body.id, org: orgIndex, roles: new Map() });
  }
}

class Invite extends Base {
  constructor(readonly actor: number, readonly org: number, readonly target: number, readonly role: OrgRole) {
    super();
  }
  label = () => `Invite(u${this.actor}, org#${this.org}, u${this.target}, ${this.role})`;
  check = (m: Readonly<Model>) => m.orgs.length > 0;
  async run(m: Model, r: Real) {
    const orgIndex = this.org % m.orgs.length;
    const org = m.orgs[orgIndex]!;
    const actor = actorOf(org, this.actor);
    this.resolved = `Invite(u${actor}, org${orgIndex}, u${this.target}, ${this.role})`;
    const actorRole = org.members.get(actor);
    const email = r.users[this.target]!.email;
    const before = (await emailsTo(email)).length;
    const res = await r.users[actor]!.api.post(`/orgs/${org.id}/invitations`, { email, role: this.role });
    const pending = m.invitations.some((i) => i.org === orgIndex && i.user === this.target && i.status === 'pending');
    const expected = !actorRole
      ? 404
      : actorRole === 'member' || ORG_RANK[this.role] > ORG_RANK[actorRole]
        ? 403
        : org.members.has(this.target) || pending
          ? 409
          : 201;
    this.expectStatus(res, expected);
    if (expected !== 201) return;
    expect(res.body.emailStatus, this.toString()).toBe('sent');
    const token = tokenOf(await emailTo(email, before));
    m.invitations.push({ org: orgIndex, user: this.target, role: this.role, token, status: 'pending' });
  }
}

class Accept extends Base {
  constructor(readonly invitation: number, readonly caller: number, readonly asInvitee: boolean) {
    super();
  }
  label = () => `Accept(inv#${this.invitation}, ${this.asInvitee ? 'invitee' : `u${this.caller}`})`;
  check = (m: Readonly<Model>) => m.invitations.length > 0;
  async run(m: Model, r: Real) {
    const index = m.invitations.length - 1 - (this.invitation % m.invitations.length); // newest first
    const inv = m.invitations[index]!;
    const caller = this.asInvitee ? inv.user : this.caller;
    this.resolved = `Accept(inv${index} [org${inv.org} u${inv.user} ${inv.role} ${inv.status}], by u${caller})`;
    const res = await r.users[caller]!.api.post(`/invitations/${inv.token}/accept`);
    const expected = inv.status !== 'pending' ? 404 : caller !== inv.user ? 403 : 200;
    this.expectStatus(res, expected);
    if (expected !== 200) return;
    inv.status = 'accepted';
    m.orgs[inv.org]!.members.set(inv.user, inv.role);
    m.profile[inv.user] = true;
  }
}

class ChangeOrgRole extends Base {
  constructor(readonly actor: number, readonly org: number, readonly target: number, readonly role: Exclude<OrgRole, 'owner'>) {
    super();
  }
  label = () => `ChangeOrgRole(u${this.actor}, org#${this.org}, u${this.target} → ${this.role})`;
  check = (m: Readonly<Model>) => m.orgs.length > 0;
  async run(m: Model, r: Real) {
    const orgIndex = this.org % m.orgs.length;
    const org = m.orgs[orgIndex]!;
    const actor = actorOf(org, this.actor);
    const target = targetOf(org, this.target);
    this.resolved = `ChangeOrgRole(u${actor}, org${orgIndex}, u${target} → ${this.role})`;
    const res = await r.users[actor]!.api.patch(`/orgs/${org.id}/members/${r.users[target]!.userId}`, { role: this.role });
    const actorRole = org.members.get(actor);
    const targetRole = org.members.get(target);
    const expected = !actorRole
      ? 404
      : !implicitAdmin(actorRole)
        ? 403
        : !targetRole
          ? 404
          : targetRole === 'owner' || ORG_RANK[this.role] > ORG_RANK[actorRole] || ORG_RANK[targetRole] > ORG_RANK[actorRole]
            ? 403
            : 200;
    this.expectStatus(res, expected);
    if (expected === 200) org.members.set(target, this.role);
  }
}

class RemoveMember extends Base {
  constructor(readonly actor: number, readonly org: number, readonly target: number) {
    super();
  }
  label = () => `RemoveMember(u${this.actor}, org#${this.org}, u${this.target})`;
  check = (m: Readonly<Model>) => m.orgs.length > 0;
  async run(m: Model, r: Real) {
    const orgIndex = this.org % m.orgs.length;
    const org = m.orgs[orgIndex]!;
    const actor = actorOf(org, this.actor);
    const target = targetOf(org, this.target);
    this.resolved = `RemoveMember(u${actor}, org${orgIndex}, u${target})`;
    const res = await r.users[actor]!.api.delete(`/orgs/${org.id}/members/${r.users[target]!.userId}`);
    const actorRole = org.members.get(actor);
    const targetRole = org.members.get(target);
    const leaving = actor === target;
    // Rights come before the lookup: someone who may not remove others learns nothing about who is a member.
    const expected = !actorRole
      ? 404
      : !leaving && !implicitAdmin(actorRole)
        ? 403
        : !targetRole
          ? 404
        : targetRole === 'owner'
          ? leaving
            ? 409
            : 403
          : leaving
            ? 204
            : !implicitAdmin(actorRole) || ORG_RANK[targetRole] > ORG_RANK[actorRole]
              ? 403
              : 204;
    this.expectStatus(res, expected);
    if (expected !== 204) return;
    org.members.delete(target);
    for (const w of m.workspaces) if (w.org === orgIndex) w.roles.delete(target);
  }
}

class SetWsRole extends Base {
  constructor(readonly actor: number, readonly ws: number, readonly target: number, readonly role: WsRole) {
    super();
  }
  label = () => `SetWsRole(u${this.actor}, ws#${this.ws}, u${this.target}, ${this.role})`;
  check = (m: Readonly<Model>) => m.workspaces.length > 0;
  async run(m: Model, r: Real) {
    const wsIndex = this.ws % m.workspaces.length;
    const w = m.workspaces[wsIndex]!;
    const actor = actorOf(m.orgs[w.org]!, this.actor);
    const target = targetOf(m.orgs[w.org]!, this.target);
    this.resolved = `SetWsRole(u${actor}, ws${wsIndex} [org${w.org}], u${target}, ${this.role})`;
    const res = await r.users[actor]!.api.put(`/workspaces/${w.id}/members/${r.users[target]!.userId}`, { role: this.role });
    const actorRole = effectiveWsRole(m, w, actor);
    const targetOrgRole = m.orgs[w.org]!.members.get(target);
    const current = w.roles.get(target);
    const change = current === undefined ? 'add' : current === this.role ? 'unchanged' : 'change';
    // The caller's rights first (a role above their own is 403 whoever the target); a caller who
    // may not read the org's directory (an org `member`) gets one 404 for no member and an org owner/admin.
    const readsDirectory = ['owner', 'admin', 'editor'].includes(m.orgs[w.org]!.members.get(actor) ?? '');
    const expected = !actorRole
      ? 404
      : actorRole === 'viewer'
        ? 403
        : WS_RANK[this.role] > WS_RANK[actorRole]
          ? 403
          : !targetOrgRole
            ? 404
            : implicitAdmin(targetOrgRole)
              ? readsDirectory ? 409 : 404
              : change === 'change' && actorRole !== 'admin'
                ? 403
                : 200;
    this.expectStatus(res, expected);
    if (expected === 200) w.roles.set(target, this.role);
  }
}

class RemoveWsRole extends Base {
  constructor(readonly actor: number, readonly ws: number, readonly target: number) {
    super();
  }
  label = () => `RemoveWsRole(u${this.actor}, ws#${this.ws}, u${this.target})`;
  check = (m: Readonly<Model>) => m.workspaces.length > 0;
  async run(m: Model, r: Real) {
    const wsIndex = this.ws % m.workspaces.length;
    const w = m.workspaces[wsIndex]!;
    const actor = actorOf(m.orgs[w.org]!, this.actor);
    const target = targetOf(m.orgs[w.org]!, this.target);
    this.resolved = `RemoveWsRole(u${actor}, ws${wsIndex} [org${w.org}], u${target})`;
    const res = await r.users[actor]!.api.delete(`/workspaces/${w.id}/members/${r.users[target]!.userId}`);
    const actorRole = effectiveWsRole(m, w, actor);
    const targetOrgRole = m.orgs[w.org]!.members.get(target);
    const leaving = actor === target;
    const expected = !actorRole
      ? 404
      : !leaving && actorRole !== 'admin'
        ? 403
        : !targetOrgRole
          ? 404
          : implicitAdmin(targetOrgRole)
            ? 409
            : !w.roles.has(target)
              ? 404
              : 204;
    this.expectStatus(res, expected);
    if (expected === 204) w.roles.delete(target);
  }
}

type CheckKind = 'GET org' | 'GET members' | 'PATCH org' | 'GET workspace';
class Check extends Base {
  constructor(readonly actor: number, readonly kind: CheckKind, readonly resource: number, readonly unknown: boolean) {
    super();
  }
  label = () => `CHECK ${this.kind}(u${this.actor}, #${this.resource}${this.unknown ? ', unknown id' : ''})`;
  check = (m: Readonly<Model>) => (this.kind === 'GET workspace' ? m.workspaces.length > 0 : m.orgs.length > 0);
  async run(m: Model, r: Real) {
    const api = r.users[this.actor]!.api;
    if (this.kind === 'GET workspace') {
      const wsIndex = this.resource % m.workspaces.length;
      const w = m.workspaces[wsIndex]!;
      const id = this.unknown ? randomUUID() : w.id;
      this.resolved = `CHECK GET /workspaces/${this.unknown ? '<unknown>' : `ws${wsIndex} [org${w.org}]`} as u${this.actor}`;
      const role = this.unknown ? undefined : effectiveWsRole(m, w, this.actor);
      const res = await api.get(`/workspaces/${id}`);
      this.expectStatus(res, role ? 200 : 404);
      if (role) expect(res.body.role, this.toString()).toBe(role);
      return;
    }
    const orgIndex = this.resource % m.orgs.length;
    const org = m.orgs[orgIndex]!;
    const id = this.unknown ? randomUUID() : org.id;
    const role = this.unknown ? undefined : org.members.get(this.actor);
    const path = this.kind === 'GET members' ? `/orgs/${id}/members` : `/orgs/${id}`;
    this.resolved = `CHECK ${this.kind.split(' ')[0]} ${path.replace(id, this.unknown ? '<unknown>' : `org${orgIndex}`)} as u${this.actor}`;
    const res = this.kind === 'PATCH org' ? await api.patch(path, { description: 'checked by the model' }) : await api.get(path);
    const expected = !role ? 404 : this.kind === 'GET org' || role !== 'member' ? 200 : 403;
    this.expectStatus(res, expected);
    if (this.kind === 'GET members' && expected === 200) {
      // The directory lists exactly the model's active members, with their roles.
      const active = (res.body.items as { userId?: string; role: string; status: string }[]).filter((i) => i.status === 'active');
      const byId = new Map(r.users.map((u, i) => [u.userId, i]));
      const seen = new Map(active.map((i) => [byId.get(i.userId!), i.role]));
      expect(seen, this.toString()).toEqual(org.members);
    }
  }
}

const user = fc.nat({ max: USERS - 1 });
const pick = fc.nat({ max: 50 });
/** Mostly someone of the org (its owner or newest member), sometimes anyone. */
const target = fc.oneof({ arbitrary: user, weight: 1 }, { arbitrary: fc.constantFrom(-1, -2, -3), weight: 2 });
const actor = fc.oneof({ arbitrary: user, weight: 2 }, { arbitrary: fc.constantFrom(-1, -2), weight: 3 });
const commands = [
  user.map((u) => new SignUp(u)),
  user.map((u) => new CreateOrg(u)),
  fc.tuple(actor, pick).map(([a, o]) => new CreateWorkspace(a, o)),
  ...Array.from({ length: 3 }, () =>
    fc.tuple(actor, pick, user, fc.constantFrom<OrgRole>('admin', 'editor', 'member')).map(([a, o, t, role]) => new Invite(a, o, t, role)),
  ),
  ...Array.from({ length: 3 }, () =>
    fc.tuple(fc.nat({ max: 3 }), user, fc.nat({ max: 4 })).map(([i, c, n]) => new Accept(i, c, n > 0)),
  ),
  fc.tuple(actor, pick, target, fc.constantFrom('admin', 'editor', 'member' as const)).map(([a, o, t, role]) => new ChangeOrgRole(a, o, t, role)),
  fc.tuple(actor, pick, target).map(([a, o, t]) => new RemoveMember(a, o, t)),
  ...Array.from({ length: 2 }, () =>
    fc.tuple(actor, pick, target, fc.constantFrom<WsRole>('admin', 'editor', 'viewer')).map(([a, w, t, role]) => new SetWsRole(a, w, t, role)),
  ),
  fc.tuple(actor, pick, target).map(([a, w, t]) => new RemoveWsRole(a, w, t)),
  ...(['GET org', 'GET members', 'PATCH org', 'GET workspace'] as const).map((kind) =>
    fc.tuple(user, pick, fc.boolean(), fc.nat({ max: 9 })).map(([a, res, _, n]) => new Check(a, kind, res, n === 0)),
  ),
];

describe('authorization follows the reference model', () => {
  it(
    `random command sequences (${NUM_RUNS} runs of up to ${MAX_COMMANDS} commands, ${USERS} users)`,
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: MAX_COMMANDS, size: 'max' }), async (cmds) => {
          const users = await Promise.all(Array.from({ length: USERS }, (_, i) => newUser(`model${i}`)));
          const model: Model = { profile: users.map(() => false), orgs: [], workspaces: [], invitations: [] };
          // Sequences start from an org with a few members so that most commands have something to act on.
          const start: Cmd[] = [new SignUp(0), new SignUp(1), new Invite(-1, 0, 1, 'member'), new Accept(0, 0, true), new Invite(-1, 0, 2, 'editor'), new Accept(0, 0, true)];
          await fc.asyncModelRun(() => ({ model, real: { users } }), [...start, ...cmds]);
        }),
        { numRuns: NUM_RUNS, interruptAfterTimeLimit: DEEP ? undefined : 50_000 },
      );
    },
    DEEP ? 1_800_000 : 120_000,
  );
});
