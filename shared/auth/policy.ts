/**
 * The role matrix as data: each action names the organization roles, the workspace roles or
 * the per-device grant levels that may perform it. Only the authorization module
 * (`#auth/access.ts`: `allows`, `authorize`) reads it.
 */
import type { GrantLevel, OrgRole, WorkspaceRole } from '#domain/roles.js';

const ORG_ACTIONS = {
  /** See the org's name and the workspaces one belongs to. */
  'org.read': ['owner', 'admin', 'editor', 'member'],
  /** Open the org area: member list, invitations, overview. */
  'org.readMembers': ['owner', 'admin', 'editor'],
  'org.update': ['owner', 'admin', 'editor'],
  'org.invite': ['owner', 'admin', 'editor'],
  /** Change or remove members (never the owner). */
  'org.manageMembers': ['owner', 'admin'],
  'org.createWorkspace': ['owner', 'admin'],
  'org.moveWorkspace': ['owner', 'admin'],
  'org.readAudit': ['owner', 'admin'],
  'org.changePlan': ['owner'],
  'org.transferOwnership': ['owner'],
  'org.delete': ['owner'],
} as const satisfies Record<string, readonly OrgRole[]>;

const WORKSPACE_ACTIONS = {
  'workspace.read': ['admin', 'editor', 'viewer'],
  'workspace.update': ['admin', 'editor'],
  'workspace.addMembers': ['admin', 'editor'],
  /** Change/remove workspace members. */
  'workspace.manageMembers': ['admin'],
  'workspace.setSso': ['admin'],
  'workspace.delete': ['admin'],
  'workspace.writeAssets': ['admin', 'editor'],
  'workspace.deleteAssets': ['admin'],
  /** Move a SIM out of the workspace (and, for the target, into it): admin of both. */
  'workspace.transferSims': ['admin'],
} as const satisfies Record<string, readonly WorkspaceRole[]>;

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
} as const satisfies Record<string, { roles: readonly WorkspaceRole[]; grants: readonly GrantLevel[] }>;

export type OrgAction = keyof typeof ORG_ACTIONS;
export type WorkspaceAction = keyof typeof WORKSPACE_ACTIONS;
export type DeviceAction = keyof typeof DEVICE_ACTIONS;
export type Action = OrgAction | WorkspaceAction | DeviceAction;

export function isOrgAction(action: Action): action is OrgAction {
  return action in ORG_ACTIONS;
}

/** May a holder of `role` in an organization perform `action`? */
export function orgRoleAllows(role: OrgRole, action: OrgAction): boolean {
  return (ORG_ACTIONS[action] as readonly OrgRole[]).includes(role);
}

/** May a holder of `role` in a workspace perform `action`? */
export function workspaceRoleAllows(role: WorkspaceRole, action: WorkspaceAction): boolean {
  return (WORKSPACE_ACTIONS[action] as readonly WorkspaceRole[]).includes(role);
}

export function isDeviceAction(action: Action): action is DeviceAction {
  return action in DEVICE_ACTIONS;
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
export const ROLE_MATRIX = { org: ORG_ACTIONS, workspace: WORKSPACE_ACTIONS, device: DEVICE_ACTIONS } as const;
