/**
 * Single sign-on per workspace: a user whose DEFAULT workspace requires SSO must sign in
 * through that workspace's identity provider. Plain functions, no I/O: the request wrapper
 * feeds them the caller's profile and the providers of their ID token's `identities` claim.
 */
import { ForbiddenError } from '#kernel/errors.js';
import type { WorkspaceSso } from '#domain/workspaces.js';

/**
 * The SSO setting of a user's default workspace, copied onto their profile so that checking it
 * costs no read beyond the profile; `null` when the default workspace requires nothing.
 */
export interface DefaultWorkspaceSso {
  providerName: string;
}

/** What GET /me reports about the caller's SSO obligation. */
export interface SsoStatus {
  required: boolean;
  providerName: string | null;
  /** Whether this token came through the required provider (always true when nothing is required). */
  satisfied: boolean;
}

/** The requirement a workspace's setting puts on users whose default it is (`required: false` puts none). */
export function requirementOf(sso: WorkspaceSso | null | undefined): DefaultWorkspaceSso | null {
  return sso?.required ? { providerName: sso.providerName } : null;
}

/**
 * Whether a token signed in through `identityProviders` meets `requirement`. Cognito names
 * providers exactly as configured, so the names are compared exactly.
 */
export function ssoStatus(requirement: DefaultWorkspaceSso | null | undefined, identityProviders: readonly string[]): SsoStatus {
  if (!requirement) return { required: false, providerName: null, satisfied: true };
  return { required: true, providerName: requirement.providerName, satisfied: identityProviders.includes(requirement.providerName) };
}

/** 403 `sso_required` unless the token meets the requirement of the caller's default workspace. */
export function assertSsoSatisfied(requirement: DefaultWorkspaceSso | null | undefined, identityProviders: readonly string[]): void {
  const status = ssoStatus(requirement, identityProviders);
  if (!status.satisfied) {
    throw new ForbiddenError(
      `Your default workspace requires single sign-on through ${status.providerName}: sign in through it, or choose another default workspace (PATCH /me).`,
      'sso_required',
    );
  }
}

/** Whether a change of a workspace's `sso` changes what users whose default it is must do. */
export function requirementChanged(before: WorkspaceSso | null | undefined, after: WorkspaceSso | null | undefined): boolean {
  const a = requirementOf(before);
  const b = requirementOf(after);
  return a?.providerName !== b?.providerName;
}
