/** Moving a workspace to another organization: one transaction, all or nothing. */
import type { OrgMembership } from '#domain/members.js';
import type { Organization } from '#domain/organizations.js';
import type { Workspace } from '#domain/workspaces.js';
import type { WorkspaceMembership } from '#domain/workspace-members.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { byOwner, keys, partitions } from '#db/keys.js';
import { queryPage, StaleRead, tableName, transact, type TransactItem } from '#db/ops.js';
import { TRIAL_EXPIRED } from '#domain/trials.js';
import { auditEvent } from '#db/repositories/audit.js';
import { ORG_SUMMED_COUNTERS, workspaceInOrg } from '#db/workspace-guard.js';
import { countWorkspaceItem } from '#db/repositories/workspaces.js';


export interface MoveInput {
  /**
   * The workspace as read: the move is pinned to its organization, version and counters (those
   * its organizations sum, its explicit members and its grant version), so a write authorized
   * against the source that lands first makes the move read again, and one that lands after fails.
   */
  workspace: Workspace;
  target: Organization;
  /** Explicit members who are members of the target: their role moves along. */
  keep: { membership: WorkspaceMembership; source?: OrgMembership; target: OrgMembership }[];
  /** Explicit members who are not: their workspace role ends. */
  remove: { membership: WorkspaceMembership; source?: OrgMembership }[];
  actorId: string;
  now: Date;
  /** The target's trial has ended: the workspace arrives disabled like the target's own. */
  disable?: boolean;
}

/**
 * Whether any per-device grant exists in the workspace (they were given by its current org).
 * Strongly consistent; read after the workspace whose `grantVersion` the move is pinned to, so
 * "none" holds at the move's commit: a grant put in between raised that version.
 */
export async function hasDeviceGrants(workspaceId: string, db: Db = defaultDb): Promise<boolean> {
  const { items } = await queryPage(
    {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :grant)',
      ExpressionAttributeValues: { ':pk': partitions.workspace(workspaceId), ':grant': partitions.grantPrefix },
      Limit: 1,
      ConsistentRead: true,
    },
    db,
  );
  return items.length > 0;
}

/** What the move is pinned to besides the version: the counters the organizations sum, the explicit members, the grants ever put. */
const PINNED_COUNTERS = [...ORG_SUMMED_COUNTERS, 'memberCount', 'grantVersion'] as const;


/**
 * Moves a workspace in one transaction: the workspace's org and GSI1 entry, the source's
 * counters down and the target's up (under the same quota condition as a create), each explicit
 * member's role moved to their target membership or ended, and an audit event in both orgs.
 */
