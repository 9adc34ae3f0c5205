/**
 * SIMs in the table: the SIM item in its workspace's partition, the platform-wide locator that
 * keeps an ICCID in exactly one workspace (and the history usage is attributed by), and the
 * counters on the workspace and organization items, each change one transaction. Usage records
 * are in usage.ts.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Workspace } from '#domain/workspaces.js';
import { newSimLocation, type Sim, type SimLocation } from '#domain/sims.js';
import type { ProvisionedSim } from '#domain/provisioned-sims.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '#kernel/errors.js';
import { definedOnly } from '#kernel/objects.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions } from '#db/keys.js';
import { queryPrefixPage, tableName, transact, type Cancellation, type TransactItem } from '#db/ops.js';
import { versionedUpdate } from '#db/versioned.js';
import { locatorItem, simItem, toLocation, toSim } from '#db/records/sims.js';
import { auditEvent } from '#db/repositories/audit.js';
import { claimItem, claimRefusal } from '#db/repositories/provisioned-sims.js';
import { workspaceGuard } from '#db/workspace-guard.js';

export async function getSim(workspaceId: string, iccid: string, db: Db = defaultDb): Promise<Sim | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.sim(workspaceId, iccid), ConsistentRead: true }));
  return out.Item ? toSim(out.Item) : undefined;
}

export async function getSimLocation(iccid: string, db: Db = defaultDb): Promise<SimLocation | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.simLocator(iccid), ConsistentRead: true }));
  return out.Item ? toLocation(out.Item) : undefined;
}

/** One page of a workspace's SIMs, by ICCID. */
export async function listSims(
  workspaceId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ sims: Sim[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPrefixPage(partitions.workspace(workspaceId), partitions.simPrefix, page, { consistent: true }, db);
  return { sims: items.map(toSim), lastKey };
}

/**
 * Registers a SIM claimed with its card: its locator (which fails if the ICCID exists in any
 * workspace: of concurrent claims of one card exactly one wins), the SIM item, the counters of the
 * workspace (still enabled) and its organization, the card still provisioned to that organization
 * with the code that was checked (the claim recorded on it), the audit event.
 */
export async function registerSim(workspace: Workspace, sim: Sim, card: ProvisionedSim, actorId: string, db: Db = defaultDb): Promise<void> {
  const location = newSimLocation(sim);
  const guard = workspaceGuard(workspace, { simCount: 1 });
  const claimAt = 2 + guard.items.length;
  await transact(
    [
      { Put: { TableName: tableName(), Item: locatorItem(location), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: tableName(), Item: simItem(sim), ConditionExpression: 'attribute_not_exists(PK)' } },
      ...guard.items,
      claimItem(card, workspace.orgId, { workspaceId: workspace.id, userId: actorId, at: sim.createdAt }),
      auditEvent(workspace.orgId, {
        actorId,
        action: 'sim.registered',
        target: { type: 'sim', id: sim.iccid },
        details: { workspaceId: workspace.id },
      }),
    ],
    (failed, cancellation) =>
      // Where an existing ICCID lives is not said: it may be another tenant's.
      failed.includes(claimAt)
        ? claimRefusal()
        : failed.includes(0) || failed.includes(1)
          ? new ConflictError('This ICCID is already registered.')
          : (guard.refusal(cancellation, 2) ?? new NotFoundError('No such organization.')),
    db,
  );
}

/**
 * Changes a SIM's status and/or device, pinned to the version read (If-Match: 412 when stale;
 * without it a concurrent change is re-read and the change applied again). Attaching writes the
 * device's `simIccid` in the same transaction, conditioned on the device existing in the SIM's
 * workspace (its key is in that partition) and holding no other SIM; the previous device, if
 * any, lets go of the SIM in the same transaction.
 */
export async function updateSim(
  workspace: Workspace,
  iccid: string,
  changes: { status?: Sim['status']; deviceId?: string | null },
  options: { actorId: string; ifMatch?: number; now?: Date; read?: Sim | null },
  db: Db = defaultDb,
): Promise<Sim> {
  // `read`: the SIM as read with the caller's access (null: none such), else read now.
  let current = options.read === undefined ? await getSim(workspace.id, iccid, db) : (options.read ?? undefined);
  // The previous device may have been deleted meanwhile: then there is nothing for it to let go.
  let releasePrevious = true;
  const guard = workspaceGuard(workspace);
  for (let attempt = 0; attempt < 4; attempt++) {
    if (!current) throw new NotFoundError('No such SIM in this workspace.');
    if (options.ifMatch !== undefined && options.ifMatch !== current.version) throw new PreconditionFailedError();
    const at = (options.now ?? new Date()).toISOString();
    const next: Sim = { ...current, ...definedOnly(changes), updatedAt: at, version: current.version + 1 };
    const update = versionedUpdate({ status: changes.status, deviceId: changes.deviceId, updatedAt: at });
    const items: TransactItem[] = [
      {
        Update: {
          TableName: tableName(),
          Key: keys.sim(workspace.id, iccid),
          ...update,
          ConditionExpression: 'attribute_exists(PK) AND #version = :read',
          ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':read': current.version },
        },
      },
      ...guard.items,
      auditEvent(workspace.orgId, {
        actorId: options.actorId,
        action: 'sim.updated',
        target: { type: 'sim', id: iccid },
        details: { workspaceId: workspace.id, ...definedOnly(changes) },
      }),
    ];
    const attachIndex = changes.deviceId && changes.deviceId !== current.deviceId ? items.push(attachItem(workspace.id, changes.deviceId, iccid)) - 1 : -1;
    const releaseIndex =
      releasePrevious && current.deviceId && changes.deviceId !== undefined && changes.deviceId !== current.deviceId
        ? items.push(releaseItem(workspace.id, current.deviceId, iccid)) - 1
        : -1;
    const outcome = await transact(items, (failed, cancellation) => {
      const { old } = cancellation;
      const refused = guard.refusal(cancellation, 1);
      if (refused) return refused;
      if (failed.includes(attachIndex)) {
        return old[attachIndex] ? new ConflictError('That device already has another SIM.') : new NotFoundError('No such device in this workspace.');
      }
      if (failed.includes(0)) return new Retry('stale');
      if (failed.includes(releaseIndex)) return new Retry('released');
      return new ConflictError('A concurrent change got in the way; try again.');
    }, db).then(
      () => 'done' as const,
      (error: unknown) => {
        if (error instanceof Retry) return error.reason;
        throw error;
      },
    );
    if (outcome === 'done') return next;
    if (outcome === 'released') releasePrevious = false;
    else current = await getSim(workspace.id, iccid, db);
  }
  throw new ConflictError('The SIM kept changing; reload and try again.');
}

