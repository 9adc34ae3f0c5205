/**
 * Members of an organization (the directory: active members and pending invitations): request
 * and response schemas, and the views (records → API JSON).
 */
import * as z from 'zod';
import type { Invitation } from '#domain/invitations.js';
import type { OrgMembership } from '#domain/members.js';
import { AssignableOrgRole, EXAMPLE, Id, OrgRole, PageQuery, Timestamp, WorkspaceRole } from './common.js';

export const MemberParams = z.strictObject({ orgId: Id, userId: Id });
export const MemberListQuery = PageQuery.extend({
  role: OrgRole.optional(),
  status: z.enum(['active', 'pending']).optional(),
  // An empty search box means no search.
  q: z.string().trim().max(100).optional().transform((q) => q || undefined),
  sort: z.enum(['name', 'email', 'invitedAt', 'role']).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const MemberPatchBody = z.strictObject({ role: AssignableOrgRole }).meta({ examples: [{ role: 'admin' }] });
export const Member = z
  .object({
    userId: z.string().optional(),
    invitationId: z.string().optional(),
    email: z.string(),
    givenName: z.string().optional(),
    familyName: z.string().optional(),
    role: OrgRole,
    status: z.enum(['active', 'pending']),
    invitedBy: z.string().nullable(),
    invitedByName: z.string().optional(),
    invitedAt: Timestamp.nullable(),
    memberSince: Timestamp.optional(),
    expiresAt: Timestamp.optional(),
    workspaces: z.array(z.object({ workspaceId: z.string(), role: WorkspaceRole })),
  })
  .meta({
    id: 'Member',
    description: 'An active member (userId) or a pending invitation (invitationId)',
    examples: [
      {
        userId: EXAMPLE.otherUserId,
        email: 'grace@example.com',
        givenName: 'Grace',
        familyName: 'Hopper',
        role: 'member',
        status: 'active',
        invitedBy: EXAMPLE.userId,
        invitedAt: EXAMPLE.at,
        memberSince: EXAMPLE.at,
        workspaces: [{ workspaceId: EXAMPLE.workspaceId, role: 'editor' }],
      },
    ],
  });

export const memberView = (m: OrgMembership) => ({
  userId: m.userId,
  email: m.email,
  givenName: m.givenName,
  familyName: m.familyName,
  role: m.role,
  status: 'active' as const,
  invitedBy: m.invitedBy,
  invitedAt: m.invitedAt,
  memberSince: m.memberSince,
  workspaces: Object.entries(m.workspaces).map(([workspaceId, role]) => ({ workspaceId, role })),
});

/** A directory entry: an active member, or a pending invitation (no userId yet). */
export const directoryEntryView = (entry: { kind: 'member'; member: OrgMembership } | { kind: 'invitation'; invitation: Invitation }) =>
  entry.kind === 'member'
    ? memberView(entry.member)
    : {
        invitationId: entry.invitation.id,
        email: entry.invitation.email,
        role: entry.invitation.role,
        status: 'pending' as const,
        invitedBy: entry.invitation.invitedBy,
        invitedByName: entry.invitation.invitedByName,
        invitedAt: entry.invitation.createdAt,
        expiresAt: entry.invitation.expiresAt,
        workspaces: entry.invitation.workspaces,
      };
