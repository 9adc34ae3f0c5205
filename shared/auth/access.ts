/**
 * What the caller may do on the resource a request names, found with ONE BatchGet:
 * - org routes: the organization and the caller's membership;
 * - workspace routes: the workspace, the caller's explicit workspace role, and the caller's
 *   profile, whose `orgRoles` says whether they are an implicit admin through the org.
 * A resource outside the caller's tenants is 404, exactly like one that does not exist.
 */
import type { OrgMembership, Organization, Workspace } from '../domain/model.js';
import { keys } from '../db/keys.js';
import { batchGet } from '../db/ops.js';
import { toMembership, toOrg, toProfile, toWorkspace, toWorkspaceMembership } from '../db/repositories/records.js';
import { ForbiddenError, NotFoundError } from '../http/errors.js';
import {
  effectiveWorkspaceRole,
  IMPLICIT_WORKSPACE_ADMIN_ROLES,
  isOrgAction,
  orgRoleAllows,
  workspaceRoleAllows,
  type Action,
  type OrgAction,
  type OrgRole,
  type WorkspaceAction,
  type WorkspaceRole,
} from './policy.js';

export interface OrgAccess {
  kind: 'org';
  org: Organization;
  membership: OrgMembership;
  role: OrgRole;
}

export interface WorkspaceAccess {
  kind: 'workspace';
  workspace: Workspace;
  /** The caller's role in the workspace's organization, if any. */
  orgRole: OrgRole | undefined;
  /** Effective workspace role (explicit, or `admin` through org owner/admin). */
  role: WorkspaceRole;
  /** Admin through org owner/admin: cannot be removed from the workspace. */
  implicit: boolean;
}

export type Access = OrgAccess | WorkspaceAccess;

export async function loadOrgAccess(orgId: string, userId: string): Promise<OrgAccess> {
  const [orgItem, memberItem] = await batchGet([keys.org(orgId), keys.orgMember(orgId, userId)], { consistent: true });
  if (!orgItem || !memberItem || orgItem.deletedAt) throw new NotFoundError('No such organization.');
  const membership = toMembership(memberItem);
  return { kind: 'org', org: toOrg(orgItem), membership, role: membership.role };
}

export async function loadWorkspaceAccess(workspaceId: string, userId: string): Promise<WorkspaceAccess> {
  const [wsItem, wsMemberItem, profileItem] = await batchGet(
    [keys.workspace(workspaceId), keys.workspaceMember(workspaceId, userId), keys.user(userId)],
    { consistent: true },
  );
  if (!wsItem) throw new NotFoundError('No such workspace.');
  const workspace = toWorkspace(wsItem);
  const orgRole = profileItem ? toProfile(profileItem).orgRoles[workspace.orgId] : undefined;
  const explicit = wsMemberItem && orgRole ? toWorkspaceMembership(wsMemberItem).role : undefined;
  const role = effectiveWorkspaceRole(orgRole, explicit);
  if (!role) throw new NotFoundError('No such workspace.');
  const implicit = orgRole !== undefined && IMPLICIT_WORKSPACE_ADMIN_ROLES.includes(orgRole);
  return { kind: 'workspace', workspace, orgRole, role, implicit };
}

/** Whether the loaded access allows `action` (no I/O). */
export function allows(access: Access, action: Action): boolean {
  if (access.kind === 'org') return isOrgAction(action) && orgRoleAllows(access.role, action);
  return !isOrgAction(action) && workspaceRoleAllows(access.role, action as WorkspaceAction);
}

/**
 * The one authorization check. The caller can see the resource (else loading it answered
 * 404), so a role too low for the action is 403.
 */
export function authorize(access: Access, action: Action): void {
  if (!allows(access, action)) throw new ForbiddenError(`Your role (${access.role}) does not allow this.`);
}

export type { OrgAction, WorkspaceAction };
