/**
 * Purging what a deletion left: a deleted workspace's partition and its members' role entries, a
 * deleted organization's workspaces, memberships, member roles and provisioned SIM cards. The deletion itself (one
 * write that makes everything unreadable and queues the purge) is in the workspace and
 * organization repositories; the services run the purge right after it, and the sweep finishes
 * any purge cut short (the purge queue). Every step is safe to run again.
 */
import { db as defaultDb, type Db } from '#db/client.js';
import { byOwner, keys, partitions, trials } from '#db/keys.js';
import { batchDelete, queryAll, updateIfPresent } from '#db/ops.js';
import { forgetPurgedGrant } from '#db/repositories/device-grants.js';
import { toMembership } from '#db/records/members.js';
import { toWorkspaceMembership } from '#db/records/workspace-members.js';
import { simLocatorsAmong } from '#db/records/sims.js';
import { provisionedSimKeysOf } from '#db/repositories/provisioned-sims.js';

/** Removes everything left in a workspace's partition and the members' role entries. Re-runnable. */
export async function purgeWorkspace(workspaceId: string, db: Db = defaultDb): Promise<void> {
  const items = await queryAll(
    { KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': partitions.workspace(workspaceId) } },
    db,
  );
  for (const item of items.filter((i) => String(i.SK).startsWith(partitions.memberPrefix))) {
    const member = toWorkspaceMembership(item);
    await updateIfPresent(
      {
        Key: keys.orgMember(member.orgId, member.userId),
        UpdateExpression: 'REMOVE workspaces.#ws SET #version = #version + :one',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#ws': workspaceId, '#version': 'version' },
        ExpressionAttributeValues: { ':one': 1 },
      },
      db,
    );
  }
  // Per-device grants also leave an entry on the grantee's org membership.
  for (const item of items.filter((i) => String(i.SK).startsWith(partitions.grantPrefix))) await forgetPurgedGrant(item, db);
  // Locators before the SIM items: a purge interrupted between the two finds the SIMs again on its re-run.
  await batchDelete(simLocatorsAmong(items), db);
  await batchDelete(
    items.map((i) => ({ PK: i.PK as string, SK: i.SK as string })),
    db,
  );
  await batchDelete([keys.workspacePurge(workspaceId)], db);
}

/**
 * Removes what a deleted organization still holds. Members lose their role first: every
 * workspace access is derived from it (implicit admins through `orgRoles`, explicit roles only
 * with an org role), so nothing of the org is reachable from that point on. Safe to run again
 * after an interruption; the sweep finishes purges left in the purge queue.
 */
export async function purgeOrganization(orgId: string, db: Db = defaultDb): Promise<void> {
  const items = await queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': partitions.org(orgId) } }, db);
  for (const item of items.filter((i) => String(i.SK).startsWith(partitions.memberPrefix))) {
    const member = toMembership(item);
    await updateIfPresent(
      {
        Key: keys.user(member.userId),
        UpdateExpression: 'REMOVE orgRoles.#org',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#org': orgId },
      },
      db,
    );
  }

  const workspaces = await queryAll(byOwner.query(byOwner.orgPartition(orgId), byOwner.workspacePrefix), db);
  for (const ws of workspaces) await purgeWorkspace(ws.id as string, db);
  // Its SIM cards return to the platform (a claimed SIM moved to another organization lives on there, unclaimable once freed).
  await batchDelete(await provisionedSimKeysOf(orgId, db), db);

  // The META item goes last: while it exists, the purge queue still lists the org.
  const meta = keys.org(orgId);
  await batchDelete(
    items.filter((i) => i.SK !== meta.SK).map((i) => ({ PK: i.PK as string, SK: i.SK as string })),
    db,
  );
  await batchDelete([meta], db);
}

/** Deletions whose purge has not finished (the purge queue): organizations and workspaces. */
export async function pendingPurges(db: Db = defaultDb): Promise<{ kind: 'ORG' | 'WS'; id: string }[]> {
  const items = await queryAll(
    {
      IndexName: trials.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': trials.pk },
      ExpressionAttributeValues: { ':pk': trials.purgePartition },
    },
    db,
  );
  return items.map((i) => {
    const [kind, id] = String(i[trials.sk]).split('#') as ['ORG' | 'WS', string];
    return { kind, id };
  });
}
