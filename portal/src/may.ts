/**
 * What the signed-in person may do, for showing only the controls that will work: read from the
 * API's own policy (shared/auth/policy.ts, data and pure functions), so that the portal and the
 * API cannot disagree about a role. The API still decides every request.
 */
import { orgRoleAllows, workspaceOrgRoleAllows, workspaceRoleAllows, type OrgAction, type WorkspaceOrgAction, type WorkspaceRoleAction } from '../../shared/auth/policy.js';
import type { OrgRole, WorkspaceRole } from '../../shared/domain/roles.js';

export const mayInOrg = (role: OrgRole | undefined, action: OrgAction): boolean => role !== undefined && orgRoleAllows(role, action);
export const mayInWorkspaceOrg = (role: OrgRole | undefined, action: WorkspaceOrgAction): boolean => workspaceOrgRoleAllows(role, action);
export const mayInWorkspace = (role: WorkspaceRole | undefined, action: WorkspaceRoleAction): boolean => role !== undefined && workspaceRoleAllows(role, action);
