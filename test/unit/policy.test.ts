import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allows, authorize, type OrgAccess, type WorkspaceAccess } from '#auth/access.js';
import { isDeviceAction, orgRoleAllows, ROLE_MATRIX, workspaceOrgRoleAllows, workspaceRoleAllows } from '#auth/policy.js';
import { routeList } from '#functions/routes.js';
import { effectiveWorkspaceRole, ORG_ROLES, WORKSPACE_ROLES, type OrgRole, type WorkspaceRole } from '#domain/roles.js';
import { ForbiddenError } from '#kernel/errors.js';

const orgAccess = (role: OrgRole, userId = 'me') => ({ kind: 'org', userId, role }) as unknown as OrgAccess;
const workspaceAccess = (role: WorkspaceRole, orgRole?: OrgRole, userId = 'me') =>
  ({ kind: 'workspace', userId, role, orgRole }) as unknown as WorkspaceAccess;

describe('role matrix (API.md)', () => {
  it.each([
    ['org.read', ['owner', 'admin', 'editor', 'member']],
    ['org.readMembers', ['owner', 'admin', 'editor']],
    ['org.readMember', ['owner', 'admin', 'editor']],
    ['org.update', ['owner', 'admin', 'editor']],
    ['org.invite', ['owner', 'admin', 'editor']],
    ['org.manageMembers', ['owner', 'admin']],
    ['org.removeMember', ['owner', 'admin']],
    ['org.createWorkspace', ['owner', 'admin']],
    ['org.readIdentityProviders', ['owner', 'admin']],
    ['org.manageIdentityProviders', ['owner', 'admin']],
    ['org.changePlan', ['owner']],
    ['org.transferOwnership', ['owner']],
    ['org.delete', ['owner']],
  ] as const)('%s is allowed to exactly %j', (action, roles) => {
    expect(ORG_ROLES.filter((role) => orgRoleAllows(role, action))).toEqual(roles);
  });

  it.each([
    ['workspace.read', ['admin', 'editor', 'viewer']],
    ['workspace.update', ['admin', 'editor']],
    ['workspace.addMembers', ['admin', 'editor']],
    ['workspace.manageMembers', ['admin']],
    ['workspace.removeMember', ['admin']],
    ['workspace.setSso', ['admin']],
    ['workspace.delete', ['admin']],
    ['workspace.writeAssets', ['admin', 'editor']],
    ['workspace.deleteAssets', ['admin']],
    ['workspace.transferSims', ['admin']],
  ] as const)('%s is allowed to exactly %j', (action, roles) => {
    expect(WORKSPACE_ROLES.filter((role) => workspaceRoleAllows(role, action))).toEqual(roles);
  });

  it('moving a workspace is decided by the org role in its organization, not by the workspace role', () => {
    expect(ORG_ROLES.filter((role) => workspaceOrgRoleAllows(role, 'workspace.move'))).toEqual(['owner', 'admin']);
    expect(workspaceOrgRoleAllows(undefined, 'workspace.move')).toBe(false);
    expect(allows(workspaceAccess('admin', 'member'), 'workspace.move')).toBe(false);
    expect(() => authorize(workspaceAccess('admin', 'editor'), 'workspace.move')).toThrow(ForbiddenError);
    expect(allows(workspaceAccess('admin', 'admin'), 'workspace.move')).toBe(true);
  });

  it('anyone may see their own member entry and leave; on others the role decides', () => {
    expect([...ROLE_MATRIX.self].sort()).toEqual(['org.readMember', 'org.removeMember', 'workspace.removeMember']);
    for (const role of ORG_ROLES) {
      expect(allows(orgAccess(role), 'org.removeMember', 'me')).toBe(true);
      expect(allows(orgAccess(role), 'org.readMember', 'me')).toBe(true);
      expect(allows(orgAccess(role), 'org.removeMember', 'them')).toBe(orgRoleAllows(role, 'org.removeMember'));
      expect(allows(orgAccess(role), 'org.readMember', 'them')).toBe(orgRoleAllows(role, 'org.readMember'));
      // The self rule is no rule for actions that are not in it.
      expect(allows(orgAccess(role), 'org.manageMembers', 'me')).toBe(orgRoleAllows(role, 'org.manageMembers'));
    }
    expect(() => authorize(orgAccess('member'), 'org.removeMember', 'them')).toThrow(ForbiddenError);
    expect(() => authorize(orgAccess('member'), 'org.removeMember', 'me')).not.toThrow();
    for (const role of WORKSPACE_ROLES) expect(allows(workspaceAccess(role), 'workspace.removeMember', 'me')).toBe(true);
    // Self actions of one kind never open the other kind.
    expect(allows(workspaceAccess('viewer'), 'org.removeMember', 'me')).toBe(false);
  });

  it('every route that changes something declares an action that is not a read', () => {
    const reads = (action: string) => /\.read/.test(action);
    const mutating = routeList.filter((route) => route.method !== 'GET' && route.action !== undefined);
    expect(mutating.length).toBeGreaterThan(20);
    expect(mutating.filter((route) => reads(route.action!)).map((route) => `${route.key}: ${route.action}`)).toEqual([]);
    // And no read route asks for a changing action, so the test above holds the names honest both ways.
    const readRoutes = routeList.filter((route) => route.method === 'GET' && route.action !== undefined);
    expect(readRoutes.filter((route) => !reads(route.action!)).map((route) => route.key)).toEqual([]);
  });

  it('self actions are org or workspace actions, never device actions (a grant is no one\'s own)', () => {
    for (const action of ROLE_MATRIX.self) expect(isDeviceAction(action)).toBe(false);
  });

  it('org owners and admins are implicit workspace admins; editors and members are not', () => {
    expect(effectiveWorkspaceRole('owner', undefined)).toBe('admin');
    expect(effectiveWorkspaceRole('admin', 'viewer')).toBe('admin');
    expect(effectiveWorkspaceRole('editor', undefined)).toBeUndefined();
    expect(effectiveWorkspaceRole('member', 'editor')).toBe('editor');
    expect(effectiveWorkspaceRole(undefined, undefined)).toBeUndefined();
  });

  it('a higher org role is allowed everything a lower one is (monotone)', () => {
    const actions = Object.keys(ROLE_MATRIX.org) as (keyof typeof ROLE_MATRIX.org)[];
    fc.assert(
      fc.property(fc.constantFrom(...actions), fc.integer({ min: 0, max: 2 }), (action, i) => {
        const higher = ORG_ROLES[i]!;
        const lower = ORG_ROLES[i + 1]!;
        return !orgRoleAllows(lower, action) || orgRoleAllows(higher, action);
      }),
    );
  });

  it('authorize() throws 403 when the role is too low, and never mixes org and workspace actions', () => {
    expect(() => authorize(orgAccess('member'), 'org.update')).toThrow(ForbiddenError);
    expect(() => authorize(orgAccess('owner'), 'org.delete')).not.toThrow();
    expect(allows(orgAccess('owner'), 'workspace.read')).toBe(false);
    expect(allows({ kind: 'workspace', role: 'admin' } as unknown as WorkspaceAccess, 'org.read')).toBe(false);
  });
});
