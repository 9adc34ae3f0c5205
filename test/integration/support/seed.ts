/**
 * Seeds memberships straight through the repositories (invitations come in a later issue).
 * The repositories read their configuration once, so the environment is set before loading them.
 */
import type { OrgRole, WorkspaceRole } from '#domain/roles.js';
import { configureRepositories } from './env.js';
import type { Tenant, User } from './api.js';

async function repositories() {
  configureRepositories();
  const [members, workspaces, users] = await Promise.all([
    import('#db/repositories/members.js'),
    import('#db/repositories/workspace-members.js'),
    import('#db/repositories/users.js'),
  ]);
  return { members, workspaces, users };
}

/** Makes a signed-up user a member of `org` with `role`. */
export async function addMember(org: Pick<Tenant, 'orgId' | 'userId'>, user: User, role: OrgRole): Promise<void> {
  const { members, users } = await repositories();
  const profile = await users.getProfile(user.userId);
  if (!profile) throw new Error(`${user.email} has not signed up`);
  await members.addMember({
    orgId: org.orgId,
    userId: user.userId,
    role,
    email: profile.email,
    givenName: profile.givenName,
    familyName: profile.familyName,
    invitedBy: org.userId,
    invitedAt: new Date().toISOString(),
    memberSince: new Date().toISOString(),
    workspaces: {},
    version: 1,
  });
}

/**
 * A new trial organization owned by a signed-up user, stored as POST /orgs stores it but without
 * spending the owner's allowances (for suites that need many organizations of one person).
 */
export async function addOrganization(owner: User, name: string): Promise<string> {
  const { users } = await repositories();
  const [{ createOrganization }, { newOrganization }, { newMembership }] = await Promise.all([
    import('#db/repositories/organizations.js'),
    import('#domain/organizations.js'),
    import('#domain/members.js'),
  ]);
  const profile = await users.getProfile(owner.userId);
  if (!profile) throw new Error(`${owner.email} has not signed up`);
  const now = new Date();
  const org = newOrganization({ name, ownerId: owner.userId, now });
  await createOrganization(org, newMembership({ orgId: org.id, user: profile, role: 'owner', now }), []);
  return org.id;
}

/** Gives an org member an explicit workspace role. */
export async function addWorkspaceMember(orgId: string, workspaceId: string, user: User, role: WorkspaceRole, by: string): Promise<void> {
  const { workspaces } = await repositories();
  await workspaces.putWorkspaceMember({ workspaceId, orgId, userId: user.userId, role, addedBy: by, addedAt: new Date().toISOString() });
}
