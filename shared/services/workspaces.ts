/** Workspaces of an organization: list, create within quota, edit, delete. */
import type { OrgAccess, WorkspaceAccess } from '#auth/access.js';
import { assertMayEditWorkspace } from '#auth/decisions.js';
import { effectiveWorkspaceRole, type WorkspaceRole } from '#domain/roles.js';
import { keys } from '#db/keys.js';
import { batchGetAll } from '#db/ops.js';
import { toWorkspace } from '#db/records/workspaces.js';
import { createWorkspace, deleteWorkspace, getWorkspace, listOrgWorkspaces, updateWorkspace } from '#db/repositories/workspaces.js';
import { purgeWorkspace } from '#db/repositories/purge.js';
import { copySsoToDefaultProfiles } from '#db/repositories/users.js';
import { newWorkspace, type Workspace, type WorkspaceSso } from '#domain/workspaces.js';
import { TRIAL_EXPIRED, trialHasEnded } from '#domain/trials.js';
import { requirementOf } from '#domain/sso.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { cursorFrom, pageOf, startKeyFrom, type Page } from '#db/paging.js';

export interface VisibleWorkspace {
  workspace: Workspace;
  role: WorkspaceRole;
}

/**
 * The org's workspaces the caller can see: all of them for owners and admins (paged in
 * DynamoDB), else those they hold an explicit role in (listed on their membership).
 */
export async function listVisibleWorkspaces(access: OrgAccess, options: { limit: number; cursor?: string }): Promise<Page<VisibleWorkspace>> {
  const scope = `workspaces|${access.userId}|${access.org.id}`;
  if (effectiveWorkspaceRole(access.role, undefined) === 'admin') {
    const { workspaces, lastKey } = await listOrgWorkspaces(access.org.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
    return { items: workspaces.map((workspace) => ({ workspace, role: 'admin' as const })), nextCursor: cursorFrom(scope, lastKey) };
  }
  const roles = access.membership.workspaces;
  const items = await batchGetAll(Object.keys(roles).map(keys.workspace));
  const visible = items
    .filter((item) => item !== undefined)
    .map((item) => toWorkspace(item))
    .filter((workspace) => workspace.orgId === access.org.id)
    .map((workspace) => ({ workspace, role: roles[workspace.id]! }));
  return pageOf(visible, ({ workspace }) => workspace.id, { scope, limit: options.limit, cursor: options.cursor });
}

export async function createWorkspaceIn(
  access: OrgAccess,
  input: { name: string; description?: string },
  now = new Date(),
): Promise<Workspace> {
  const created = newWorkspace({ ...input, orgId: access.org.id, createdBy: access.userId, now });
  // A new workspace is no way around an ended trial: it starts disabled like the others.
  const workspace = trialHasEnded(access.org, now)
    ? { ...created, state: 'disabled' as const, disabledReason: TRIAL_EXPIRED, disabledAt: now.toISOString() }
    : created;
  await createWorkspace(access.org, workspace);
  return workspace;
}

/** Edits details; SSO settings need workspace admin. */
export async function editWorkspace(
  access: WorkspaceAccess,
  changes: { name?: string; description?: string | null; sso?: WorkspaceSso | null },
  ifMatch: number | undefined,
): Promise<Workspace> {
  assertMayEditWorkspace(access, changes);
  const workspace = await updateWorkspace(access.workspace, changes, { actorId: access.userId, ifMatch });
  // Every PATCH naming `sso` copies it to the profiles whose default this is, changed or not,
  // so repeating the request finishes a copy that was interrupted.
  if (changes.sso !== undefined) await copySsoToDefaultProfiles(workspace.id, requirementOf(workspace.sso));
  return workspace;
}

/**
 * Deletes the workspace. The delete is pinned to the org and the device and SIM counts read (so
 * the org's counters lose exactly those); an asset created meanwhile makes it read again and
 * retry, a move meanwhile makes it 404 (it was authorized against the org the workspace left).
 */
export async function removeWorkspace(access: WorkspaceAccess): Promise<void> {
  let workspace: Workspace | undefined = access.workspace;
  for (let attempt = 0; ; attempt++) {
    if (!workspace || workspace.orgId !== access.workspace.orgId) throw new NotFoundError();
    try {
      await deleteWorkspace(workspace, access.userId);
      await purgeWorkspace(workspace.id);
      break;
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= 2) throw error;
      workspace = await getWorkspace(workspace.id);
    }
  }
  // A deleted default workspace requires nothing of anyone any more.
  if (requirementOf(access.workspace.sso)) await copySsoToDefaultProfiles(access.workspace.id, null);
}
