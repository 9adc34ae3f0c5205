/** Domain records → the JSON shapes of API.md. */
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';
import type { MeView } from '#domain/users.js';
import type { OrgMembership } from '#domain/members.js';
import type { Organization } from '#domain/organizations.js';
import type { Workspace } from '#domain/workspaces.js';
import type { DisplayStatus, Invitation } from '#domain/invitations.js';
import { ssoStatus } from '#domain/sso.js';

export const orgView = (o: Organization) => ({
  id: o.id,
  name: o.name,
  description: o.description,
  logoUrl: o.logoUrl,
  branding: o.branding,
  plan: o.plan,
  trialEndsAt: o.trialEndsAt,
  ownerId: o.ownerId,
  createdAt: o.createdAt,
});

export const workspaceView = (w: Workspace, role: WorkspaceRole) => ({
  id: w.id,
  organizationId: w.orgId,
  name: w.name,
  description: w.description,
  state: w.state,
  disabledReason: w.disabledReason,
  disabledAt: w.disabledAt,
  sso: w.sso,
  createdBy: w.createdBy,
  createdAt: w.createdAt,
  role,
});

export const memberView = (m: OrgMembership) => ({
  userId: m.userId,
  email: m.email,
  givenName: m.givenName,
  familyName: m.familyName,
  role: m.role,
  status: 'active' as const,
  invitedBy: m.invitedBy,
  invitedAt: m.invitedAt,
  memberSince: m.memberSince,
  workspaces: Object.entries(m.workspaces).map(([workspaceId, role]) => ({ workspaceId, role })),
});


/**
 * `identityProviders`: those of the caller's token, so the body can say whether it meets the
 * SSO requirement of their default workspace (and why everything else answers 403 if not).
 */
export const meView = (me: MeView, identityProviders: readonly string[]) => {
  const visible = new Set(me.workspaces.map((w) => w.workspace.id));
  return {
    user: {
      id: me.user.id,
      email: me.user.email,
      givenName: me.user.givenName,
      familyName: me.user.familyName,
      // A default workspace that was deleted or left is no default any more.
      defaultWorkspaceId: me.user.defaultWorkspaceId && visible.has(me.user.defaultWorkspaceId) ? me.user.defaultWorkspaceId : null,
      createdAt: me.user.createdAt,
    },
    organizations: me.organizations.map(myOrganization),
    workspaces: me.workspaces.map(myWorkspace),
    sso: ssoStatus(me.user.defaultWorkspaceSso, identityProviders),
  };
};

/** One organization of GET /me: mine, with my role. */
const myOrganization = ({ org, role }: { org: Organization; role: OrgRole }) => ({ id: org.id, name: org.name, role });

/** One workspace of GET /me: mine, with my role there. */
const myWorkspace = ({ workspace, role }: { workspace: Workspace; role: WorkspaceRole }) => ({
  id: workspace.id,
  name: workspace.name,
  organizationId: workspace.orgId,
  role,
  state: workspace.state,
  disabledReason: workspace.disabledReason,
});

/**
 * The answer to accepting an invitation: the membership just created, in the shapes of GET /me's
 * entries (built from what the accept read, not read again).
 */
export const joinedView = (joined: { org: Organization; role: OrgRole; workspaces: { workspace: Workspace; role: WorkspaceRole }[] }) => ({
  organization: myOrganization(joined),
  workspaces: joined.workspaces.map(myWorkspace),
});

/** One line of a workspace's member list (and the answer to a PUT of a workspace role). */
export const workspaceMemberView = (e: import('#domain/workspace-members.js').WorkspaceMemberEntry) => ({
  userId: e.member.userId,
  email: e.member.email,
  givenName: e.member.givenName,
  familyName: e.member.familyName,
  organizationRole: e.member.role,
  workspaceRole: e.workspaceRole,
  implicit: e.implicit,
});

export const invitationView = (i: Invitation, status: DisplayStatus) => ({
  id: i.id,
  organizationId: i.orgId,
  email: i.email,
  role: i.role,
  workspaces: i.workspaces,
  message: i.message,
  invitedBy: i.invitedBy,
  invitedByName: i.invitedByName,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  status,
  emailStatus: i.emailStatus,
});

/** A directory entry: an active member, or a pending invitation (no userId yet). */
export const directoryEntryView = (entry: { kind: 'member'; member: OrgMembership } | { kind: 'invitation'; invitation: Invitation }) =>
  entry.kind === 'member'
    ? memberView(entry.member)
    : {
        invitationId: entry.invitation.id,
        email: entry.invitation.email,
        role: entry.invitation.role,
        status: 'pending' as const,
        invitedBy: entry.invitation.invitedBy,
        invitedByName: entry.invitation.invitedByName,
        invitedAt: entry.invitation.createdAt,
        expiresAt: entry.invitation.expiresAt,
        workspaces: entry.invitation.workspaces,
      };

/** Every organization gets its first terabyte of traffic free. */
export const FREE_TRAFFIC_BYTES = 1_000_000_000_000;

/** Overviews come from counters kept on the org and workspace items: no extra reads. */
export const orgOverviewView = (o: Organization) => ({
  workspaces: o.workspaceCount,
  members: o.memberCount,
  pendingInvitations: o.pendingInvitationCount,
  devices: o.deviceCount,
  sims: o.simCount,
  trafficBytes: o.trafficBytes,
  freeTrafficBytes: FREE_TRAFFIC_BYTES,
});

export const workspaceOverviewView = (w: Workspace) => ({
  members: w.memberCount,
  devices: w.deviceCount,
  streams: w.streamCount,
  sims: w.simCount,
  trafficBytes: w.trafficBytes,
});

export const simView = (s: import('#domain/sims.js').Sim) => ({
  iccid: s.iccid,
  workspaceId: s.workspaceId,
  status: s.status,
  deviceId: s.deviceId,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