class Retry extends Error {
  constructor(readonly reason: 'stale' | 'released') {
    super(reason);
  }
}

/** The device takes the SIM if it exists in the workspace and holds no other SIM. */
function attachItem(workspaceId: string, deviceId: string, iccid: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.device(workspaceId, deviceId),
      UpdateExpression: 'SET simIccid = :iccid',
      ConditionExpression: 'attribute_exists(PK) AND (attribute_not_exists(simIccid) OR simIccid = :iccid)',
      ExpressionAttributeValues: { ':iccid': iccid },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** The device lets go of the SIM (only if it still holds this one; never creates an item). */
function releaseItem(workspaceId: string, deviceId: string, iccid: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.device(workspaceId, deviceId),
      UpdateExpression: 'REMOVE simIccid',
      ConditionExpression: 'simIccid = :iccid',
      ExpressionAttributeValues: { ':iccid': iccid },
    },
  };
}

/**
 * Moves a SIM in one transaction: out of the source partition, into the target's (detached,
 * suspended if it was active), the locator pinned to the version read (so of parallel transfers
 * exactly one wins) with the cut-off appended, the device (staying in the source) released, the
 * counters of both workspaces (both still enabled) and of both organizations moved, and the
 * audit event in each organization.
 */
export async function moveSim(
  move: { sim: Sim; arrived: Sim; location: SimLocation; next: SimLocation; source: Workspace; target: Workspace; actorId: string },
  db: Db = defaultDb,
): Promise<void> {
  const { sim, arrived, location, next, source, target } = move;
  const event = {
    actorId: move.actorId,
    action: 'sim.transferred' as const,
    target: { type: 'sim' as const, id: sim.iccid },
    details: { from: source.id, to: target.id, at: next.since },
  };
  const sameOrg = source.orgId === target.orgId;
  const out = workspaceGuard(source, { simCount: -1 }, { orgTotals: !sameOrg });
  const into = workspaceGuard(target, { simCount: 1 }, { orgTotals: !sameOrg });
  const base: TransactItem[] = [
    {
      Delete: {
        TableName: tableName(),
        Key: keys.sim(source.id, sim.iccid),
        ConditionExpression: 'attribute_exists(PK) AND #version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':read': sim.version },
      },
    },
    { Put: { TableName: tableName(), Item: simItem(arrived), ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: tableName(),
        Item: locatorItem(next),
        ConditionExpression: 'workspaceId = :source AND #version = :read',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':source': source.id, ':read': location.version },
      },
    },
    ...out.items,
    ...into.items,
    auditEvent(source.orgId, event),
    ...(sameOrg ? [] : [auditEvent(target.orgId, event)]),
  ];
  const refusal = (failed: number[], cancellation: Cancellation): Error => {
    const refused = out.refusal(cancellation, 3) ?? into.refusal(cancellation, 3 + out.items.length);
    if (refused) return refused;
    if (failed.includes(0) || failed.includes(2)) return new ConflictError('The SIM was transferred or changed meanwhile; reload and try again.');
    return new ConflictError('A concurrent change got in the way; try again.');
  };
  if (sim.deviceId) {
    const items = [...base, releaseItem(source.id, sim.deviceId, sim.iccid)];
    const released = await transact(items, (failed, cancellation) => (failed.length === 1 && failed[0] === items.length - 1 ? new Retry('released') : refusal(failed, cancellation)), db).then(
      () => true,
      (error: unknown) => {
        if (error instanceof Retry) return false;
        throw error;
      },
    );
    if (released) return;
  }
  // No device holds the SIM (any more): the move alone.
  await transact(base, refusal, db);
}
