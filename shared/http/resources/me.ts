/**
 * Me: the caller's profile, organizations and workspaces (sign-up, GET and PATCH /me): request and
 * response schemas, and the view (records → API JSON). `myOrganization` and `myWorkspace` are also
 * the shapes of an accepted invitation (invitations.ts).
 */
import * as z from 'zod';
import type { OrgRole as OrgRoleName, WorkspaceRole as WorkspaceRoleName } from '#domain/roles.js';
import type { MeView } from '#domain/users.js';
import type { Organization } from '#domain/organizations.js';
import type { Workspace } from '#domain/workspaces.js';
import { ssoStatus } from '#domain/sso.js';
import { EXAMPLE, Id, Name, OrgRole, Timestamp, WorkspaceRole, WorkspaceState } from './common.js';

export const SignupBody = z
  .strictObject({
    givenName: Name(100),
    familyName: Name(100),
    organizationName: Name(100).optional(),
  })
  .meta({ examples: [{ givenName: 'Ada', familyName: 'Lovelace', organizationName: 'Analytical Engines' }] });
export const MePatchBody = z
  .strictObject({
    givenName: Name(100).optional(),
    familyName: Name(100).optional(),
    defaultWorkspaceId: Id.optional(),
  })
  .meta({ examples: [{ givenName: 'Ada', defaultWorkspaceId: EXAMPLE.workspaceId }] });
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
export const MyOrganization = z.object({ id: z.string(), name: z.string(), role: OrgRole }).meta({ id: 'MyOrganization' });
export const MyWorkspace = z
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
  .meta({
    id: 'Me',
    examples: [
      {
        user: { id: EXAMPLE.userId, email: 'ada@example.com', givenName: 'Ada', familyName: 'Lovelace', defaultWorkspaceId: EXAMPLE.workspaceId, createdAt: EXAMPLE.at },
        organizations: [{ id: EXAMPLE.orgId, name: 'Analytical Engines', role: 'owner' }],
        workspaces: [{ id: EXAMPLE.workspaceId, name: 'Default', organizationId: EXAMPLE.orgId, role: 'admin', state: 'enabled', disabledReason: null }],
        sso: { required: false, providerName: null, satisfied: true },
      },
    ],
  });

/**
 * `identityProviders`: those of the caller's token, so the body can say whether it meets the
 * SSO requirement of their default workspace (and why everything else answers 403 if not).
 */
export const meView = (me: MeView, identityProviders: readonly string[]) => {
  const visible = new Set(me.workspaces.map((w) => w.workspace.id));
  return {
    user: {
      id: me.user.id,
      email: me.user.email,
      givenName: me.user.givenName,
      familyName: me.user.familyName,
      // A default workspace that was deleted or left is no default any more.
      defaultWorkspaceId: me.user.defaultWorkspaceId && visible.has(me.user.defaultWorkspaceId) ? me.user.defaultWorkspaceId : null,
      createdAt: me.user.createdAt,
    },
    organizations: me.organizations.map(myOrganization),
    workspaces: me.workspaces.map(myWorkspace),
    sso: ssoStatus(me.user.defaultWorkspaceSso, identityProviders),
  };
};

/** One organization of GET /me: mine, with my role. */
export const myOrganization = ({ org, role }: { org: Organization; role: OrgRoleName }) => ({ id: org.id, name: org.name, role });

/** One workspace of GET /me: mine, with my role there. */
export const myWorkspace = ({ workspace, role }: { workspace: Workspace; role: WorkspaceRoleName }) => ({
  id: workspace.id,
  name: workspace.name,
  organizationId: workspace.orgId,
  role,
  state: workspace.state,
  disabledReason: workspace.disabledReason,
});
