import * as z from 'zod';
import { Description, HttpsUrl, Id, Name, OrgRole, AssignableOrgRole, Plan, Timestamp, WorkspaceRole, WorkspaceState, PageQuery } from './common.js';

// ── Me ────────────────────────────────────────────────────────────────────────
export const SignupBody = z.strictObject({
  givenName: Name(100),
  familyName: Name(100),
  organizationName: Name(100).optional(),
});
export const MePatchBody = z.strictObject({
  givenName: Name(100).optional(),
  familyName: Name(100).optional(),
  defaultWorkspaceId: Id.optional(),
});
export const User = z
  .object({
    id: z.string(),
    email: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    defaultWorkspaceId: z.string().nullable(),
    createdAt: Timestamp,
  })
  .meta({ id: 'User' });
const MyOrganization = z.object({ id: z.string(), name: z.string(), role: OrgRole }).meta({ id: 'MyOrganization' });
const MyWorkspace = z
  .object({
    id: z.string(),
    name: z.string(),
    organizationId: z.string(),
    role: WorkspaceRole,
    state: WorkspaceState,
    disabledReason: z.string().nullable(),
  })
  .meta({ id: 'MyWorkspace' });
export const Me = z
  .object({
    user: User,
    organizations: z.array(MyOrganization),
    workspaces: z.array(MyWorkspace),
    sso: z
      .object({ required: z.boolean(), providerName: z.string().nullable(), satisfied: z.boolean() })
      .meta({
        description:
          'Whether my default workspace requires single sign-on, through which identity provider, and whether this token came through it (if not, every route but GET and PATCH /me answers 403 sso_required)',
      }),
  })
  .meta({ id: 'Me' });

// ── Organizations ─────────────────────────────────────────────────────────────
const HexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour');
export const Branding = z
  .strictObject({
    primaryColor: HexColor.optional(),
    accentColor: HexColor.optional(),
    emailFooter: z.string().trim().max(500).optional(),
  })
  .meta({ id: 'Branding' });

export const OrgParams = z.strictObject({ orgId: Id });
export const OrgListQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
export const OrgCreateBody = z.strictObject({
  name: Name(100),
  description: Description.optional(),
  logoUrl: HttpsUrl.optional(),
});
export const OrgPatchBody = z
  .strictObject({
    name: Name(100).optional(),
    description: Description.nullable().optional(),
    logoUrl: HttpsUrl.nullable().optional(),
    branding: Branding.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'must change at least one field');
export const Organization = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    logoUrl: z.string().nullable(),
    branding: Branding.nullable(),
    plan: Plan,
    trialEndsAt: Timestamp.nullable(),
    ownerId: z.string(),
    createdAt: Timestamp,
  })
  .meta({ id: 'Organization' });
export const OrgSummary = z.object({ id: z.string(), name: z.string(), role: OrgRole }).meta({ id: 'OrganizationSummary' });
export const TransferOwnershipBody = z.strictObject({ userId: Id });

