/**
 * The trial lifecycle in the table: the sparse trial index (GSI2, one partition per day of
 * trial end) that the sweep reads, and the writes that end, extend or lift a trial.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Organization } from '#domain/organizations.js';
import type { Plan } from '#domain/plans.js';
import type { Workspace } from '#domain/workspaces.js';
import { TRIAL_EXPIRED } from '#domain/trials.js';
import { ConflictError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, trials } from '#db/keys.js';
import { queryPage, StaleRead, tableName, transact, transactIfNeeded, type Item, updateIfPresent } from '#db/ops.js';
import { auditEvent } from '#db/repositories/audit.js';
import { workspaceInOrg } from '#db/workspace-guard.js';
import { billingEventPut, DuplicateBillingEvent } from '#db/repositories/billing-events.js';
import type { BillingEventReceipt } from '#domain/billing.js';

export interface TrialEntry {
  orgId: string;
  trialEndsAt: string;
  trialReminderSentAt?: string;
}

const toEntry = (item: Item): TrialEntry => ({
  orgId: item.id as string,
  trialEndsAt: item.trialEndsAt as string,
  ...(item.trialReminderSentAt ? { trialReminderSentAt: item.trialReminderSentAt as string } : {}),
});

/** One page of a day's trial-index partition with trial ends in [from, to]. */
export async function trialIndexPage(
  day: string,
  range: { from?: string; to: string },
  startKey: Record<string, unknown> | undefined,
  db: Db = defaultDb,
): Promise<{ entries: TrialEntry[]; read: number; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPage(
    {
      IndexName: trials.index,
      KeyConditionExpression: range.from ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk AND #sk <= :to',
      ExpressionAttributeNames: { '#pk': trials.pk, '#sk': trials.sk },
      ExpressionAttributeValues: {
        ':pk': trials.day(day),
        ':to': `${range.to}#\uffff`,
        ...(range.from ? { ':from': range.from } : {}),
      },
      ExclusiveStartKey: startKey,
    },
    db,
  );
  return { entries: items.map(toEntry), read: items.length, lastKey };
}

/**
 * Disables a workspace because its organization's trial ended (no-op if already disabled, if
 * the org left that trial meanwhile: a plan change or extension racing the sweep wins, or if the
 * workspace moved to another organization meanwhile).
 */
export async function disableForTrial(workspace: Workspace, at: Date, trialEndsAt: string, db: Db = defaultDb): Promise<boolean> {
  const pin = workspaceInOrg(workspace.orgId);
  return transactIfNeeded(
    [
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: keys.org(workspace.orgId),
          ConditionExpression: '#plan = :trial AND trialEndsAt = :end',
          ExpressionAttributeNames: { '#plan': 'plan' },
          ExpressionAttributeValues: { ':trial': 'trial', ':end': trialEndsAt },
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: keys.workspace(workspace.id),
          UpdateExpression: 'SET #state = :disabled, disabledReason = :reason, disabledAt = :at, #version = #version + :one',
          // Still in the org whose trial ended: one moved away meanwhile is not disabled for it.
          ConditionExpression: `${pin.condition} AND #state = :enabled`,
          ExpressionAttributeNames: { '#state': 'state', '#version': 'version' },
          ExpressionAttributeValues: {
            ...pin.values,
            ':disabled': 'disabled',
            ':enabled': 'enabled',
            ':reason': TRIAL_EXPIRED,
            ':at': at.toISOString(),
            ':one': 1,
          },
        },
      },
      auditEvent(workspace.orgId, { actorId: 'system', action: 'workspace.disabled', target: { type: 'workspace', id: workspace.id }, details: { reason: TRIAL_EXPIRED } }, at),
    ],
    db,
  );
}

/** Re-enables a workspace that the trial's end disabled (and no other), while it is still in the org read. */
export async function enableAfterTrial(workspace: Workspace, actorId: string, at: Date, db: Db = defaultDb): Promise<boolean> {
  const pin = workspaceInOrg(workspace.orgId);
  return transactIfNeeded(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.workspace(workspace.id),
          UpdateExpression: 'SET #state = :enabled, #version = #version + :one REMOVE disabledReason, disabledAt',
          // Still in the org whose plan lifted the trial's end (its workspace list is a GSI read).
          ConditionExpression: `${pin.condition} AND #state = :disabled AND disabledReason = :reason`,
          ExpressionAttributeNames: { '#state': 'state', '#version': 'version' },
          ExpressionAttributeValues: { ...pin.values, ':disabled': 'disabled', ':enabled': 'enabled', ':reason': TRIAL_EXPIRED, ':one': 1 },
        },
      },
      auditEvent(workspace.orgId, { actorId, action: 'workspace.enabled', target: { type: 'workspace', id: workspace.id } }, at),
    ],
    db,
  );
}

/**
 * Claims a once-only notice (`trialReminderSentAt`, `trialEndedNoticeAt`) for the trial that
 * ends at `trialEndsAt`: true for exactly one caller, so each email goes out once.
 */
