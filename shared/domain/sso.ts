/**
 * Single sign-on per workspace, two rules:
 * - a workspace that requires SSO can be read or changed (it, and everything in it) only with a
 *   token that came through its identity provider, whatever the caller's role or default;
 * - a user whose DEFAULT workspace requires SSO must sign in through that provider for every
 *   route but `GET /me`.
 * Plain functions, no I/O: `#auth/sso-check.ts` feeds them the workspace or the caller's profile
 * and the providers of their ID token's `identities` claim.
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
      `Your default workspace requires single sign-on through ${status.providerName}: sign in through it (signed in through it, you may also choose another default workspace with PATCH /me).`,
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

/** 403 `sso_required` unless the token came through the provider the workspace requires. */
export function assertWorkspaceSsoSatisfied(sso: WorkspaceSso | null | undefined, identityProviders: readonly string[]): void {
  const status = ssoStatus(requirementOf(sso), identityProviders);
  if (!status.satisfied) {
    throw new ForbiddenError(`This workspace requires single sign-on through ${status.providerName}: sign in through it.`, 'sso_required');
  }
}

/** Whether the token meets what the workspace requires. */
export function workspaceSsoSatisfied(sso: WorkspaceSso | null | undefined, identityProviders: readonly string[]): boolean {
  return ssoStatus(requirementOf(sso), identityProviders).satisfied;
}

/**
 * Requiring SSO (or another provider) is refused to a caller whose own token did not come through
 * that provider: they would lock themselves out of the workspace with the very request.
 */
export function assertNoLockOut(next: WorkspaceSso | null | undefined, identityProviders: readonly string[]): void {
  const requirement = requirementOf(next);
  if (requirement && !identityProviders.includes(requirement.providerName)) {
    throw new ForbiddenError(
      `Sign in through ${requirement.providerName} before requiring it: this token did not come through it, so the change would lock you out.`,
      'sso_required',
    );
  }
}

/**
 * The break-glass change: a PATCH that turns the workspace's SSO requirement off and changes
 * nothing else. The organization's owner may make it without the provider (for an identity
 * provider that is down or misconfigured); everything else still needs the provider.
 */
export function isSsoBreakGlass(changes: Record<string, unknown> & { sso?: WorkspaceSso | null }): boolean {
  return changes.sso !== undefined && !changes.sso?.required && Object.keys(changes).every((key) => key === 'sso' || changes[key] === undefined);
}
