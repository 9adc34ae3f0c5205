/**
 * The role matrix as data: each action names the organization roles, the workspace roles or
 * the per-device grant levels that may perform it, and which actions anyone may perform on
 * themselves. Only the authorization module (`#auth/access.ts`: `allows`, `authorize`) and the
 * decisions that depend on the target (`#auth/decisions.ts`) decide with it; the portal reads it
 * (portal/src/may.ts) to show only the controls a role may use. Data and pure functions only.
 */
import type { GrantLevel, OrgRole, WorkspaceRole } from '#domain/roles.js';

const ORG_ACTIONS = {
  /** See the org's name and the workspaces one belongs to. */
  'org.read': ['owner', 'admin', 'editor', 'member'],
  /** Open the org area: member list, invitations, overview. */
  'org.readMembers': ['owner', 'admin', 'editor'],
  /** See one member's entry (the org area); anyone may see their own (`SELF_ACTIONS`). */
  'org.readMember': ['owner', 'admin', 'editor'],
  'org.update': ['owner', 'admin', 'editor'],
  'org.invite': ['owner', 'admin', 'editor'],
  /** Change members' roles (never the owner's). */
  'org.manageMembers': ['owner', 'admin'],
  /** Remove a member (never the owner); anyone but the owner may leave (`SELF_ACTIONS`). */
  'org.removeMember': ['owner', 'admin'],
  'org.createWorkspace': ['owner', 'admin'],
  'org.readAudit': ['owner', 'admin'],
  /** See the organization's own identity providers. */
  'org.readIdentityProviders': ['owner', 'admin'],
  /** Register or remove the organization's own identity providers (SAML, OIDC). */
  'org.manageIdentityProviders': ['owner', 'admin'],
  /** See the organization's webhook endpoints and their delivery logs. */
  'org.readWebhooks': ['owner', 'admin'],
  /** Register, change, rotate, remove webhook endpoints; replay deliveries. */
  'org.manageWebhooks': ['owner', 'admin'],
  'org.changePlan': ['owner'],
  'org.transferOwnership': ['owner'],
  'org.delete': ['owner'],
} as const satisfies Record<string, readonly OrgRole[]>;

const WORKSPACE_ACTIONS = {
  'workspace.read': ['admin', 'editor', 'viewer'],
  'workspace.update': ['admin', 'editor'],
  'workspace.addMembers': ['admin', 'editor'],
  /** Change workspace members' roles. */
  'workspace.manageMembers': ['admin'],
  /** Remove a member's workspace role; anyone may leave (`SELF_ACTIONS`), implicit admins never. */
  'workspace.removeMember': ['admin'],
  'workspace.setSso': ['admin'],
  'workspace.delete': ['admin'],
  'workspace.writeAssets': ['admin', 'editor'],
  'workspace.deleteAssets': ['admin'],
  /** Move a SIM out of the workspace (and, for the target, into it): admin of both. */
  'workspace.transferSims': ['admin'],
} as const satisfies Record<string, readonly WorkspaceRole[]>;

/**
 * Workspace actions that the workspace's organization decides: the caller's role in that
 * organization counts, not their workspace role.
 */
const WORKSPACE_ORG_ACTIONS = {
  /** Move the workspace into another organization: owner/admin of its organization, and of the target. */
  'workspace.move': ['owner', 'admin'],
} as const satisfies Record<string, readonly OrgRole[]>;

/**
 * Actions on devices: the workspace roles that may perform them, and the per-device grant
 * levels that may (on the granted device only; a grant never reaches anything else).
 */
const DEVICE_ACTIONS = {
  'device.read': { roles: ['admin', 'editor', 'viewer'], grants: ['read', 'write'] },
  'device.create': { roles: ['admin', 'editor'], grants: [] },
  'device.write': { roles: ['admin', 'editor'], grants: ['write'] },
  'device.delete': { roles: ['admin'], grants: [] },
  /** Give or take per-device access. */
  'device.grant': { roles: ['admin'], grants: [] },
  /** See who holds per-device access: whoever may give it. */
  'device.readGrants': { roles: ['admin'], grants: [] },
} as const satisfies Record<string, { roles: readonly WorkspaceRole[]; grants: readonly GrantLevel[] }>;

export type OrgAction = keyof typeof ORG_ACTIONS;
export type WorkspaceRoleAction = keyof typeof WORKSPACE_ACTIONS;
export type WorkspaceOrgAction = keyof typeof WORKSPACE_ORG_ACTIONS;
export type WorkspaceAction = WorkspaceRoleAction | WorkspaceOrgAction;
export type DeviceAction = keyof typeof DEVICE_ACTIONS;
export type Action = OrgAction | WorkspaceAction | DeviceAction;

/**
 * Actions that any caller with access may perform on themselves, whatever their role: when the
 * user the path names (`{userId}`) is the caller. See one's own member entry; leave an
 * organization or a workspace (what the target's role forbids, the owner leaving or an implicit
 * admin leaving a workspace, is decided in `#auth/decisions.ts`).
 */
const SELF_ACTIONS: ReadonlySet<Action> = new Set<Action>(['org.readMember', 'org.removeMember', 'workspace.removeMember']);

export function isOrgAction(action: Action): action is OrgAction {
  return action in ORG_ACTIONS;
}

export function isWorkspaceOrgAction(action: Action): action is WorkspaceOrgAction {
  return action in WORKSPACE_ORG_ACTIONS;
}

export function isDeviceAction(action: Action): action is DeviceAction {
  return action in DEVICE_ACTIONS;
}

/** May anyone perform `action` on themselves? */
export function selfMay(action: Action): boolean {
  return SELF_ACTIONS.has(action);
}

/** May a holder of `role` in an organization perform `action`? */
export function orgRoleAllows(role: OrgRole, action: OrgAction): boolean {
  return (ORG_ACTIONS[action] as readonly OrgRole[]).includes(role);
}

/** May a holder of `orgRole` in a workspace's organization perform `action` on the workspace? */
export function workspaceOrgRoleAllows(orgRole: OrgRole | undefined, action: WorkspaceOrgAction): boolean {
  return orgRole !== undefined && (WORKSPACE_ORG_ACTIONS[action] as readonly OrgRole[]).includes(orgRole);
}

/** May a holder of `role` in a workspace perform `action`? */
export function workspaceRoleAllows(role: WorkspaceRole, action: WorkspaceRoleAction): boolean {
  return (WORKSPACE_ACTIONS[action] as readonly WorkspaceRole[]).includes(role);
}

/** May a holder of `role` in a device's workspace perform `action` on its devices? */
export function deviceRoleAllows(role: WorkspaceRole, action: DeviceAction): boolean {
  return (DEVICE_ACTIONS[action].roles as readonly WorkspaceRole[]).includes(role);
}

/** May a holder of a `level` grant on a device perform `action` on that device? */
export function grantAllows(level: GrantLevel, action: DeviceAction): boolean {
  return (DEVICE_ACTIONS[action].grants as readonly GrantLevel[]).includes(level);
}

/** Every action with the roles that may perform it, for documentation and tests. */
export const ROLE_MATRIX = {
  org: ORG_ACTIONS,
  workspace: WORKSPACE_ACTIONS,
  workspaceByOrgRole: WORKSPACE_ORG_ACTIONS,
  device: DEVICE_ACTIONS,
  self: SELF_ACTIONS,
} as const;
