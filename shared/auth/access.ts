/**
 * What the caller may do on the resource a request names, found with ONE BatchGet:
 * - org routes: the organization, the caller's membership and the caller's profile (for SSO);
 * - workspace routes: the workspace, the caller's explicit workspace role, and the caller's
 *   profile, whose `orgRoles` says whether they are an implicit admin through the org.
 * A resource outside the caller's tenants is 404, exactly like one that does not exist.
 */
import type { Invitation } from '#domain/invitations.js';
import type { OrgMembership } from '#domain/members.js';
import type { Organization } from '#domain/organizations.js';
import type { UserProfile } from '#domain/users.js';
import type { Workspace } from '#domain/workspaces.js';
import type { WorkspaceMembership } from '#domain/workspace-members.js';
import type { Sim } from '#domain/sims.js';
import { toSim } from '#db/records/sims.js';
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
import { deviceRoleAllows, grantAllows, isDeviceAction, isOrgAction, orgRoleAllows, workspaceRoleAllows, type Action, type OrgAction, type WorkspaceAction } from '#auth/policy.js';
import { effectiveWorkspaceRole, isImplicitWorkspaceAdmin, type OrgRole, type WorkspaceRole } from '#domain/roles.js';

export interface OrgAccess {
  kind: 'org';
  org: Organization;
  membership: OrgMembership;
  role: OrgRole;
  /** The caller's profile, read in the same BatchGet (the SSO check needs it). */
  profile: UserProfile | undefined;
  /**
   * What the path names besides the organization, read in the same BatchGet when the route asks
   * for it (`alsoReads`): `undefined` when not asked, `null` when there is no such item.
   */
  named: { member?: OrgMembership | null; memberProfile?: UserProfile | null; invitation?: Invitation | null };
}

/** Ids of what an org route's path names besides the organization (see `OrgAccess.named`). */
export interface OrgNamed {
  memberId?: string;
  memberProfileId?: string;
  invitationId?: string;
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
  /** The caller's profile, read in the same BatchGet. */
  profile: UserProfile | undefined;
  /**
   * What the path names besides the workspace, read in the same BatchGet when the route asks for
   * it (`alsoReads`): `undefined` when not asked, `null` when there is no such item.
   */
  named: { memberProfile?: UserProfile | null; workspaceMember?: WorkspaceMembership | null; sim?: Sim | null };
}

/** Ids of what a workspace route's path names besides the workspace (see `WorkspaceAccess.named`). */
export interface WorkspaceNamed {
  memberProfileId?: string;
  workspaceMemberId?: string;
  simIccid?: string;
}

/**
 * Device routes (`/workspaces/{workspaceId}/devices…`): a workspace role, or for a caller with
 * none, per-device grants. A grant-only caller sees exactly the granted devices and nothing else.
 */
export interface DeviceAccess {
  kind: 'device';
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

export async function loadOrgAccess(orgId: string, userId: string, named: OrgNamed = {}): Promise<OrgAccess> {
  // The profile rides along in the same round trip: the SSO check of every org route reads it.
  const [[orgItem, memberItem, profileItem], extra] = await readWith([keys.org(orgId), keys.orgMember(orgId, userId), keys.user(userId)], {
    member: named.memberId ? keys.orgMember(orgId, named.memberId) : undefined,
    memberProfile: named.memberProfileId ? keys.user(named.memberProfileId) : undefined,
    invitation: named.invitationId ? keys.invitation(orgId, named.invitationId) : undefined,
  });
  if (!orgItem || !memberItem || orgItem.deletedAt) throw new NotFoundError('No such organization.');
  const membership = toMembership(memberItem);
  return {
    kind: 'org',
    org: toOrg(orgItem),
    membership,
    role: membership.role,
    profile: profileItem ? toProfile(profileItem) : undefined,
    named: { member: extra.member(toMembership), memberProfile: extra.memberProfile(toProfile), invitation: extra.invitation(toInvitation) },
  };
}

export async function loadWorkspaceAccess(workspaceId: string, userId: string, named: WorkspaceNamed = {}): Promise<WorkspaceAccess> {
  const [[wsItem, wsMemberItem, profileItem], extra] = await readWith(
    [keys.workspace(workspaceId), keys.workspaceMember(workspaceId, userId), keys.user(userId)],
    {
      memberProfile: named.memberProfileId ? keys.user(named.memberProfileId) : undefined,
      workspaceMember: named.workspaceMemberId ? keys.workspaceMember(workspaceId, named.workspaceMemberId) : undefined,
      sim: named.simIccid ? keys.sim(workspaceId, named.simIccid) : undefined,
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
export async function loadDeviceAccess(workspaceId: string, userId: string, deviceId?: string): Promise<DeviceAccess> {
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
  return { kind: 'device', workspace, orgRole, role, grants, device, profile };
}

/** Whether the loaded access allows `action` (no I/O). */
export function allows(access: Access, action: Action): boolean {
  if (access.kind === 'org') return isOrgAction(action) && orgRoleAllows(access.role, action);
  if (access.kind === 'device') {
    if (!isDeviceAction(action)) return access.role !== undefined && !isOrgAction(action) && workspaceRoleAllows(access.role, action);
    return (access.role !== undefined && deviceRoleAllows(access.role, action)) || access.grants.some((g) => grantAllows(g.access, action));
  }
  if (isDeviceAction(action)) return false;
  return !isOrgAction(action) && workspaceRoleAllows(access.role, action as WorkspaceAction);
}

/**
 * The one authorization check. The caller can see the resource (else loading it answered
 * 404), so a role too low for the action is 403.
 */
export function authorize(access: Access, action: Action): void {
  if (allows(access, action)) return;
  if (access.kind === 'device' && access.role === undefined) {
    // A grant shows single devices: anything beyond the granted device does not exist for them.
    if (!access.device) throw new NotFoundError('No such workspace.');
    throw new ForbiddenError(`Your access to this device (${access.grants[0]?.access ?? 'none'}) does not allow this.`);
  }
  throw new ForbiddenError(`Your role (${access.role}) does not allow this.`);
}

export type { OrgAction, WorkspaceAction };
