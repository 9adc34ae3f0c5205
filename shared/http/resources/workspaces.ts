/**
 * Workspaces, with their move and overview: request and response schemas, and the views (records
 * → API JSON).
 */
import * as z from 'zod';
import type { WorkspaceRole as WorkspaceRoleName } from '#domain/roles.js';
import type { Workspace as WorkspaceRecord } from '#domain/workspaces.js';
import { Description, EXAMPLE, Id, Name, PageQuery, Timestamp, WorkspaceRole, WorkspaceState } from './common.js';

export const WorkspaceParams = z.strictObject({ workspaceId: Id });
export const WorkspaceListQuery = PageQuery;
export const WorkspaceCreateBody = z
  .strictObject({ name: Name(100), description: Description.optional() })
  .meta({ examples: [{ name: 'Field trials', description: 'Devices on the test farm' }] });
export const Sso = z
  .strictObject({ required: z.boolean(), providerName: Name(128) })
  .meta({ id: 'WorkspaceSso' });
export const WorkspacePatchBody = z
  .strictObject({
    name: Name(100).optional(),
    description: Description.nullable().optional(),
    sso: Sso.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'must change at least one field')
  .meta({ examples: [{ name: 'Field trials 2026', sso: { required: true, providerName: 'acme-okta' } }] });
/** One workspace as the examples show it (the move's answer shows it again in its new organization). */
const WORKSPACE_EXAMPLE = {
  id: EXAMPLE.workspaceId,
  organizationId: EXAMPLE.orgId,
  name: 'Field trials',
  description: 'Devices on the test farm',
  state: 'enabled',
  disabledReason: null,
  disabledAt: null,
  sso: null,
  createdBy: EXAMPLE.userId,
  createdAt: EXAMPLE.at,
  role: 'admin',
} as const;

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
  .meta({
    id: 'Workspace',
    examples: [WORKSPACE_EXAMPLE],
  });

export const WorkspaceMoveBody = z.strictObject({ targetOrganizationId: Id }).meta({ examples: [{ targetOrganizationId: EXAMPLE.otherOrgId }] });
export const WorkspaceMoveResult = z
  .object({
    workspace: Workspace,
    removedMembers: z
      .array(z.string())
      .meta({ description: 'explicit members who are not members of the target organization: they lost their role in the workspace' }),
  })
  .meta({
    id: 'WorkspaceMove',
    examples: [
      {
        // The same workspace, now in the target organization.
        workspace: { ...WORKSPACE_EXAMPLE, organizationId: EXAMPLE.otherOrgId },
        removedMembers: [EXAMPLE.otherUserId],
      },
    ],
  });
export const WorkspaceOverview = z
  .object({ members: z.number().int(), devices: z.number().int(), streams: z.number().int(), sims: z.number().int(), trafficBytes: z.number().int() })
  .meta({ id: 'WorkspaceOverview', examples: [{ members: 4, devices: 12, streams: 3, sims: 10, trafficBytes: 73_400_320 }] });

export const workspaceView = (w: WorkspaceRecord, role: WorkspaceRoleName) => ({
  id: w.id,
  organizationId: w.orgId,
  name: w.name,
  description: w.description,
  state: w.state,
  disabledReason: w.disabledReason,
  disabledAt: w.disabledAt,
  sso: w.sso,
  createdBy: w.createdBy,
  createdAt: w.createdAt,
  role,
});

export const workspaceOverviewView = (w: WorkspaceRecord) => ({
  members: w.memberCount,
  devices: w.deviceCount,
  streams: w.streamCount,
  sims: w.simCount,
  trafficBytes: w.trafficBytes,
});
