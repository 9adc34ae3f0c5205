/** The org membership item: its key, the user's side of it (GSI1), the directory's search text. */
import { membershipDefaults, type OrgMembership } from '#domain/members.js';
import { byOwner, keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

/** Lower-cased text the member directory searches with `q`. */
export const searchText = (...parts: (string | null | undefined)[]): string =>
  parts.filter(Boolean).join(' ').toLowerCase();

export const membershipRecord = recordKind<OrgMembership>()({
  type: 'OrgMembership',
  key: (m) => keys.orgMember(m.orgId, m.userId),
  required: ['orgId', 'userId', 'role', 'email', 'memberSince'],
  defaults: membershipDefaults,
  computed: ['deviceGrants'],
  // A string set on the item (grants ADD and DELETE entries without reading it first).
  read: (item) => (item.grantedDevices instanceof Set ? { deviceGrants: [...(item.grantedDevices as Set<string>)] } : {}),
  derived: (m) => ({ ...byOwner.orgMembership(m.userId, m.orgId), search: searchText(m.givenName, m.familyName, m.email) }),
});
export const { item: membershipItem, from: toMembership } = membershipRecord;
