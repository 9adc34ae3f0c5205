/**
 * Workspaces, with their move and overview: request and response schemas, and the views (records
 * → API JSON).
 */
import * as z from 'zod';
import type { WorkspaceRole as WorkspaceRoleName } from '#domain/roles.js';
import type { Workspace as WorkspaceRecord } from '#domain/workspaces.js';
import { Description, Id, Name, PageQuery, Timestamp, WorkspaceRole, WorkspaceState } from './common.js';

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
export const WorkspaceOverview = z
  .object({ members: z.number().int(), devices: z.number().int(), streams: z.number().int(), sims: z.number().int(), trafficBytes: z.number().int() })
  .meta({ id: 'WorkspaceOverview' });

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
