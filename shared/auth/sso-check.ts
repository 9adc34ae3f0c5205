/**
 * The SSO rules (shared/domain/sso.ts) applied to a caller: the workspace's own requirement on
 * every access that names a workspace (the scope registry for workspace and device routes, and
 * the operations that load workspaces themselves: reports, SIM transfers, invitations), and the
 * default workspace's requirement for the request wrapper and for the operations that check it
 * themselves on the profile their own BatchGet reads (`ssoByOperation` in the route table).
 */
import { getProfile } from '#db/repositories/users.js';
import type { UserProfile } from '#domain/users.js';
import type { Workspace } from '#domain/workspaces.js';
import type { OrgRole } from '#domain/roles.js';
import { assertSsoSatisfied, assertWorkspaceSsoSatisfied } from '#domain/sso.js';
import type { Principal } from '#auth/principal.js';

/**
 * Who may call a route (the route table's `auth`, described there, shared/http/route.ts): only
 * `user` routes have a caller with an SSO obligation.
 */
export type RouteAuth = 'user' | 'none' | 'device' | 'billing';

/** What of a route's row says who checks the caller's SSO obligation. */
export interface SsoSpec {
  auth: RouteAuth;
  /** Answers whatever the default workspace's obligation (GET /me, which says what it is). */
  ssoExempt?: boolean;
  /** The operation checks it itself, on the profile its own first BatchGet reads. */
  ssoByOperation?: boolean;
  /**
   * The organization's owner reaches the operation without the workspace's SSO, and the operation
   * allows them only the break-glass change (`isSsoBreakGlass`): PATCH /workspaces/{w}.
   */
  ssoBreakGlass?: boolean;
}

/** Does the request wrapper check the caller's SSO obligation on this route (right after authorization)? */
export function wrapperChecksSso(spec: SsoSpec): boolean {
  return spec.auth === 'user' && !spec.ssoExempt && !spec.ssoByOperation;
}

/** 403 `sso_required` unless the caller's token meets their default workspace's requirement. */
export function assertSso(principal: Pick<Principal, 'identityProviders'>, profile: Pick<UserProfile, 'defaultWorkspaceSso'> | undefined): void {
  assertSsoSatisfied(profile?.defaultWorkspaceSso, principal.identityProviders);
}

/**
 * The same check when the operation's own reads did not bring the profile (it is about to answer
 * 404 for something the path names, which must not come before `sso_required`): one read.
 */
export async function assertSsoReading(principal: Pick<Principal, 'userId' | 'identityProviders'>): Promise<UserProfile | undefined> {
  const profile = await getProfile(principal.userId);
  assertSso(principal, profile);
  return profile;
}

/** 403 `sso_required` unless the caller's token meets the workspace's own requirement. */
export function assertWorkspaceSso(caller: { identityProviders: readonly string[] }, workspace: Pick<Workspace, 'sso'>): void {
  assertWorkspaceSsoSatisfied(workspace.sso, caller.identityProviders);
}

type RouteAccess = {
  kind: string;
  identityProviders: readonly string[];
  workspace?: Pick<Workspace, 'id' | 'sso'>;
  orgRole?: OrgRole;
  profile?: Pick<UserProfile, 'defaultWorkspaceId' | 'defaultWorkspaceSso'>;
};

/** The org owner on a break-glass route: the operation decides what they may do (`assertMayEditWorkspace`). */
function breakingGlass(spec: SsoSpec, access: RouteAccess): access is RouteAccess & { workspace: Pick<Workspace, 'id' | 'sso'> } {
  return !!spec.ssoBreakGlass && access.orgRole === 'owner' && access.workspace !== undefined;
}

/**
 * The scope registry's check, after authorization (what the caller cannot see stays 404): a route
 * that names a workspace needs that workspace's SSO, except for the org owner on a break-glass
 * route.
 */
export function assertRouteWorkspaceSso(spec: SsoSpec, access: RouteAccess): void {
  if (!access.workspace || breakingGlass(spec, access)) return;
  assertWorkspaceSso(access, access.workspace);
}

/**
 * The request wrapper's check of the default workspace's rule, on the profile the access brought.
 * The owner breaking glass on their own default workspace meets its requirement there already.
 */
export function assertRouteDefaultSso(spec: SsoSpec, principal: Pick<Principal, 'identityProviders'>, access: RouteAccess | undefined): void {
  if (access && breakingGlass(spec, access) && access.profile?.defaultWorkspaceId === access.workspace.id) return;
  assertSso(principal, access?.profile);
}
