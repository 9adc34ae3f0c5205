/**
 * What the caller may do on the resource a request names, found with ONE BatchGet:
 * - org routes: the organization, the caller's membership and the caller's profile (for SSO);
 * - workspace routes: the workspace, the caller's explicit workspace role, and the caller's
 *   profile, whose `orgRoles` says whether they are an implicit admin through the org;
 * - device routes: the same, with the device the path names and the caller's grant on it.
 * A resource outside the caller's tenants is 404, exactly like one that does not exist. Which
 * loader a route uses, with which path parameters, is the scope registry's (`#auth/scopes.ts`).
 */
import type { Invitation } from '#domain/invitations.js';
import type { OrgMembership } from '#domain/members.js';
import type { Organization } from '#domain/organizations.js';
import type { UserProfile } from '#domain/users.js';
import type { Workspace } from '#domain/workspaces.js';
import type { WorkspaceMembership } from '#domain/workspace-members.js';
import type { Sim } from '#domain/sims.js';
import { toSim } from '#db/records/sims.js';
import type { IdentityProvider } from '#domain/identity-providers.js';
import { toIdentityProvider } from '#db/records/identity-providers.js';
import type { Webhook } from '#domain/webhooks.js';
import { toWebhook } from '#db/records/webhooks.js';
import { keys, type Key } from '#db/keys.js';
import { batchGet, type Item } from '#db/ops.js';
import { toInvitation } from '#db/records/invitations.js';
import { toMembership } from '#db/records/members.js';
import { toOrg } from '#db/records/organizations.js';
import { toProfile } from '#db/records/users.js';
import { toWorkspace } from '#db/records/workspaces.js';
import { toWorkspaceMembership } from '#db/records/workspace-members.js';
import { ForbiddenError, NotFoundError } from '#kernel/errors.js';
import type { Device } from '#domain/devices.js';
import type { DeviceGrant } from '#domain/device-grants.js';
import { listUserGrants } from '#db/repositories/device-grants.js';
import { toDevice } from '#db/records/devices.js';
import { toDeviceGrant } from '#db/records/device-grants.js';
import {
  deviceRoleAllows,
  grantAllows,
  isDeviceAction,
  isOrgAction,
  isWorkspaceOrgAction,
  orgRoleAllows,
  selfMay,
  workspaceOrgRoleAllows,
  workspaceRoleAllows,
  type Action,
  type OrgAction,
  type WorkspaceAction,
} from '#auth/policy.js';
import { effectiveWorkspaceRole, isImplicitWorkspaceAdmin, type OrgRole, type WorkspaceRole } from '#domain/roles.js';

/**
 * Who is asking, as every access object records it: the caller's id and the identity providers
 * their token came through (the `identities` claim), which the workspace SSO rule reads.
 */
export interface Caller {
  userId: string;
  identityProviders: readonly string[];
}

export interface OrgAccess extends Caller {
  kind: 'org';
  /** The caller. */
  userId: string;
  org: Organization;
  membership: OrgMembership;
  role: OrgRole;
  /** The caller's profile, read in the same BatchGet (the SSO check needs it). */
  profile: UserProfile | undefined;
  /**
   * What the path names besides the organization, read in the same BatchGet when the route asks
   * for it (`alsoReads`): `undefined` when not asked, `null` when there is no such item.
   */
  named: {
    member?: OrgMembership | null;
    memberProfile?: UserProfile | null;
    invitation?: Invitation | null;
    identityProvider?: IdentityProvider | null;
    webhook?: Webhook | null;
  };
}

/** Ids of what an org route's path names besides the organization, by what is read (see `OrgAccess.named`). */
export type OrgNamed = { [K in keyof OrgAccess['named']]?: string };

export interface WorkspaceAccess extends Caller {
  kind: 'workspace';
  /** The caller. */
  userId: string;
  workspace: Workspace;
  /** The caller's role in the workspace's organization, if any. */
  orgRole: OrgRole | undefined;
  /** Effective workspace role (explicit, or `admin` through org owner/admin). */
  role: WorkspaceRole;
  /** Admin through org owner/admin: cannot be removed from the workspace. */
  implicit: boolean;
  /** The caller's profile, read in the same BatchGet. */
  profile: UserProfile | undefined;
  /**
   * What the path names besides the workspace, read in the same BatchGet when the route asks for
   * it (`alsoReads`): `undefined` when not asked, `null` when there is no such item.
   */
  named: { memberProfile?: UserProfile | null; workspaceMember?: WorkspaceMembership | null; sim?: Sim | null };
}