export async function claimNotice(
  orgId: string,
  field: 'trialReminderSentAt' | 'trialEndedNoticeAt',
  trialEndsAt: string,
  at: Date,
  db: Db = defaultDb,
): Promise<boolean> {
  return updateIfPresent(
    {
      Key: keys.org(orgId),
      UpdateExpression: 'SET #field = :at',
      ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(#field) AND trialEndsAt = :end AND #plan = :trial',
      ExpressionAttributeNames: { '#field': field, '#plan': 'plan' },
      ExpressionAttributeValues: { ':at': at.toISOString(), ':end': trialEndsAt, ':trial': 'trial' },
    },
    db,
  );
}

/**
 * Ends a trial: the organization leaves the trial index (so no later sweep reads it again) and
 * records when — only if it is still on the trial the index said, unextended.
 */
export async function markTrialExpired(orgId: string, trialEndsAt: string, at: Date, db: Db = defaultDb): Promise<boolean> {
  return transactIfNeeded(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.org(orgId),
          UpdateExpression: 'SET trialExpiredAt = :at, #version = #version + :one REMOVE #gpk, #gsk',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND #plan = :trial AND trialEndsAt = :end',
          ExpressionAttributeNames: { '#gpk': trials.pk, '#gsk': trials.sk, '#plan': 'plan', '#version': 'version' },
          ExpressionAttributeValues: { ':at': at.toISOString(), ':trial': 'trial', ':end': trialEndsAt, ':one': 1 },
        },
      },
      auditEvent(orgId, { actorId: 'system', action: 'organization.trial_expired', target: { type: 'organization', id: orgId }, details: { trialEndsAt } }, at),
    ],
    db,
  );
}

/** Takes an organization out of the trial index without ending anything (a stale entry). */
export async function dropFromTrialIndex(orgId: string, db: Db = defaultDb): Promise<void> {
  await updateIfPresent(
    { Key: keys.org(orgId), UpdateExpression: 'REMOVE #gpk, #gsk', ConditionExpression: 'attribute_exists(PK)', ExpressionAttributeNames: { '#gpk': trials.pk, '#gsk': trials.sk } },
    db,
  );
}

/**
 * Changes the plan; leaving the trial also leaves the trial index. Pinned to the version read
 * (`StaleRead` otherwise). A billing event's receipt rides in the same transaction (its id in the
 * audit event): `DuplicateBillingEvent`, and nothing written, when that event was received before.
 */
export async function setPlan(
  org: Organization,
  plan: Exclude<Plan, 'trial'>,
  actorId: string,
  at: Date,
  receipt?: BillingEventReceipt,
  db: Db = defaultDb,
): Promise<Organization> {
  const RECEIPT = 2;
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.org(org.id),
          UpdateExpression: 'SET #plan = :plan, #version = #version + :one REMOVE #gpk, #gsk',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND #version = :read',
          ExpressionAttributeNames: { '#plan': 'plan', '#version': 'version', '#gpk': trials.pk, '#gsk': trials.sk },
          ExpressionAttributeValues: { ':plan': plan, ':one': 1, ':read': org.version },
        },
      },
      auditEvent(
        org.id,
        { actorId, action: 'organization.plan_changed', target: { type: 'organization', id: org.id }, details: { from: org.plan, to: plan, ...(receipt ? { billingEventId: receipt.id } : {}) } },
        at,
      ),
      ...(receipt ? [billingEventPut(receipt)] : []),
    ],
    (failed) => (receipt && failed.includes(RECEIPT) ? new DuplicateBillingEvent(receipt.id) : new StaleRead('organization')),
    db,
  );
  return { ...org, plan, version: org.version + 1 };
}

/** A new trial end: back in the trial index (on the new day), notices reset. Only for orgs on trial. */
export async function setTrialEnd(org: Organization, trialEndsAt: string, actorId: string, at: Date, db: Db = defaultDb): Promise<Organization> {
  const entry = trials.entry(org.id, trialEndsAt);
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.org(org.id),
          UpdateExpression:
            'SET trialEndsAt = :end, #gpk = :gpk, #gsk = :gsk, #version = #version + :one REMOVE trialExpiredAt, trialReminderSentAt, trialEndedNoticeAt',
          ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt) AND #plan = :trial AND #version = :read',
          ExpressionAttributeNames: { '#plan': 'plan', '#version': 'version', '#gpk': trials.pk, '#gsk': trials.sk },
          ExpressionAttributeValues: {
            ':end': trialEndsAt,
            ':gpk': entry[trials.pk],
            ':gsk': entry[trials.sk],
            ':trial': 'trial',
            ':one': 1,
            ':read': org.version,
          },
        },
      },
      auditEvent(org.id, { actorId, action: 'organization.trial_extended', target: { type: 'organization', id: org.id }, details: { from: org.trialEndsAt, to: trialEndsAt } }, at),
    ],
    () => new ConflictError('The organization is not on a trial, or changed meanwhile.'),
    db,
  );
  return { ...org, trialEndsAt, trialExpiredAt: null, version: org.version + 1 };
}

/** The day before which the trial index is known to be empty (the sweep starts there). */
export async function sweepWatermark(db: Db = defaultDb): Promise<string | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.sweepState(), ConsistentRead: true }));
  return out.Item?.watermarkDay as string | undefined;
}

export async function saveSweepWatermark(day: string, db: Db = defaultDb): Promise<void> {
  await db.send(new PutCommand({ TableName: tableName(), Item: { ...keys.sweepState(), type: 'SweepState', watermarkDay: day } }));
}

