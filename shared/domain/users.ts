/**
 * The user profile record (its type, the defaults it starts from and older items read as, its
 * factory) and what a user can reach (`MeView`).
 */
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';
import type { Organization } from '#domain/organizations.js';
import type { Workspace } from '#domain/workspaces.js';
import type { DefaultWorkspaceSso } from '#domain/sso.js';
import { definedOnly } from '#kernel/objects.js';

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
  defaultWorkspaceSso?: DefaultWorkspaceSso | null;
  version: number;
}

/** What a profile holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const profileDefaults = () =>
  ({
    defaultWorkspaceId: null,
    orgRoles: {},
    defaultWorkspaceSso: null,
    version: 1,
  }) satisfies Partial<UserProfile>;

export function newProfile(input: {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  now: Date;
  defaultWorkspaceId?: string | null;
  /** A copy of the default workspace's SSO requirement (shared/domain/sso.ts reads it). */
  defaultWorkspaceSso?: DefaultWorkspaceSso | null;
  orgRoles?: Record<string, OrgRole>;
}): UserProfile {
  return {
    ...profileDefaults(),
    ...definedOnly({ defaultWorkspaceId: input.defaultWorkspaceId, defaultWorkspaceSso: input.defaultWorkspaceSso, orgRoles: input.orgRoles }),
    id: input.id,
    email: input.email,
    givenName: input.givenName,
    familyName: input.familyName,
    createdAt: input.now.toISOString(),
  };
}

/** What a user can reach: their profile, their organizations and the workspaces they can open, with their role in each. */
export interface MeView {
  user: UserProfile;
  organizations: { org: Organization; role: OrgRole }[];
  workspaces: { workspace: Workspace; role: WorkspaceRole }[];
}
