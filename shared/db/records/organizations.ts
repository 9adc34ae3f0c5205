/** The organization item: its key, and the trial index entry while it is on trial. */
import { organizationDefaults, type Organization } from '#domain/organizations.js';
import { keys, trials } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

export const organizationRecord = recordKind<Organization>()({
  type: 'Organization',
  key: (o) => keys.org(o.id),
  required: ['id', 'name', 'plan', 'ownerId', 'createdAt'],
  defaults: organizationDefaults,
  optional: ['deletedAt'],
  // Only organizations still on trial carry the sparse trial index.
  derived: (o) => (o.plan === 'trial' && o.trialEndsAt ? trials.entry(o.id, o.trialEndsAt) : {}),
});
export const { item: orgItem, from: toOrg } = organizationRecord;
