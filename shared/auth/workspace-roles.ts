/**
 * The caller's effective role in several workspaces at once, for the routes whose path names no
 * single workspace (a SIM transfer, the centralized reports). One strongly consistent BatchGet
 * reads the caller's profile and, per workspace, its item and the caller's explicit role; extra
 * keys a route needs anyway (the SIM being transferred) ride along in the same round trip.
 */
import type { UserProfile } from '#domain/users.js';
import type { Workspace } from '#domain/workspaces.js';
import { keys, type Key } from '#db/keys.js';
import { batchGet, type Item } from '#db/ops.js';
import { toProfile } from '#db/records/users.js';
import { toWorkspace } from '#db/records/workspaces.js';
import { toWorkspaceMembership } from '#db/records/workspace-members.js';
import { effectiveWorkspaceRole, type WorkspaceRole } from '#domain/roles.js';

export interface WorkspaceRoleGrant {
  workspace: Workspace;
  role: WorkspaceRole;
}

/** BatchGet takes at most 100 keys: the profile plus two keys per workspace in each chunk. */
const WORKSPACES_PER_READ = 49;

/**
 * For each of `workspaceIds` (in order): the workspace and the caller's effective role, or
 * `undefined` when the caller cannot see it (missing, or no role in it). `also` answers the
 * extra keys' items, in order; `profile` is the caller's (for their SSO check). Up to 49
 * workspaces cost one round trip; more run in parallel.
 */
export async function loadWorkspaceRoles(
  workspaceIds: string[],
  userId: string,
  also: Key[] = [],
): Promise<{ grants: (WorkspaceRoleGrant | undefined)[]; also: (Item | undefined)[]; profile: UserProfile | undefined }> {
  const chunks: string[][] = [];
  for (let i = 0; i < Math.max(workspaceIds.length, 1); i += WORKSPACES_PER_READ) chunks.push(workspaceIds.slice(i, i + WORKSPACES_PER_READ));
  const reads = await Promise.all(
    chunks.map((ids, n) =>
      batchGet(
        [keys.user(userId), ...(n === 0 ? also : []), ...ids.flatMap((id) => [keys.workspace(id), keys.workspaceMember(id, userId)])],
        { consistent: true },
      ),
    ),
  );
  const profileItem = reads[0]![0];
  const profile = profileItem ? toProfile(profileItem) : undefined;
  const orgRoles = profile?.orgRoles ?? {};
  const grants = reads.flatMap((items, n) => {
    const pairs = items.slice(1 + (n === 0 ? also.length : 0));
    return chunks[n]!.map((_, i) => {
      const wsItem = pairs[2 * i];
      const memberItem = pairs[2 * i + 1];
      if (!wsItem) return undefined;
      const workspace = toWorkspace(wsItem);
      const orgRole = orgRoles[workspace.orgId];
      // Membership in the workspace's organization is required: a stale explicit role alone grants nothing.
      const explicit = memberItem && orgRole ? toWorkspaceMembership(memberItem).role : undefined;
      const role = effectiveWorkspaceRole(orgRole, explicit);
      return role ? { workspace, role } : undefined;
    });
  });
  return { grants, also: reads[0]!.slice(1, 1 + also.length), profile };
}
