import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allows, authorize, type OrgAccess, type WorkspaceAccess } from '#auth/access.js';
import { orgRoleAllows, ROLE_MATRIX, workspaceRoleAllows } from '#auth/policy.js';
import { effectiveWorkspaceRole, ORG_ROLES, WORKSPACE_ROLES, type OrgRole } from '#domain/roles.js';
import { ForbiddenError } from '#kernel/errors.js';

const orgAccess = (role: OrgRole) => ({ kind: 'org', role }) as unknown as OrgAccess;

describe('role matrix (API.md)', () => {
  it.each([
    ['org.read', ['owner', 'admin', 'editor', 'member']],
    ['org.readMembers', ['owner', 'admin', 'editor']],
    ['org.update', ['owner', 'admin', 'editor']],
    ['org.invite', ['owner', 'admin', 'editor']],
    ['org.manageMembers', ['owner', 'admin']],
    ['org.createWorkspace', ['owner', 'admin']],
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
    ['workspace.setSso', ['admin']],
    ['workspace.delete', ['admin']],
    ['workspace.writeAssets', ['admin', 'editor']],
    ['workspace.deleteAssets', ['admin']],
    ['workspace.transferSims', ['admin']],
  ] as const)('%s is allowed to exactly %j', (action, roles) => {
    expect(WORKSPACE_ROLES.filter((role) => workspaceRoleAllows(role, action))).toEqual(roles);
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
