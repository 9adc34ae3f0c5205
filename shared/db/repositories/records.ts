/**
 * Items ↔ domain records for the core kinds (profile, organization, membership, workspace,
 * workspace membership, invitation); devices, SIMs and streams keep theirs beside their repository.
 */
import type { Invitation, OrgMembership, Organization, UserProfile, Workspace, WorkspaceMembership } from '#domain/model.js';
import { byOwner, keys, trials } from '#db/keys.js';
import type { Item } from '#db/ops.js';

/** An attribute of an item, or `fallback` when an older item does not have it. */
export const pick = <T>(item: Item, field: string, fallback: T): T => (item[field] === undefined ? fallback : (item[field] as T));

export const profileItem = (p: UserProfile): Item => ({
  ...keys.user(p.id),
  // Found by its default workspace when that workspace's SSO setting changes.
  ...(p.defaultWorkspaceId ? byOwner.defaultWorkspace(p.defaultWorkspaceId, p.id) : {}),
  type: 'User',
  ...p,
});
export const toProfile = (item: Item): UserProfile => ({
  id: item.id as string,
  email: item.email as string,
  givenName: item.givenName as string,
  familyName: item.familyName as string,
  defaultWorkspaceId: pick(item, 'defaultWorkspaceId', null),
  createdAt: item.createdAt as string,
  orgRoles: pick(item, 'orgRoles', {}),
  defaultWorkspaceSso: pick(item, 'defaultWorkspaceSso', null),
  version: pick(item, 'version', 1),
});

export const orgItem = (o: Organization): Item => ({
  ...keys.org(o.id),
  type: 'Organization',
  ...o,
  // Only organizations still on trial carry the sparse trial index.
  ...(o.plan === 'trial' && o.trialEndsAt ? trials.entry(o.id, o.trialEndsAt) : {}),
});
export const toOrg = (item: Item): Organization => ({
  id: item.id as string,
  name: item.name as string,
  description: pick(item, 'description', null),
  logoUrl: pick(item, 'logoUrl', null),
  branding: pick(item, 'branding', null),
  plan: item.plan as Organization['plan'],
  trialEndsAt: pick(item, 'trialEndsAt', null),
  ownerId: item.ownerId as string,
  createdAt: item.createdAt as string,
  workspaceCount: pick(item, 'workspaceCount', 0),
  memberCount: pick(item, 'memberCount', 0),
  pendingInvitationCount: pick(item, 'pendingInvitationCount', 0),
  deviceCount: pick(item, 'deviceCount', 0),
  simCount: pick(item, 'simCount', 0),
  trafficBytes: pick(item, 'trafficBytes', 0),
  trialExpiredAt: pick(item, 'trialExpiredAt', null),
  version: pick(item, 'version', 1),
  ...(item.deletedAt ? { deletedAt: item.deletedAt as string } : {}),
});

/** Lower-cased text the member directory searches with `q`. */
export const searchText = (...parts: (string | null | undefined)[]): string =>
  parts.filter(Boolean).join(' ').toLowerCase();

export const membershipItem = (m: OrgMembership): Item => ({
  ...keys.orgMember(m.orgId, m.userId),
  ...byOwner.orgMembership(m.userId, m.orgId),
  type: 'OrgMembership',
  ...m,
  search: searchText(m.givenName, m.familyName, m.email),
});
export const toMembership = (item: Item): OrgMembership => ({
  orgId: item.orgId as string,
  userId: item.userId as string,
  role: item.role as OrgMembership['role'],
  email: item.email as string,
  givenName: pick(item, 'givenName', ''),
  familyName: pick(item, 'familyName', ''),
  invitedBy: pick(item, 'invitedBy', null),
  invitedAt: pick(item, 'invitedAt', null),
  memberSince: item.memberSince as string,
  workspaces: pick(item, 'workspaces', {}),
  // A string set on the item (grants ADD and DELETE entries without reading it first).
  ...(item.grantedDevices instanceof Set ? { deviceGrants: [...(item.grantedDevices as Set<string>)] } : {}),
  version: pick(item, 'version', 1),
});

export const workspaceItem = (w: Workspace): Item => ({
  ...keys.workspace(w.id),
  ...byOwner.orgWorkspace(w.orgId, w.id),
  type: 'Workspace',
  ...w,
});
export const toWorkspace = (item: Item): Workspace => ({
  id: item.id as string,
  orgId: item.orgId as string,
  name: item.name as string,
  description: pick(item, 'description', null),
  state: pick(item, 'state', 'enabled'),
  disabledReason: pick(item, 'disabledReason', null),
  sso: pick(item, 'sso', null),
  disabledAt: pick(item, 'disabledAt', null),
  createdBy: item.createdBy as string,
  createdAt: item.createdAt as string,
  memberCount: pick(item, 'memberCount', 0),
  deviceCount: pick(item, 'deviceCount', 0),
  streamCount: pick(item, 'streamCount', 0),
  simCount: pick(item, 'simCount', 0),
  trafficBytes: pick(item, 'trafficBytes', 0),
  version: pick(item, 'version', 1),
});

export const workspaceMembershipItem = (m: WorkspaceMembership): Item => ({
  ...keys.workspaceMember(m.workspaceId, m.userId),
  ...byOwner.workspaceMembership(m.userId, m.workspaceId),
  type: 'WorkspaceMembership',
  ...m,
});
export const toWorkspaceMembership = (item: Item): WorkspaceMembership => ({
  workspaceId: item.workspaceId as string,
  orgId: item.orgId as string,
  userId: item.userId as string,
  role: item.role as WorkspaceMembership['role'],
  addedBy: item.addedBy as string,
  addedAt: item.addedAt as string,
});

/** Ended invitations leave the table 90 days after they end (the audit log keeps their story). */
export const ENDED_INVITATION_TTL_SECONDS = 90 * 86_400;

export const invitationItem = (i: Invitation): Item => ({
  ...keys.invitation(i.orgId, i.id),
  type: 'Invitation',
  ...i,
  search: searchText(i.email),
});
export const toInvitation = (item: Item): Invitation => ({
  id: item.id as string,
  orgId: item.orgId as string,
  email: item.email as string,
  role: item.role as Invitation['role'],
  workspaces: pick(item, 'workspaces', []),
  message: pick(item, 'message', null),
  invitedBy: item.invitedBy as string,
  invitedByName: pick(item, 'invitedByName', ''),
  createdAt: item.createdAt as string,
  expiresAt: item.expiresAt as string,
  status: item.status as Invitation['status'],
  emailStatus: pick(item, 'emailStatus', 'failed'),
  lastSentAt: pick(item, 'lastSentAt', null),
  tokenHash: pick(item, 'tokenHash', null),
  endedAt: pick(item, 'endedAt', null),
  acceptedBy: pick(item, 'acceptedBy', null),
  version: pick(item, 'version', 1),
});
