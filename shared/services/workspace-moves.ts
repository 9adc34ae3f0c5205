/** Moving a workspace into another organization (owner/admin of both). */
import { loadOrgAccess, type WorkspaceAccess } from '#auth/access.js';
import { getOrganization } from '#db/repositories/organizations.js';
import { hasDeviceGrants, moveWorkspace } from '#db/repositories/moves.js';
import { StaleRead } from '#db/ops.js';
import { clearDefaultWorkspace, listProfilesWithDefault } from '#db/repositories/users.js';
import { getOrgMemberships, listWorkspaceMembers } from '#db/repositories/workspace-members.js';
import { getWorkspace } from '#db/repositories/workspaces.js';
import { assertMayMoveInto } from '#auth/decisions.js';
import { assertMoveFits, assertOtherOrganization, losesAccessOnMove, planMove } from '#domain/move.js';
import type { Organization } from '#domain/organizations.js';
import type { Workspace } from '#domain/workspaces.js';
import { workspaceQuota } from '#domain/plans.js';
import { trialHasEnded } from '#domain/trials.js';
import { ConflictError, NotFoundError, QuotaExceededError } from '#kernel/errors.js';

export interface MoveResult {
  workspace: Workspace;
  /** Explicit members who lost their role because they are not members of the target. */
  removedMembers: string[];
}

/**
 * Moves the workspace to `targetOrgId`. The route allowed `workspace.move` (owner/admin of the
 * workspace's organization); the caller must be allowed it in the target too (a target they
 * cannot see is 404). The target's quota holds atomically; a
 * concurrent change of the workspace, its members or the target's plan makes it read again.
 * The workspace keeps its state (a disabled one stays disabled; see README), except that it
 * arrives disabled in an organization whose trial has ended. A workspace with per-device grants
 * cannot move (409) until they are revoked. Every write authorized against the source carries
 * the workspace write guard (pinned to the source), and the move is pinned to the counters it read:
 * such a write either lands first (and the move reads again) or fails (404).
 */
export async function moveWorkspaceTo(access: WorkspaceAccess, targetOrgId: string, now = new Date()): Promise<MoveResult> {
  assertOtherOrganization(access.workspace.orgId, targetOrgId);
  const targetAccess = await loadOrgAccess(targetOrgId, access);
  assertMayMoveInto(targetAccess);

  let workspace: Workspace | undefined = access.workspace;
  let target: Organization | undefined = targetAccess.org;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!workspace || workspace.orgId !== access.workspace.orgId) throw new ConflictError('The workspace changed meanwhile; reload and try again.');
    if (!target) throw new NotFoundError('No such organization.');
    // Per-device grants were given by the source org: they must not open devices in the target.
    // Checked after the workspace was read, and the move is pinned to its grantVersion as read:
    // a grant put after this check raises it, and the move reads again (and finds the grant).
    if (await hasDeviceGrants(workspace.id)) {
      throw new ConflictError("Revoke this workspace's per-device grants before moving it: they were given by its organization.");
    }
    if (target.workspaceCount >= workspaceQuota(target.plan)) {
      throw new QuotaExceededError(
        `The ${target.plan} plan of the target allows ${workspaceQuota(target.plan)} workspace(s); it has ${target.workspaceCount}.`,
      );
    }
    const explicit = await listWorkspaceMembers(workspace.id);
    const userIds = explicit.map((m) => m.userId);
    const [sourceMembers, targetMembers] = await Promise.all([
      getOrgMemberships(workspace.orgId, userIds),
      getOrgMemberships(target.id, userIds),
    ]);
    const plan = planMove(explicit, new Set(targetMembers.map((m) => m.userId)));
    assertMoveFits(plan);
    const sourceOf = new Map(sourceMembers.map((m) => [m.userId, m]));
    const targetOf = new Map(targetMembers.map((m) => [m.userId, m]));
    try {
      const moved = await moveWorkspace({
        workspace,
        target,
        keep: plan.keep.map((membership) => ({ membership, source: sourceOf.get(membership.userId), target: targetOf.get(membership.userId)! })),
        remove: plan.remove.map((membership) => ({ membership, source: sourceOf.get(membership.userId) })),
        actorId: access.userId,
        now,
        disable: trialHasEnded(target, now),
      });
      await releaseDefaults(moved.id, target.id, new Set(plan.keep.map((m) => m.userId)));
      return { workspace: moved, removedMembers: plan.remove.map((m) => m.userId) };
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
      if (error.what === 'target') target = await getOrganization(target.id);
      else workspace = await getWorkspace(workspace.id);
    }
  }
  throw new ConflictError('The workspace or the target kept changing; try again.');
}

/**
 * Users whose default this workspace was and who cannot open it after the move (explicit
 * members who were removed, implicit admins of the source) lose it as their default, with its
 * SSO requirement: a workspace one cannot open binds one to nothing. After the move's
 * transaction and idempotent; an interruption leaves them bound until they pick another default.
 */
async function releaseDefaults(workspaceId: string, targetOrgId: string, keptIds: ReadonlySet<string>): Promise<void> {
  const profiles = await listProfilesWithDefault(workspaceId);
  const losing = profiles.filter((p) => losesAccessOnMove(p.orgRoles[targetOrgId], keptIds.has(p.id))).map((p) => p.id);
  await clearDefaultWorkspace(losing, workspaceId);
}
