/**
 * The org email claim: who holds an address in an organization, a member or a live invitation.
 * One claim per (org, email) makes "already a member" and "already invited" one conditional write.
 */
import { keys } from '#db/keys.js';
import type { Item } from '#db/ops.js';

export type OrgEmailClaim = { kind: 'member'; userId: string } | { kind: 'invitation'; invitationId: string; expiresAt: string };

export const orgEmailItem = (orgId: string, email: string, claim: OrgEmailClaim): Item => ({ ...keys.orgEmail(orgId, email), type: 'OrgEmail', ...claim });
