/**
 * Invitations (create, list, change, resend, withdraw; the link's preview, accept, decline):
 * request and response schemas, and the views (records → API JSON). The preview's answer is
 * shaped by its service (shared/services/invitations.ts).
 */
import * as z from 'zod';
import type { OrgRole as OrgRoleName, WorkspaceRole as WorkspaceRoleName } from '#domain/roles.js';
import type { Invitation as InvitationRecord } from '#domain/invitations.js';
import type { Organization } from '#domain/organizations.js';
import type { Workspace } from '#domain/workspaces.js';
import type { DisplayStatus } from '#domain/invitations.js';
import { AssignableOrgRole, EXAMPLE, Id, PageQuery, Timestamp, WorkspaceRole } from './common.js';
import { myOrganization, MyOrganization, myWorkspace, MyWorkspace } from './me.js';

const Email = z
  .email({ error: 'must be an email address' })
  .max(254, 'must be at most 254 characters')
  .transform((e) => e.toLowerCase());
const WorkspaceGrants = z
  .array(z.strictObject({ workspaceId: Id, role: WorkspaceRole }))
  // Accepting writes two items per workspace in one transaction (DynamoDB's limit is 100).
  .max(40, 'at most 40 workspaces')
  .refine((grants) => new Set(grants.map((g) => g.workspaceId)).size === grants.length, 'names a workspace twice');
export const InvitationParams = z.strictObject({ orgId: Id, invitationId: Id });
export const InvitationCreateBody = z
  .strictObject({
    email: Email,
    role: AssignableOrgRole,
    workspaces: WorkspaceGrants.optional(),
    message: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
    expiresInDays: z.number().int('must be a whole number of days').min(1).max(30).optional(),
  })
  .meta({
    examples: [
      { email: 'grace@example.com', role: 'member', workspaces: [{ workspaceId: EXAMPLE.workspaceId, role: 'editor' }], message: 'Welcome aboard!', expiresInDays: 7 },
    ],
  });
export const InvitationPatchBody = z
  .strictObject({ role: AssignableOrgRole.optional(), workspaces: WorkspaceGrants.optional() })
  .refine((b) => b.role !== undefined || b.workspaces !== undefined, 'must change role or workspaces')
  .meta({ examples: [{ role: 'editor', workspaces: [{ workspaceId: EXAMPLE.workspaceId, role: 'viewer' }] }] });
export const InvitationStatus = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'expired']).meta({ id: 'InvitationStatus' });
export const InvitationListQuery = PageQuery.extend({ status: InvitationStatus.optional() });
export const Invitation = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    email: z.string(),
    role: AssignableOrgRole,
    workspaces: z.array(z.object({ workspaceId: z.string(), role: WorkspaceRole })),
    message: z.string().nullable(),
    invitedBy: z.string(),
    invitedByName: z.string(),
    createdAt: Timestamp,
    expiresAt: Timestamp,
    status: InvitationStatus,
    emailStatus: z.enum(['sent', 'failed']),
  })
  .meta({
    id: 'Invitation',
    examples: [
      {
        id: EXAMPLE.invitationId,
        organizationId: EXAMPLE.orgId,
        email: 'grace@example.com',
        role: 'member',
        workspaces: [{ workspaceId: EXAMPLE.workspaceId, role: 'editor' }],
        message: 'Welcome aboard!',
        invitedBy: EXAMPLE.userId,
        invitedByName: 'Ada Lovelace',
        createdAt: EXAMPLE.at,
        expiresAt: EXAMPLE.later,
        status: 'pending',
        emailStatus: 'sent',
      },
    ],
  });
/**
 * A link token (base64url of 32 bytes). Any other string is looked up like one and simply not
 * found, so a dead, forged or malformed link all get the same 404 and say nothing.
 */
export const TokenParams = z.strictObject({
  token: z.string().meta({ description: 'the link token from the invitation email (base64url); any other string is simply not found' }),
});
export const InvitationPreview = z
  .object({ organizationName: z.string(), invitedByName: z.string(), email: z.string(), role: AssignableOrgRole, expiresAt: Timestamp })
  .meta({
    id: 'InvitationPreview',
    examples: [{ organizationName: 'Analytical Engines', invitedByName: 'Ada Lovelace', email: 'grace@example.com', role: 'member', expiresAt: EXAMPLE.later }],
  });
export const InvitationAcceptance = z
  .object({ organization: MyOrganization, workspaces: z.array(MyWorkspace) })
  .meta({
    id: 'InvitationAcceptance',
    examples: [
      {
        organization: { id: EXAMPLE.orgId, name: 'Analytical Engines', role: 'member' },
        workspaces: [{ id: EXAMPLE.workspaceId, name: 'Default', organizationId: EXAMPLE.orgId, role: 'editor', state: 'enabled', disabledReason: null }],
      },
    ],
    description:
      'The membership just created: the organization with my role in it, and the invited workspaces that still exist with my role in each (as GET /me now lists them; an org admin is moreover admin of every workspace of the organization)',
  });

export const invitationView = (i: InvitationRecord, status: DisplayStatus) => ({
  id: i.id,
  organizationId: i.orgId,
  email: i.email,
  role: i.role,
  workspaces: i.workspaces,
  message: i.message,
  invitedBy: i.invitedBy,
  invitedByName: i.invitedByName,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
  status,
  emailStatus: i.emailStatus,
});

/**
 * The answer to accepting an invitation: the membership just created, in the shapes of GET /me's
 * entries (built from what the accept read, not read again).
 */
export const joinedView = (joined: { org: Organization; role: OrgRoleName; workspaces: { workspace: Workspace; role: WorkspaceRoleName }[] }) => ({
  organization: myOrganization(joined),
  workspaces: joined.workspaces.map(myWorkspace),
});
