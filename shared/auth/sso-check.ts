/**
 * The SSO rule (shared/domain/sso.ts) applied to a caller, for the request wrapper and for the
 * operations that check it themselves on the profile their own BatchGet reads
 * (`ssoByOperation` in the route table).
 */
import { getProfile } from '#db/repositories/users.js';
import type { UserProfile } from '#domain/users.js';
import { assertSsoSatisfied } from '#domain/sso.js';
import type { Principal } from '#auth/principal.js';

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
