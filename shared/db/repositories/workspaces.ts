/** Workspaces: create within the plan's quota, read, list, edit, delete. Their explicit members are in workspace-members.ts. */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Organization } from '#domain/organizations.js';
import type { Workspace } from '#domain/workspaces.js';
import { workspaceQuota } from '#domain/plans.js';
import { ConflictError, NotFoundError, QuotaExceededError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { byOwner, keys, trials } from '#db/keys.js';
import { queryAll, queryPage, StaleRead, tableName, transact, type TransactItem } from '#db/ops.js';
import { updateVersioned } from '#db/versioned.js';
import { auditEvent } from '#db/repositories/audit.js';
import { toWorkspace, workspaceItem } from '#db/records/workspaces.js';
import { getOrganization } from '#db/repositories/organizations.js';
import { workspaceInOrg } from '#db/workspace-guard.js';

export async function getWorkspace(workspaceId: string, db: Db = defaultDb): Promise<Workspace | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.workspace(workspaceId), ConsistentRead: true }));
  return out.Item ? toWorkspace(out.Item) : undefined;
}

/**
 * The write that counts a new workspace against the organization's quota. The condition
 * holds the plan and the count together, so parallel creates can never pass the quota.
 * `alsoAdd`: other counters of the org that change in the same step (a moved-in workspace
 * brings its devices, SIMs and traffic; one transaction may touch the org item only once).
 */
export function countWorkspaceItem(org: Pick<Organization, 'id' | 'plan'>, alsoAdd: Record<string, number> = {}): TransactItem {
  const adds = Object.keys(alsoAdd);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.org(org.id),
      UpdateExpression: `SET workspaceCount = if_not_exists(workspaceCount, :zero) + :one${adds.length ? ` ADD ${adds.map((c) => `${c} :${c}`).join(', ')}` : ''}`,
      ConditionExpression:
        'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND #plan = :plan AND (attribute_not_exists(workspaceCount) OR workspaceCount < :quota)',
      ExpressionAttributeNames: { '#plan': 'plan' },
      ExpressionAttributeValues: {
        ':zero': 0,
        ':one': 1,
        ':plan': org.plan,
        ':quota': workspaceQuota(org.plan),
        ...Object.fromEntries(adds.map((c) => [`:${c}`, alsoAdd[c]])),
      },
    },
  };
}

/** Creates a workspace in `org` if the plan's quota allows; a plan changed meanwhile is re-read once or twice. */
export async function createWorkspace(org: Organization, workspace: Workspace, db: Db = defaultDb): Promise<void> {
  let current: Organization | undefined = org;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!current) throw new NotFoundError();
    if (current.workspaceCount >= workspaceQuota(current.plan)) {
      throw new QuotaExceededError(
        `The ${current.plan} plan allows ${workspaceQuota(current.plan)} workspace(s); this organization has ${current.workspaceCount}.`,
      );
    }
    try {
      await transact(
        [
          countWorkspaceItem(current),
          { Put: { TableName: tableName(), Item: workspaceItem(workspace), ConditionExpression: 'attribute_not_exists(PK)' } },
          auditEvent(org.id, {
            actorId: workspace.createdBy,
            action: 'workspace.created',
            target: { type: 'workspace', id: workspace.id },
            details: { name: workspace.name },
          }),
        ],
        (failed) => (failed.includes(0) ? new StaleRead('organization') : new ConflictError('Try again.')),
        db,
      );
      return;
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
      current = await getOrganization(org.id, db);
    }
  }
  throw new ConflictError('The organization kept changing; try again.');
}

/** One page of an organization's workspaces (GSI1). */
export async function listOrgWorkspaces(
  orgId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ workspaces: Workspace[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    { ...byOwner.query(byOwner.orgPartition(orgId), byOwner.workspacePrefix), Limit: page.limit, ExclusiveStartKey: page.startKey },
    db,
  );
  return { workspaces: items.map(toWorkspace), lastKey };
}

/** Every workspace of an organization (for the few places that need them all). */
export async function listAllOrgWorkspaces(orgId: string, db: Db = defaultDb): Promise<Workspace[]> {
  const items = await queryAll(
    byOwner.query(byOwner.orgPartition(orgId), byOwner.workspacePrefix),
    db,
  );
  return items.map(toWorkspace);
}

/** Edits details, with its audit event, pinned to the version read (If-Match: 412 when stale). */
export function updateWorkspace(
  current: Workspace,
  changes: Partial<Pick<Workspace, 'name' | 'description' | 'sso'>>,
  options: { actorId: string; ifMatch?: number },
  db: Db = defaultDb,
): Promise<Workspace> {
  return updateVersioned({
    current,
    key: keys.workspace(current.id),
    changes,
    ifMatch: options.ifMatch,
    // A stale read is read again only while the workspace is still in the org the edit was
    // authorized against (the version pin holds the org: a move bumps it); moved away, it is 404.
    reload: async () => {
      const latest = await getWorkspace(current.id, db);
      return latest?.orgId === current.orgId ? latest : undefined;
    },
    also: (next) => [
      auditEvent(next.orgId, {
        actorId: options.actorId,
        action: 'workspace.updated',
        target: { type: 'workspace', id: current.id },
        details: { fields: Object.keys(changes) },
      }),
    ],
    db,
  });
}

/**
 * Deletes a workspace: its item goes (nothing of it is readable from then on), its org's counters
 * lose what it held, and it joins the purge queue, in one transaction. The purge (`#db/repositories/purge.ts`)
 * removes the rest.
 */
export async function deleteWorkspace(workspace: Workspace, actorId: string, db: Db = defaultDb): Promise<void> {
  const pin = workspaceInOrg(workspace.orgId);
  await transact(
    [
      {
        Delete: {
          TableName: tableName(),
          Key: keys.workspace(workspace.id),
          // Pinned to the org and the counts read, so the org's counters lose exactly what the
          // workspace held, and a workspace moved meanwhile is not deleted in the old org's name.
          ConditionExpression: `${pin.condition} AND (attribute_not_exists(deviceCount) OR deviceCount = :devices) AND (attribute_not_exists(simCount) OR simCount = :sims)`,
          ExpressionAttributeValues: { ...pin.values, ':devices': workspace.deviceCount, ':sims': workspace.simCount },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: keys.org(workspace.orgId),
          UpdateExpression: 'ADD workspaceCount :minus, deviceCount :devices, simCount :sims',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':minus': -1, ':devices': -workspace.deviceCount, ':sims': -workspace.simCount },
        },
      },
      // Queued for its purge in the same step: a purge cut short is finished by the sweep.
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.workspacePurge(workspace.id), ...trials.purgeEntry('WS', workspace.id), type: 'PurgeMarker', workspaceId: workspace.id },
        },
      },
      auditEvent(workspace.orgId, {
        actorId,
        action: 'workspace.deleted',
        target: { type: 'workspace', id: workspace.id },
        details: { name: workspace.name },
      }),
    ],
    (failed, { old }) =>
      failed.includes(0) && old[0]?.orgId === workspace.orgId ? new ConflictError('The workspace changed meanwhile; try again.') : new NotFoundError(),
    db,
  );
}
