/** The records the service keeps, as the domain sees them (no table keys). */
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';

export type Plan = 'trial' | 'free' | 'pro' | 'enterprise';
export type WorkspaceState = 'enabled' | 'disabled';

export interface Branding {
  primaryColor?: string;
  accentColor?: string;
  emailFooter?: string;
}

export interface UserProfile {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  defaultWorkspaceId: string | null;
  createdAt: string;
  /**
   * The user's role in each organization. It mirrors the membership items and is written in
   * the same transactions; it lets a workspace request be authorized in one BatchGet.
   */
  orgRoles: Record<string, OrgRole>;
  /**
   * The SSO requirement of the default workspace, copied here (and kept up to date when either
   * side changes) so that enforcing it costs no read beyond the profile. Absent or null: none.
   */
  defaultWorkspaceSso?: { providerName: string } | null;
  version: number;
}

export interface Organization {
  id: string;
  name: string;
  description: string | null;
  logoUrl: string | null;
  branding: Branding | null;
  plan: Plan;
  trialEndsAt: string | null;
  ownerId: string;
  createdAt: string;
  workspaceCount: number;
  memberCount: number;
  /** Invitations not yet accepted, declined or withdrawn. */
  pendingInvitationCount: number;
  deviceCount: number;
  simCount: number;
  trafficBytes: number;
  /** When the sweep ended the trial (cleared when the trial is extended). */
  trialExpiredAt: string | null;
  version: number;
  /** Set the moment deletion starts; from then on nothing of the org is readable. */
  deletedAt?: string;
}

export interface OrgMembership {
  orgId: string;
  userId: string;
  role: OrgRole;
  email: string;
  givenName: string;
  familyName: string;
  invitedBy: string | null;
  invitedAt: string | null;
  memberSince: string;
  /** The member's explicit workspace roles in this org (the directory shows them in one Query). */
  workspaces: Record<string, WorkspaceRole>;
  /**
   * `<workspaceId>/<deviceId>` of every per-device grant the member holds in this org, so that
   * removing the member removes their grants in the same transaction.
   */
  deviceGrants?: string[];
  version: number;
}

export interface WorkspaceSso {
  required: boolean;
  providerName: string;
}

export interface Workspace {
  id: string;
  orgId: string;
  name: string;
  description: string | null;
  state: WorkspaceState;
  disabledReason: string | null;
  sso: WorkspaceSso | null;
  disabledAt: string | null;
  createdBy: string;
  createdAt: string;
  memberCount: number;
  deviceCount: number;
  streamCount: number;
  simCount: number;
  trafficBytes: number;
  version: number;
}

export interface WorkspaceMembership {
  workspaceId: string;
  orgId: string;
  userId: string;
  role: WorkspaceRole;
  addedBy: string;
  addedAt: string;
}

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn';

export interface Invitation {
  id: string;
  orgId: string;
  /** Lower-cased: invitations match emails case-insensitively. */
  email: string;
  role: Exclude<OrgRole, 'owner'>;
  workspaces: { workspaceId: string; role: WorkspaceRole }[];
  message: string | null;
  invitedBy: string;
  invitedByName: string;
  createdAt: string;
  expiresAt: string;
  /** Stored status; `expired` is derived from `expiresAt` when read. */
  status: InvitationStatus;
  /** Outcome of the last send; `failed` can be retried with resend. */
  emailStatus: 'sent' | 'failed';
  /** Last successful send, for the once-a-minute resend limit. */
  lastSentAt: string | null;
  /** SHA-256 of the live link's token (base64url); the token itself is never stored. */
  tokenHash: string | null;
  endedAt: string | null;
  acceptedBy: string | null;
  version: number;
}

/** What a user can reach: their profile, their organizations and the workspaces they can open, with their role in each. */
export interface MeView {
  user: UserProfile;
  organizations: { org: Organization; role: OrgRole }[];
  workspaces: { workspace: Workspace; role: WorkspaceRole }[];
}