/** Ids of what a workspace route's path names besides the workspace, by what is read (see `WorkspaceAccess.named`). */
export type WorkspaceNamed = { [K in keyof WorkspaceAccess['named']]?: string };

/**
 * Device routes (`/workspaces/{workspaceId}/devices…`): a workspace role, or for a caller with
 * none, per-device grants. A grant-only caller sees exactly the granted devices and nothing else.
 */
export interface DeviceAccess extends Caller {
  kind: 'device';
  /** The caller. */
  userId: string;
  workspace: Workspace;
  orgRole: OrgRole | undefined;
  /** Effective workspace role; undefined for a caller who holds only per-device grants. */
  role: WorkspaceRole | undefined;
  /**
   * The caller's grants that apply: on the device the path names, or, on the device list of a
   * caller without a role, all of theirs in the workspace.
   */
  grants: DeviceGrant[];
  /** The device the path names, read in the same BatchGet (undefined on the list). */
  device: Device | undefined;
  profile: UserProfile | undefined;
}

export type Access = OrgAccess | WorkspaceAccess | DeviceAccess;

export async function loadOrgAccess(orgId: string, caller: Caller, named: OrgNamed = {}): Promise<OrgAccess> {
  const { userId, identityProviders } = caller;
  // The profile rides along in the same round trip: the SSO check of every org route reads it.
  const [[orgItem, memberItem, profileItem], extra] = await readWith([keys.org(orgId), keys.orgMember(orgId, userId), keys.user(userId)], {
    member: named.member ? keys.orgMember(orgId, named.member) : undefined,
    memberProfile: named.memberProfile ? keys.user(named.memberProfile) : undefined,
    invitation: named.invitation ? keys.invitation(orgId, named.invitation) : undefined,
    identityProvider: named.identityProvider ? keys.identityProvider(orgId, named.identityProvider) : undefined,
    webhook: named.webhook ? keys.webhook(orgId, named.webhook) : undefined,
  });
  if (!orgItem || !memberItem || orgItem.deletedAt) throw new NotFoundError('No such organization.');
  const membership = toMembership(memberItem);
  return {
    kind: 'org',
    userId,
    identityProviders,
    org: toOrg(orgItem),
    membership,
    role: membership.role,
    profile: profileItem ? toProfile(profileItem) : undefined,
    named: {
      member: extra.member(toMembership),
      memberProfile: extra.memberProfile(toProfile),
      invitation: extra.invitation(toInvitation),
      identityProvider: extra.identityProvider(toIdentityProvider),
      webhook: extra.webhook(toWebhook),
    },
  };
}

export async function loadWorkspaceAccess(workspaceId: string, caller: Caller, named: WorkspaceNamed = {}): Promise<WorkspaceAccess> {
  const { userId, identityProviders } = caller;
  const [[wsItem, wsMemberItem, profileItem], extra] = await readWith(
    [keys.workspace(workspaceId), keys.workspaceMember(workspaceId, userId), keys.user(userId)],
    {
      memberProfile: named.memberProfile ? keys.user(named.memberProfile) : undefined,
      workspaceMember: named.workspaceMember ? keys.workspaceMember(workspaceId, named.workspaceMember) : undefined,
      sim: named.sim ? keys.sim(workspaceId, named.sim) : undefined,
    },
  );
  if (!wsItem) throw new NotFoundError('No such workspace.');
  const workspace = toWorkspace(wsItem);
  const profile = profileItem ? toProfile(profileItem) : undefined;
  const orgRole = profile?.orgRoles[workspace.orgId];
  const explicit = wsMemberItem && orgRole ? toWorkspaceMembership(wsMemberItem).role : undefined;
  const role = effectiveWorkspaceRole(orgRole, explicit);
  if (!role) throw new NotFoundError('No such workspace.');
  const implicit = isImplicitWorkspaceAdmin(orgRole);
  return {
    kind: 'workspace',
    userId,
    identityProviders,
    workspace,
    orgRole,
    role,
    implicit,
    profile,
    named: { memberProfile: extra.memberProfile(toProfile), workspaceMember: extra.workspaceMember(toWorkspaceMembership), sim: extra.sim(toSim) },
  };
}

/**
 * One strongly consistent BatchGet of `base` and of the `named` keys a route asks for besides
 * (an undefined key is not asked). Each named item comes back as a converter: `undefined` when
 * not asked, `null` when there is no such item.
 */
