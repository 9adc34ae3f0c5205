/** Sign-up and the caller's own view: profile, organizations, workspaces. */
import { effectiveWorkspaceRole, isImplicitWorkspaceAdmin, type WorkspaceRole } from '#domain/roles.js';
import { loadWorkspaceAccess, type Caller } from '#auth/access.js';
import { assertSso, assertSsoReading } from '#auth/sso-check.js';
import { keys } from '#db/keys.js';
import { batchGetAll, StaleRead } from '#db/ops.js';
import { renameMember } from '#db/repositories/members.js';
import { toOrg } from '#db/records/organizations.js';
import { toProfile } from '#db/records/users.js';
import { toWorkspace } from '#db/records/workspaces.js';
import {
  createSignup,
  listMemberships,
  setDefaultWorkspace,
  updateProfile,
} from '#db/repositories/users.js';
import { listAllOrgWorkspaces } from '#db/repositories/workspaces.js';
import { newMembership } from '#domain/members.js';
import { newOrganization } from '#domain/organizations.js';
import { newWorkspace, type Workspace } from '#domain/workspaces.js';
import { newProfile, type MeView, type UserProfile } from '#domain/users.js';
import { normalizeEmail } from '#domain/email.js';
import { requirementOf } from '#domain/sso.js';
import { ConflictError, ForbiddenError, NotFoundError } from '#kernel/errors.js';
import { assertIfMatch } from '#db/versioned.js';
import type { Principal } from '#auth/principal.js';

export const DEFAULT_WORKSPACE_NAME = 'Default';

/**
 * Creates the caller's profile, an organization on a 14-day trial (caller = owner) and its
 * first workspace, in one transaction. A repeat creates nothing and answers `created: false`.
 * A first sign-up is that one transaction and nothing else: it is conditioned on the profile not
 * existing, so a repeat is learned from its cancellation (then the caller's SSO obligation is
 * checked on the profile the answer reads). A new user has no profile, hence no obligation.
 */
export async function signUp(
  principal: Principal,
  input: { givenName: string; familyName: string; organizationName?: string },
  now = new Date(),
): Promise<{ created: boolean; me: MeView }> {
  // Look-alike addresses are refused (400 invalid_email) before anything is read or written.
  normalizeEmail(principal.email);
  const repeat = async () => ({ created: false, me: await loadMe(principal.userId, (profile) => assertSso(principal, profile)) });
  if (!principal.emailVerified) {
    // Only a repeat is open to an unverified address: whether it is one needs the profile.
    if (await assertSsoReading(principal)) return repeat();
    throw new ForbiddenError('Verify your email address before signing up.');
  }

  const org = newOrganization({
    name: input.organizationName ?? `${input.givenName} ${input.familyName}`,
    ownerId: principal.userId,
    now,
    workspaceCount: 1,
  });
  const workspace = newWorkspace({ orgId: org.id, name: DEFAULT_WORKSPACE_NAME, createdBy: principal.userId, now });
  const profile = newProfile({
    id: principal.userId,
    email: principal.email,
    givenName: input.givenName,
    familyName: input.familyName,
    defaultWorkspaceId: workspace.id,
    orgRoles: { [org.id]: 'owner' },
    now,
  });
  const owner = newMembership({ orgId: org.id, user: profile, role: 'owner', now });
  try {
    await createSignup({ profile, org, owner, workspace });
  } catch (error) {
    // Signed up before, or a parallel sign-up of the same user won: this one is a repeat.
    if (error instanceof ConflictError && error.code === 'already_signed_up') return repeat();
    throw error;
  }
  return {
    created: true,
    me: { user: profile, organizations: [{ org, role: 'owner' }], workspaces: [{ workspace, role: 'admin' }] },
  };
}

/**
 * The caller's profile with the organizations and workspaces they can see, in two waves of reads:
 * 1. one Query of the user's side of GSI1: their organizations (with roles) and the workspaces
 *    they hold explicit roles in — every id the next wave needs;
 * 2. ONE strongly consistent BatchGet of the profile, those organizations and those workspaces,
 *    side by side with one Query of GSI1 `ORG#o` per organization they own or administer (an
 *    implicit admin sees every workspace there; only a Query can list them).
 * The profile decides which organizations and roles count (GSI1 is eventually consistent): an
 * organization it names that the index did not list yet costs one more wave, one it no longer
 * names is dropped. `check` sees the profile before anything else is answered (an SSO check).
 */