// ── Members ───────────────────────────────────────────────────────────────────
export const MemberParams = z.strictObject({ orgId: Id, userId: Id });
export const MemberListQuery = PageQuery.extend({
  role: OrgRole.optional(),
  status: z.enum(['active', 'pending']).optional(),
  // An empty search box means no search.
  q: z.string().trim().max(100).optional().transform((q) => q || undefined),
  sort: z.enum(['name', 'email', 'invitedAt', 'role']).optional(),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const MemberPatchBody = z.strictObject({ role: AssignableOrgRole });
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
  .meta({ id: 'Member', description: 'An active member (userId) or a pending invitation (invitationId)' });

// ── Workspaces ────────────────────────────────────────────────────────────────
export const WorkspaceParams = z.strictObject({ workspaceId: Id });
export const WorkspaceListQuery = PageQuery;
export const WorkspaceCreateBody = z.strictObject({ name: Name(100), description: Description.optional() });
export const Sso = z
  .strictObject({ required: z.boolean(), providerName: Name(128) })
  .meta({ id: 'WorkspaceSso' });
export const WorkspacePatchBody = z
  .strictObject({
    name: Name(100).optional(),
    description: Description.nullable().optional(),
    sso: Sso.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'must change at least one field');
export const Workspace = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    state: WorkspaceState,
    disabledReason: z.string().nullable(),
    disabledAt: Timestamp.nullable(),
    sso: Sso.nullable(),
    createdBy: z.string(),
    createdAt: Timestamp,
    role: WorkspaceRole.meta({ description: "the caller's effective role in this workspace" }),
  })
  .meta({ id: 'Workspace' });

export const WorkspaceMoveBody = z.strictObject({ targetOrganizationId: Id });
export const WorkspaceMoveResult = z
  .object({
    workspace: Workspace,
    removedMembers: z
      .array(z.string())
      .meta({ description: 'explicit members who are not members of the target organization: they lost their role in the workspace' }),
  })
  .meta({ id: 'WorkspaceMove' });

// ── Workspace members ─────────────────────────────────────────────────────────
export const WorkspaceMemberParams = z.strictObject({ workspaceId: Id, userId: Id });
export const WorkspaceMemberListQuery = PageQuery;
export const WorkspaceMemberPutBody = z.strictObject({ role: WorkspaceRole });
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
  .meta({ id: 'WorkspaceMember' });

export const Health = z.object({ status: z.literal('ok') });

// ── Audit ─────────────────────────────────────────────────────────────────────
export const AuditQuery = PageQuery;
export const AuditEvent = z
  .object({
    id: z.string(),
    at: Timestamp,
    actorId: z.string(),
    action: z.string(),
    target: z.object({ type: z.string(), id: z.string() }),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

// ── Invitations ───────────────────────────────────────────────────────────────
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
export const InvitationCreateBody = z.strictObject({
  email: Email,
  role: AssignableOrgRole,
  workspaces: WorkspaceGrants.optional(),
  message: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  expiresInDays: z.number().int('must be a whole number of days').min(1).max(30).optional(),
});
export const InvitationPatchBody = z
  .strictObject({ role: AssignableOrgRole.optional(), workspaces: WorkspaceGrants.optional() })
  .refine((b) => b.role !== undefined || b.workspaces !== undefined, 'must change role or workspaces');
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
  .meta({ id: 'Invitation' });
/**
 * A link token (base64url of 32 bytes). Any other string is looked up like one and simply not
 * found, so a dead, forged or malformed link all get the same 404 and say nothing.
 */
export const TokenParams = z.strictObject({ token: z.string() });
export const InvitationPreview = z
  .object({ organizationName: z.string(), invitedByName: z.string(), email: z.string(), role: AssignableOrgRole, expiresAt: Timestamp })
  .meta({ id: 'InvitationPreview' });
export const InvitationAcceptance = z
  .object({ organization: MyOrganization, workspaces: z.array(MyWorkspace) })
  .meta({
    id: 'InvitationAcceptance',
    description:
      'The membership just created: the organization with my role in it, and the invited workspaces that still exist with my role in each (as GET /me now lists them; an org admin is moreover admin of every workspace of the organization)',
  });

// ── Plans, trials, overviews ──────────────────────────────────────────────────
export const PlanBody = z.strictObject({ plan: z.enum(['free', 'pro', 'enterprise']) });
export const TrialExtensionBody = z.strictObject({ extendDays: z.number().int('must be a whole number of days').min(1).max(365) });
export const OrgOverview = z
  .object({
    workspaces: z.number().int(),
    members: z.number().int(),
    pendingInvitations: z.number().int(),
    devices: z.number().int(),
    sims: z.number().int(),
    trafficBytes: z.number().int(),
    freeTrafficBytes: z.number().int(),
  })
  .meta({ id: 'OrganizationOverview' });
export const WorkspaceOverview = z
  .object({ members: z.number().int(), devices: z.number().int(), streams: z.number().int(), sims: z.number().int(), trafficBytes: z.number().int() })
  .meta({ id: 'WorkspaceOverview' });
