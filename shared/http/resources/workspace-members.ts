/**
 * Members of a workspace (explicit roles and the implicit admins): request and response schemas,
 * and the view (records → API JSON).
 */
import * as z from 'zod';
import type { WorkspaceMemberEntry } from '#domain/workspace-members.js';
import { EXAMPLE, Id, OrgRole, PageQuery, WorkspaceRole } from './common.js';

export const WorkspaceMemberParams = z.strictObject({ workspaceId: Id, userId: Id });
export const WorkspaceMemberListQuery = PageQuery;
export const WorkspaceMemberPutBody = z.strictObject({ role: WorkspaceRole }).meta({ examples: [{ role: 'editor' }] });
export const WorkspaceMember = z
  .object({
    userId: z.string(),
    email: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    organizationRole: OrgRole,
    workspaceRole: WorkspaceRole,
    implicit: z.boolean().meta({ description: 'admin through the organization (owner/admin); cannot be given a role or removed' }),
  })
  .meta({
    id: 'WorkspaceMember',
    examples: [
      { userId: EXAMPLE.otherUserId, email: 'grace@example.com', givenName: 'Grace', familyName: 'Hopper', organizationRole: 'member', workspaceRole: 'editor', implicit: false },
    ],
  });

/** One line of a workspace's member list (and the answer to a PUT of a workspace role). */
export const workspaceMemberView = (e: WorkspaceMemberEntry) => ({
  userId: e.member.userId,
  email: e.member.email,
  givenName: e.member.givenName,
  familyName: e.member.familyName,
  organizationRole: e.member.role,
  workspaceRole: e.workspaceRole,
  implicit: e.implicit,
});
