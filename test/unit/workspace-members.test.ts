import { describe, expect, it } from 'vitest';
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';
import type { OrgMembership } from '#domain/members.js';
import { allows, type WorkspaceAccess } from '#auth/access.js';
import { planWorkspaceRole, workspaceRoleToRemove } from '#auth/decisions.js';
import { workspaceMemberEntries, workspaceMemberSortKey } from '#domain/workspace-members.js';
import { isImplicitWorkspaceAdmin } from '#domain/roles.js';
import { ConflictError, ForbiddenError, NotFoundError } from '#kernel/errors.js';

const membership = (userId: string, role: OrgRole, givenName = userId, familyName = 'X'): OrgMembership => ({
  orgId: 'o',
  userId,
  role,
  email: `${userId}@example.com`,
  givenName,
  familyName,
  invitedBy: null,
  invitedAt: null,
  memberSince: '2026-01-01T00:00:00.000Z',
  workspaces: {},
  version: 1,
});

const target = (orgRole: OrgRole | undefined, workspaceRole?: WorkspaceRole) => ({ orgRole, workspaceRole });

describe('implicit workspace admins', () => {
  it('are the org owner and admins only', () => {
    expect((['owner', 'admin', 'editor', 'member'] as const).map(isImplicitWorkspaceAdmin)).toEqual([true, true, false, false]);
    expect(isImplicitWorkspaceAdmin(undefined)).toBe(false);
  });
});

describe('the member list', () => {
  it('lists explicit members and implicit admins once each; an admin with an explicit item stays implicit admin', () => {
    const entries = workspaceMemberEntries(
      [
        { userId: 'ed', role: 'editor' },
        { userId: 'adm', role: 'viewer' },
        { userId: 'gone', role: 'viewer' },
      ],
      [membership('own', 'owner'), membership('adm', 'admin'), membership('ed', 'member')],
    );
    const byUser = Object.fromEntries(entries.map((e) => [e.member.userId, { role: e.workspaceRole, implicit: e.implicit }]));
    expect(byUser).toEqual({
      own: { role: 'admin', implicit: true },
      adm: { role: 'admin', implicit: true },
      ed: { role: 'editor', implicit: false },
    });
  });

  it('sorts by given then family name, case-insensitively, then by user id', () => {
    const entries = workspaceMemberEntries(
      [],
      [membership('3', 'admin', 'bob', 'A'), membership('2', 'admin', 'Anna', 'B'), membership('1', 'admin', 'ann', 'Z'), membership('0', 'admin', 'Bob', 'a')],
    );
    const order = [...entries].sort((x, y) => (workspaceMemberSortKey(x) < workspaceMemberSortKey(y) ? -1 : 1)).map((e) => e.member.userId);
    expect(order).toEqual(['1', '2', '0', '3']);
  });
});

describe('granting a workspace role', () => {
  /** An actor with this workspace role who may read the org's directory (an org editor). */
  const actor = (role: WorkspaceRole, orgRole: OrgRole = 'editor') => ({ role, orgRole });

  it('needs the target to be an org member (404) who is not an owner/admin (409)', () => {
    expect(() => planWorkspaceRole(actor('admin'), target(undefined), 'viewer')).toThrow(NotFoundError);
    expect(() => planWorkspaceRole(actor('admin'), target('owner'), 'viewer')).toThrow(ConflictError);
    expect(() => planWorkspaceRole(actor('admin'), target('admin', 'viewer'), 'viewer')).toThrow(ConflictError);
  });

  it('adds up to the actor’s own role', () => {
    expect(planWorkspaceRole(actor('editor'), target('member'), 'viewer')).toBe('add');
    expect(planWorkspaceRole(actor('editor'), target('editor'), 'editor')).toBe('add');
    expect(() => planWorkspaceRole(actor('editor'), target('member'), 'admin')).toThrow(ForbiddenError);
    expect(planWorkspaceRole(actor('admin'), target('member'), 'admin')).toBe('add');
    expect(() => planWorkspaceRole(actor('viewer'), target('member'), 'viewer')).toThrow(ForbiddenError);
  });

  it('changes an existing role only as workspace admin; the same role again is no change', () => {
    expect(() => planWorkspaceRole(actor('editor'), target('member', 'viewer'), 'editor')).toThrow(ForbiddenError);
    expect(planWorkspaceRole(actor('admin'), target('member', 'viewer'), 'editor')).toBe('change');
    expect(planWorkspaceRole(actor('admin'), target('member', 'admin'), 'viewer')).toBe('change');
    expect(planWorkspaceRole(actor('editor'), target('member', 'viewer'), 'viewer')).toBe('unchanged');
    expect(() => planWorkspaceRole(actor('editor'), target('member', 'admin'), 'admin')).toThrow(ForbiddenError);
  });
});

describe('removing a workspace member', () => {
  const actor = (userId: string, role: WorkspaceRole) => ({ kind: 'workspace', userId, role }) as unknown as WorkspaceAccess;

  it('anyone may leave; removing others needs workspace admin', () => {
    expect(allows(actor('a', 'viewer'), 'workspace.removeMember', 'a')).toBe(true);
    expect(allows(actor('a', 'editor'), 'workspace.removeMember', 'b')).toBe(false);
    expect(allows(actor('a', 'admin'), 'workspace.removeMember', 'b')).toBe(true);
    // Without the path's user (no subject) the self rule never applies.
    expect(allows(actor('a', 'viewer'), 'workspace.removeMember')).toBe(false);
  });

  it('implicit admins cannot be removed; unknown members are 404', () => {
    expect(workspaceRoleToRemove(target('member', 'editor'))).toBe('editor');
    expect(() => workspaceRoleToRemove(target('owner'))).toThrow(ConflictError);
    expect(() => workspaceRoleToRemove(target('admin', 'viewer'))).toThrow(ConflictError);
    expect(() => workspaceRoleToRemove(target('member'))).toThrow(NotFoundError);
    expect(() => workspaceRoleToRemove(target(undefined))).toThrow(NotFoundError);
  });
});

describe('granting a workspace role without the org directory (issue 13: the membership oracle)', () => {
  /** An org `member` with a workspace role: may add members here, may not read the org's directory. */
  const plain = (role: WorkspaceRole) => ({ role, orgRole: 'member' as const });
  const targets = { stranger: target(undefined), owner: target('owner'), admin: target('admin'), member: target('member'), editor: target('editor') };
  const answer = (f: () => unknown) => {
    try {
      return f();
    } catch (error) {
      return { refused: (error as Error).constructor.name, message: (error as Error).message };
    }
  };

  it('a role above one\'s own is the same 403 whoever the target, before anything about them shows', () => {
    const answers = Object.values(targets).map((t) => answer(() => planWorkspaceRole(plain('editor'), t, 'admin')));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ refused: 'ForbiddenError' });
  });

  it('no org member and an org owner or admin are the same 404; only an org member can be added', () => {
    for (const caller of [plain('editor'), plain('admin')]) {
      const refusals = [targets.stranger, targets.owner, targets.admin].map((t) => answer(() => planWorkspaceRole(caller, t, 'viewer')));
      expect(refusals).toEqual([refusals[0], refusals[0], refusals[0]]);
      expect(refusals[0]).toMatchObject({ refused: 'NotFoundError' });
      expect(planWorkspaceRole(caller, targets.member, 'viewer')).toBe('add');
    }
    // Those who may read the directory learn nothing new from the 409.
    expect(() => planWorkspaceRole({ role: 'admin', orgRole: 'admin' }, targets.admin, 'viewer')).toThrow(ConflictError);
  });
});
