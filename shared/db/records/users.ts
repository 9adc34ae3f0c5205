/**
 * The user profile item (its key, and the entry by which its default workspace finds it) and the
 * email guard that keeps an address to one account.
 */
import { profileDefaults, type UserProfile } from '#domain/users.js';
import { byOwner, keys } from '#db/keys.js';
import type { Item } from '#db/ops.js';
import { recordKind } from '#db/records/record-kind.js';

export const profileRecord = recordKind<UserProfile>()({
  type: 'User',
  key: (p) => keys.user(p.id),
  required: ['id', 'email', 'givenName', 'familyName', 'createdAt'],
  defaults: profileDefaults,
  // Found by its default workspace when that workspace's SSO setting changes.
  derived: (p) => (p.defaultWorkspaceId ? byOwner.defaultWorkspace(p.defaultWorkspaceId, p.id) : {}),
});
export const { item: profileItem, from: toProfile } = profileRecord;

/** The email guard of a profile: one account per address, case-insensitively. */
export const emailGuardItem = (p: Pick<UserProfile, 'id' | 'email'>): Item => ({ ...keys.email(p.email), type: 'EmailGuard', userId: p.id });
