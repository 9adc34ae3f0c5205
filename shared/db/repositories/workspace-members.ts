/**
 * The explicit members of workspaces: giving, changing and taking away a workspace role (the
 * workspace-side item, the role on the org membership and the workspace's counter change together),
 * and the reads the member list is made of.
 */
import type { WorkspaceRole } from '#domain/roles.js';
import type { OrgMembership } from '#domain/members.js';
import type { WorkspaceMembership } from '#domain/workspace-members.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { batchGetAll, queryAll, tableName, transact } from '#db/ops.js';
import { toMembership } from '#db/records/members.js';
import { toWorkspaceMembership, workspaceMembershipItem } from '#db/records/workspace-members.js';
import { auditEvent } from '#db/repositories/audit.js';
import { workspaceGuard } from '#db/workspace-guard.js';

/**
 * The workspace write guard of a change of explicit members: it moves `memberCount` by `delta`,
 * and holds while the workspace is still in the organization the change was authorized against
 * (enabled or not: member management works in a disabled workspace).
 */
function membersGuard(membership: Pick<WorkspaceMembership, 'workspaceId' | 'orgId'>, delta: number) {
  return workspaceGuard({ id: membership.workspaceId, orgId: membership.orgId }, delta ? { memberCount: delta } : {}, { enabled: false });
}

/**
 * Gives a user (already an org member) an explicit workspace role: the workspace-side item,
 * the role on their org membership (which bumps its version) and the workspace's counter.
 * The item is written only if it still holds `previousRole` (or is still absent), so two
 * parallel grants cannot both count the member or both record an addition: the loser is 409.
 */
export async function putWorkspaceMember(
  membership: WorkspaceMembership,
  previousRole: WorkspaceRole | undefined = undefined,
  db: Db = defaultDb,
): Promise<void> {
  const guard = membersGuard(membership, previousRole ? 0 : 1);
  await transact(
    [
      {
        Put: {
          TableName: tableName(),
          Item: workspaceMembershipItem(membership),
          ...(previousRole
            ? { ConditionExpression: '#role = :previous', ExpressionAttributeNames: { '#role': 'role' }, ExpressionAttributeValues: { ':previous': previousRole } }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: keys.orgMember(membership.orgId, membership.userId),
          UpdateExpression: 'SET workspaces.#ws = :role, #version = #version + :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#ws': membership.workspaceId, '#version': 'version' },
          ExpressionAttributeValues: { ':role': membership.role satisfies WorkspaceRole, ':one': 1 },
        },
      },
      ...guard.items,
      auditEvent(membership.orgId, {
        actorId: membership.addedBy,
        action: previousRole ? 'workspace.member_role_changed' : 'workspace.member_added',
        target: { type: 'member', id: membership.userId },
        details: { workspaceId: membership.workspaceId, role: membership.role, ...(previousRole ? { from: previousRole } : {}) },
      }),
    ],
    (failed, cancellation) =>
      guard.refusal(cancellation, 2) ??
      (failed.includes(1)
        ? new NotFoundError('The user is not a member of the organization.')
        : new ConflictError("The member's workspace role changed meanwhile; reload and try again.")),
    db,
  );
}

/**
 * Every explicit member of a workspace (its `MEMBER#` items). Strongly consistent, so a member
 * list read right after a grant shows it; a workspace's members are few enough to read whole.
 */
export async function listWorkspaceMembers(workspaceId: string, db: Db = defaultDb): Promise<WorkspaceMembership[]> {
  const items = await queryAll(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
      ExpressionAttributeValues: { ':pk': partitions.workspace(workspaceId), ':member': partitions.memberPrefix },
      ConsistentRead: true,
    },
    db,
  );
  return items.map(toWorkspaceMembership);
}

/**
 * The org's owners and admins: the implicit admins of each of its workspaces. The filter runs
 * after the read, so this reads (and pays for) every membership of the org to return a few;
 * fine while organizations are small. A sparse index on admin memberships would make it cost
 * only the admins when that stops being true.
 */
export async function listOrgAdmins(orgId: string, db: Db = defaultDb): Promise<OrgMembership[]> {
  const items = await queryAll(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :member)',
      FilterExpression: '#role IN (:owner, :admin)',
      ExpressionAttributeNames: { '#role': 'role' },
      ExpressionAttributeValues: { ':pk': partitions.org(orgId), ':member': partitions.memberPrefix, ':owner': 'owner', ':admin': 'admin' },
      ConsistentRead: true,
    },
    db,
  );
  return items.map(toMembership);
}

/** The org memberships of the given users (missing ones left out), strongly consistent. */
export async function getOrgMemberships(orgId: string, userIds: string[], db: Db = defaultDb): Promise<OrgMembership[]> {
  const items = await batchGetAll(userIds.map((userId) => keys.orgMember(orgId, userId)), { consistent: true }, db);
  return items.flatMap((item) => (item ? [toMembership(item)] : []));
}

/**
 * Takes a user's explicit role in a workspace away, in one transaction: the workspace item,
 * the entry on their org membership (bumping its version, so an org-level change pinned to
 * the old version re-reads), the workspace's counter and the audit event. Either item gone
 * meanwhile (removed concurrently, or from the org) answers 404.
 */
export async function deleteWorkspaceMember(
  membership: Pick<WorkspaceMembership, 'workspaceId' | 'orgId' | 'userId' | 'role'>,
  actorId: string,
  db: Db = defaultDb,
): Promise<void> {
  const guard = membersGuard(membership, -1);
  await transact(
    [
      {
        Delete: {
          TableName: tableName(),
          Key: keys.workspaceMember(membership.workspaceId, membership.userId),
          ConditionExpression: 'attribute_exists(PK)',
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: keys.orgMember(membership.orgId, membership.userId),
          UpdateExpression: 'REMOVE workspaces.#ws SET #version = #version + :one',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#ws': membership.workspaceId, '#version': 'version' },
          ExpressionAttributeValues: { ':one': 1 },
        },
      },
      ...guard.items,
      auditEvent(membership.orgId, {
        actorId,
        action: 'workspace.member_removed',
        target: { type: 'member', id: membership.userId },
        details: { workspaceId: membership.workspaceId, role: membership.role },
      }),
    ],
    (_, cancellation) => guard.refusal(cancellation, 2) ?? new NotFoundError('No such member in this workspace.'),
    db,
  );
}