export async function moveWorkspace(input: MoveInput, db: Db = defaultDb): Promise<Workspace> {
  const { workspace, target, keep, remove, actorId, now } = input;
  const table = tableName();
  const source = workspace.orgId;
  const counters = Object.fromEntries(ORG_SUMMED_COUNTERS.map((c) => [c, workspace[c]])) as Record<(typeof ORG_SUMMED_COUNTERS)[number], number>;
  // A counter is pinned to the value read, so a device or SIM counted meanwhile cannot be left
  // behind, an explicit member added meanwhile cannot keep a role in the source's name, and a grant
  // put meanwhile cannot come along.
  const counterConditions = PINNED_COUNTERS.map((c) => (workspace[c] === 0 ? `(attribute_not_exists(${c}) OR ${c} = :${c})` : `${c} = :${c}`));
  const pin = workspaceInOrg(source);
  const gsi = byOwner.orgWorkspace(target.id, workspace.id);
  const details = { name: workspace.name, from: source, to: target.id, removedMembers: remove.map((r) => r.membership.userId) };

  const releaseFromSource = (member: OrgMembership | undefined): TransactItem[] =>
    member
      ? [
          {
            Update: {
              TableName: table,
              Key: keys.orgMember(source, member.userId),
              UpdateExpression: 'REMOVE workspaces.#ws SET #version = #version + :one',
              ConditionExpression: '#version = :seen',
              ExpressionAttributeNames: { '#ws': workspace.id, '#version': 'version' },
              ExpressionAttributeValues: { ':one': 1, ':seen': member.version },
            },
          },
        ]
      : [];

  const items: TransactItem[] = [
    {
      Update: {
        TableName: table,
        Key: keys.workspace(workspace.id),
        UpdateExpression: `SET orgId = :target, #gpk = :gpk, #gsk = :gsk, #version = #version + :one${
          input.disable && workspace.state === 'enabled' ? ', #state = :disabled, disabledReason = :reason, disabledAt = :at' : ''
        } ADD memberCount :removed`,
        ConditionExpression: [pin.condition, '#version = :read', ...counterConditions].join(' AND '),
        ExpressionAttributeNames: {
          '#gpk': byOwner.pk,
          '#gsk': byOwner.sk,
          '#version': 'version',
          ...(input.disable && workspace.state === 'enabled' ? { '#state': 'state' } : {}),
        },
        ExpressionAttributeValues: {
          ...(input.disable && workspace.state === 'enabled'
            ? { ':disabled': 'disabled', ':reason': TRIAL_EXPIRED, ':at': now.toISOString() }
            : {}),
          ...pin.values,
          ':target': target.id,
          ':gpk': gsi[byOwner.pk],
          ':gsk': gsi[byOwner.sk],
          ':one': 1,
          ':read': workspace.version,
          ':removed': -remove.length,
          ...Object.fromEntries(PINNED_COUNTERS.map((c) => [`:${c}`, workspace[c]])),
        },
      },
    },
    {
      Update: {
        TableName: table,
        Key: keys.org(source),
        UpdateExpression: `ADD workspaceCount :minus, ${ORG_SUMMED_COUNTERS.map((c) => `${c} :${c}`).join(', ')}`,
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
        ExpressionAttributeValues: { ':minus': -1, ...Object.fromEntries(ORG_SUMMED_COUNTERS.map((c) => [`:${c}`, -counters[c]])) },
      },
    },
    countWorkspaceItem(target, counters),
    auditEvent(source, { actorId, action: 'workspace.moved', target: { type: 'workspace', id: workspace.id }, details }, now),
    auditEvent(target.id, { actorId, action: 'workspace.moved', target: { type: 'workspace', id: workspace.id }, details }, now),
    ...keep.flatMap(({ membership, source: from, target: to }): TransactItem[] => [
      {
        Update: {
          TableName: table,
          Key: keys.workspaceMember(workspace.id, membership.userId),
          UpdateExpression: 'SET orgId = :target',
          ConditionExpression: 'attribute_exists(PK) AND #role = :role',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':target': target.id, ':role': membership.role },
        },
      },
      ...releaseFromSource(from),
      {
        Update: {
          TableName: table,
          Key: keys.orgMember(target.id, to.userId),
          UpdateExpression: 'SET workspaces.#ws = :role, #version = #version + :one',
          ConditionExpression: '#version = :seen',
          ExpressionAttributeNames: { '#ws': workspace.id, '#version': 'version' },
          ExpressionAttributeValues: { ':role': membership.role, ':one': 1, ':seen': to.version },
        },
      },
    ]),
    ...remove.flatMap(({ membership, source: from }): TransactItem[] => [
      {
        Delete: {
          TableName: table,
          Key: keys.workspaceMember(workspace.id, membership.userId),
          ConditionExpression: 'attribute_exists(PK) AND #role = :role',
          ExpressionAttributeNames: { '#role': 'role' },
          ExpressionAttributeValues: { ':role': membership.role },
        },
      },
      ...releaseFromSource(from),
    ]),
  ];
  await transact(items, (failed) => (failed.includes(2) ? new StaleRead('target') : new StaleRead('workspace')), db);
  return { ...workspace, orgId: target.id, memberCount: workspace.memberCount - remove.length, version: workspace.version + 1 };
}
