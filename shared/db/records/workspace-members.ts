/** The workspace membership item: its key and the user's side of it (GSI1). */
import type { WorkspaceMembership } from '#domain/workspace-members.js';
import { byOwner, keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

export const workspaceMembershipRecord = recordKind<WorkspaceMembership>()({
  type: 'WorkspaceMembership',
  key: (m) => keys.workspaceMember(m.workspaceId, m.userId),
  required: ['workspaceId', 'orgId', 'userId', 'role', 'addedBy', 'addedAt'],
  derived: (m) => byOwner.workspaceMembership(m.userId, m.workspaceId),
});
export const { item: workspaceMembershipItem, from: toWorkspaceMembership } = workspaceMembershipRecord;