async function readWith<N extends string>(
  base: Key[],
  named: Record<N, Key | undefined>,
): Promise<[(Item | undefined)[], Record<N, <T>(to: (item: Item) => T) => T | null | undefined>]> {
  const asked = (Object.entries(named) as [N, Key | undefined][]).filter((e): e is [N, Key] => e[1] !== undefined);
  const items = await batchGet([...base, ...asked.map(([, key]) => key)], { consistent: true });
  const found = new Map(asked.map(([name], i) => [name, items[base.length + i] ?? null]));
  const extra = Object.fromEntries(
    (Object.keys(named) as N[]).map((name) => [
      name,
      <T>(to: (item: Item) => T): T | null | undefined => {
        if (!found.has(name)) return undefined;
        const item = found.get(name);
        return item ? to(item) : null;
      },
    ]),
  ) as Record<N, <T>(to: (item: Item) => T) => T | null | undefined>;
  return [items.slice(0, base.length), extra];
}

/**
 * Access to a workspace's devices, in ONE BatchGet: the workspace, the caller's explicit role and
 * profile (as for workspace routes) and, when the path names a device, that device and the
 * caller's grant on it. Only a caller with neither role nor a named device (the device list and
 * create) costs one more round trip, a Query of their grants in the workspace. Grants count only
 * for members of the workspace's organization.
 */
export async function loadDeviceAccess(workspaceId: string, caller: Caller, deviceId?: string): Promise<DeviceAccess> {
  const { userId, identityProviders } = caller;
  const [wsItem, wsMemberItem, profileItem, deviceItem, grantItem] = await batchGet(
    [
      keys.workspace(workspaceId),
      keys.workspaceMember(workspaceId, userId),
      keys.user(userId),
      ...(deviceId ? [keys.device(workspaceId, deviceId), keys.deviceGrant(workspaceId, userId, deviceId)] : []),
    ],
    { consistent: true },
  );
  if (!wsItem) throw new NotFoundError('No such workspace.');
  const workspace = toWorkspace(wsItem);
  const profile = profileItem ? toProfile(profileItem) : undefined;
  const orgRole = profile?.orgRoles[workspace.orgId];
  if (!orgRole) throw new NotFoundError('No such workspace.');
  const explicit = wsMemberItem ? toWorkspaceMembership(wsMemberItem).role : undefined;
  const role = effectiveWorkspaceRole(orgRole, explicit);
  const device = deviceItem ? toDevice(deviceItem) : undefined;
  const grants = deviceId ? (grantItem ? [toDeviceGrant(grantItem)] : []) : role ? [] : await listUserGrants(workspaceId, userId);
  if (!role && grants.length === 0) throw new NotFoundError('No such workspace.');
  if (deviceId && !device) throw new NotFoundError('No such device.');
  return { kind: 'device', userId, identityProviders, workspace, orgRole, role, grants, device, profile };
}

/**
 * Whether the loaded access allows `action` (no I/O). `subjectId`: the user the path names
 * (`{userId}`), for the actions anyone may perform on themselves (`SELF_ACTIONS` in the policy).
 */
export function allows(access: Access, action: Action, subjectId?: string): boolean {
  const self = subjectId !== undefined && subjectId === access.userId && selfMay(action);
  if (access.kind === 'org') return isOrgAction(action) && (self || orgRoleAllows(access.role, action));
  if (isOrgAction(action)) return false;
  if (isWorkspaceOrgAction(action)) return workspaceOrgRoleAllows(access.orgRole, action);
  if (access.kind === 'device') {
    if (!isDeviceAction(action)) return access.role !== undefined && (self || workspaceRoleAllows(access.role, action));
    return (access.role !== undefined && deviceRoleAllows(access.role, action)) || access.grants.some((g) => grantAllows(g.access, action));
  }
  return !isDeviceAction(action) && (self || workspaceRoleAllows(access.role, action));
}

/**
 * The one authorization check of a route's action. The caller can see the resource (else loading
 * it answered 404), so a role too low for the action is 403.
 */
export function authorize(access: Access, action: Action, subjectId?: string): void {
  if (allows(access, action, subjectId)) return;
  if (access.kind === 'device' && access.role === undefined) {
    // A grant shows single devices: anything beyond the granted device does not exist for them.
    if (!access.device) throw new NotFoundError('No such workspace.');
    throw new ForbiddenError(`Your access to this device (${access.grants[0]?.access ?? 'none'}) does not allow this.`);
  }
  if (access.kind !== 'org' && isWorkspaceOrgAction(action)) {
    throw new ForbiddenError(`Your role in the workspace's organization (${access.orgRole ?? 'none'}) does not allow this.`);
  }
  throw new ForbiddenError(`Your role (${access.role}) does not allow this.`);
}

export type { OrgAction, WorkspaceAction };