export async function loadMe(userId: string, check: (profile: UserProfile | undefined) => void = () => {}): Promise<MeView> {
  const listed = await listMemberships(userId);
  const listedOrgIds = Object.keys(listed.orgRoles);
  const listedAdminOrgIds = listedOrgIds.filter((orgId) => isImplicitWorkspaceAdmin(listed.orgRoles[orgId]!));
  const [[profileItem, ...items], listedLists] = await Promise.all([
    batchGetAll(
      [keys.user(userId), ...listedOrgIds.map(keys.org), ...listed.workspaces.map((m) => keys.workspace(m.workspaceId))],
      { consistent: true },
    ),
    Promise.all(listedAdminOrgIds.map((orgId) => listAllOrgWorkspaces(orgId))),
  ]);
  const user = profileItem ? toProfile(profileItem) : undefined;
  check(user);
  if (!user) throw new NotFoundError('You have not signed up yet (POST /signup).');

  const orgItems = new Map(listedOrgIds.map((orgId, i) => [orgId, items[i]]));
  const orgLists = new Map(listedAdminOrgIds.map((orgId, i) => [orgId, listedLists[i]!]));
  // What the index had not caught up with yet: one more wave, only then.
  const unreadOrgIds = Object.keys(user.orgRoles).filter((orgId) => !orgItems.has(orgId));
  const unlistedAdminOrgIds = Object.keys(user.orgRoles).filter(
    (orgId) => isImplicitWorkspaceAdmin(user.orgRoles[orgId]!) && !orgLists.has(orgId),
  );
  const [lateOrgs, lateLists] = await Promise.all([
    batchGetAll(unreadOrgIds.map(keys.org), { consistent: true }),
    Promise.all(unlistedAdminOrgIds.map((orgId) => listAllOrgWorkspaces(orgId))),
  ]);
  unreadOrgIds.forEach((orgId, i) => orgItems.set(orgId, lateOrgs[i]));
  unlistedAdminOrgIds.forEach((orgId, i) => orgLists.set(orgId, lateLists[i]!));

  const organizations = Object.keys(user.orgRoles)
    .map((orgId) => orgItems.get(orgId))
    .filter((item) => item && !item.deletedAt)
    .map((item) => toOrg(item!))
    .map((org) => ({ org, role: user.orgRoles[org.id]! }))
    .sort((a, b) => a.org.name.localeCompare(b.org.name));

  const adminOrgs = organizations.filter(({ role }) => isImplicitWorkspaceAdmin(role)).map(({ org }) => org.id);
  const explicitItems = items.slice(listedOrgIds.length);
  const explicitRoles = new Map(listed.workspaces.map((m) => [m.workspaceId, m.role]));
  const byId = new Map<string, { workspace: Workspace; role: WorkspaceRole }>();
  for (const workspace of [...adminOrgs.flatMap((orgId) => orgLists.get(orgId)!), ...explicitItems.filter(Boolean).map((i) => toWorkspace(i!))]) {
    const role = effectiveWorkspaceRole(user.orgRoles[workspace.orgId], explicitRoles.get(workspace.id));
    // Membership in the workspace's organization is required: a stale explicit role alone grants nothing.
    if (role && user.orgRoles[workspace.orgId]) byId.set(workspace.id, { workspace, role });
  }
  const workspaces = [...byId.values()].sort((a, b) => a.workspace.name.localeCompare(b.workspace.name) || a.workspace.id.localeCompare(b.workspace.id));
  return { user, organizations, workspaces };
}

/**
 * Changes the caller's names (mirrored onto their memberships so the member directory can
 * show and sort them) or default workspace (one they can access).
 */
export async function updateMe(
  caller: Caller,
  changes: { givenName?: string; familyName?: string; defaultWorkspaceId?: string },
  options: { read?: UserProfile; ifMatch?: number } = {},
): Promise<MeView> {
  const { userId } = caller;
  const { defaultWorkspaceId, ...names } = changes;
  if (!options.read) throw new NotFoundError('You have not signed up yet (POST /signup).');
  // If-Match: the profile as read must be at that version, and so must it be at the first write
  // (each write bumps it by one: the names' write follows the default workspace's).
  assertIfMatch(options.ifMatch, options.read);
  const pinned = options.ifMatch;
  if (defaultWorkspaceId !== undefined) await makeDefault(caller, defaultWorkspaceId, pinned);
  const profile = await updateProfile(userId, names, { ifVersion: pinned === undefined ? undefined : pinned + (defaultWorkspaceId !== undefined ? 1 : 0) });
  if (changes.givenName !== undefined || changes.familyName !== undefined) {
    await Promise.all(Object.keys(profile.orgRoles).map((orgId) => renameMember(orgId, userId, profile)));
  }
  return loadMe(userId);
}

/**
 * Makes a workspace the caller can open their default, with a copy of its SSO requirement
 * taken at the version read; an SSO change racing this one makes it read again.
 */
async function makeDefault(caller: Caller, workspaceId: string, ifVersion: number | undefined): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { workspace } = await loadWorkspaceAccess(workspaceId, caller);
    try {
      await setDefaultWorkspace(caller.userId, workspace, requirementOf(workspace.sso), { ifVersion });
      return;
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
    }
  }
  throw new ConflictError('The workspace kept changing; try again.');
}
