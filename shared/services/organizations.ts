/** Organizations: my list, create, edit, transfer, delete. */
import type { OrgAccess } from '#auth/access.js';
import type { OrgRole } from '#domain/roles.js';
import { keys } from '#db/keys.js';
import { batchGetAll, StaleRead } from '#db/ops.js';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  transferOwnership,
  updateOrganization,
} from '#db/repositories/organizations.js';
import { toOrg } from '#db/records/organizations.js';
import { purgeOrganization } from '#db/repositories/purge.js';
import { newMembership } from '#domain/members.js';
import { orgCreationLimits } from '#domain/limits.js';
import { isPaid } from '#domain/trials.js';
import { type Branding, newOrganization, type Organization } from '#domain/organizations.js';
import type { UserProfile } from '#domain/users.js';
import { BadRequestError, ConflictError, NotFoundError } from '#kernel/errors.js';
import { pageOf, type Page } from '#db/paging.js';
import type { Principal } from '#auth/principal.js';

/**
 * The caller's organizations with their role, filtered by a case-insensitive name substring, by
 * name: one BatchGet of those `profile` (read by the request wrapper) names.
 */
export async function listMyOrganizations(
  principal: Principal,
  profile: UserProfile | undefined,
  options: { q?: string; limit: number; cursor?: string },
): Promise<Page<{ org: Organization; role: OrgRole }>> {
  const roles = profile?.orgRoles ?? {};
  const items = await batchGetAll(Object.keys(roles).map(keys.org));
  const needle = options.q?.toLowerCase();
  const orgs = items
    .filter((item) => item && !item.deletedAt)
    .map((item) => toOrg(item!))
    .filter((org) => !needle || org.name.toLowerCase().includes(needle))
    .map((org) => ({ org, role: roles[org.id]! }));
  return pageOf(orgs, ({ org }) => `${org.name.toLowerCase()}\u0000${org.id}`, {
    scope: `orgs|${principal.userId}|${needle ?? ''}`,
    limit: options.limit,
    cursor: options.cursor,
  });
}

/**
 * A new organization on a 14-day trial; the caller (who must have signed up: `profile`, read by
 * the request wrapper) becomes its owner.
 */
export async function createOrganizationFor(
  principal: Principal,
  profile: UserProfile | undefined,
  input: { name: string; description?: string; logoUrl?: string },
  now = new Date(),
): Promise<Organization> {
  if (!profile) throw new NotFoundError('You have not signed up yet (POST /signup).');
  const org = newOrganization({ ...input, ownerId: principal.userId, now });
  const owner = newMembership({ orgId: org.id, user: profile, role: 'owner', now });
  await createOrganization(org, owner, orgCreationLimits(await ownsPaidOrganization(profile)));
  return org;
}

/** Whether the person owns an organization on a paid plan (one BatchGet of the ones they own). */
async function ownsPaidOrganization(profile: UserProfile): Promise<boolean> {
  const owned = Object.entries(profile.orgRoles).flatMap(([orgId, role]) => (role === 'owner' ? [orgId] : []));
  const items = await batchGetAll(owned.map(keys.org));
  return items.some((item) => item && !item.deletedAt && isPaid(toOrg(item).plan));
}

export function editOrganization(
  access: OrgAccess,
  changes: { name?: string; description?: string | null; logoUrl?: string | null; branding?: Branding | null },
  ifMatch: number | undefined,
): Promise<Organization> {
  return updateOrganization(access.org, changes, { actorId: access.userId, ifMatch });
}

/**
 * The target (a member, not the caller) becomes owner; the caller becomes admin. One transaction
 * after the authorization read: it refuses a target who is no member (404) and is pinned to the
 * organization as read, so the answer is that read with the change. Another change of the
 * organization meanwhile makes it read again; a change of owner is 409.
 */
export async function handOverOwnership(access: OrgAccess, toUserId: string): Promise<Organization> {
  const fromUserId = access.userId;
  if (toUserId === fromUserId) {
    throw new BadRequestError('You already own this organization.', [{ path: 'body.userId', message: 'must be another member' }]);
  }
  let org: Organization | undefined = access.org;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!org) throw new NotFoundError();
    if (org.ownerId !== fromUserId) throw new ConflictError('Ownership changed meanwhile; reload and try again.');
    try {
      return await transferOwnership(org, fromUserId, toUserId);
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
      org = await getOrganization(org.id);
    }
  }
  throw new ConflictError('The organization kept changing; try again.');
}

/** Deletes the organization (from this instant nothing of it is readable), then purges what it held. */
export async function removeOrganization(access: OrgAccess): Promise<void> {
  await deleteOrganization(access.org.id);
  await purgeOrganization(access.org.id);
}
