/** Who the service writes to about an organization: its owner, by address and name. */
import { getMember } from '#db/repositories/members.js';
import type { Organization } from '#domain/organizations.js';

/** The owner's address and name (the address when the name is empty); undefined for an org without one. */
export async function ownerContact(org: Pick<Organization, 'id' | 'ownerId'>): Promise<{ email: string; name: string } | undefined> {
  const owner = await getMember(org.id, org.ownerId);
  return owner ? { email: owner.email, name: `${owner.givenName} ${owner.familyName}`.trim() || owner.email } : undefined;
}
