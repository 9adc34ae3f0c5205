/**
 * The workspace write guard: the one item every write authorized against a workspace's
 * organization carries in its transaction (its devices, streams, SIMs, usage, per-device grants,
 * explicit members, an invitation's workspace roles). It moves the workspace's counters (or, with
 * none, only checks), and holds only while the workspace exists, still belongs to the organization
 * the write was authorized against (a move racing the write makes it fail: `workspaceInOrg`, which
 * writes of the workspace item itself join to their own condition), and is enabled (a trial's end
 * racing the write makes it fail). The organization's totals of the counters it sums over its
 * workspaces move in the same transaction. A refused write answers as the guard's failure says:
 * the workspace gone or moved away → 404, disabled → 423.
 */
import type { Workspace } from '#domain/workspaces.js';
import { MAX_COUNTER } from '#domain/usage.js';
import { assertWorkspaceWritable, workspaceLocked } from '#domain/trials.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { keys } from '#db/keys.js';
import { tableName, type Cancellation, type TransactItem } from '#db/ops.js';
import { toWorkspace } from '#db/records/workspaces.js';

/**
 * Counters kept on a workspace item. `grantVersion` counts the per-device grants ever put (never
 * down): a move pinned to the value it read cannot miss a grant put after its check found none.
 */
export type WorkspaceCounter = 'deviceCount' | 'streamCount' | 'simCount' | 'trafficBytes' | 'memberCount' | 'grantVersion';

/**
 * The condition on the workspace item of every write authorized against its organization: it
 * exists and still belongs to `orgId`. The guard carries it; a write of the workspace item itself
 * (its deletion, a move, the trial disabling or re-enabling it) joins it to its own condition.
 */
export function workspaceInOrg(orgId: string): { condition: string; values: { ':pinnedOrg': string } } {
  return { condition: 'attribute_exists(PK) AND orgId = :pinnedOrg', values: { ':pinnedOrg': orgId } };
}

/** The counters an organization sums over its workspaces (its overview); a moved workspace takes its share along. */
export const ORG_SUMMED_COUNTERS = ['deviceCount', 'simCount', 'trafficBytes'] as const;

export interface GuardOptions {
  /** Whether the workspace must be enabled (default true). Usage records land in disabled workspaces too. */
  enabled?: boolean;
  /** Whether the organization's totals move too (default true); a transfer within one organization nets to zero. */
  orgTotals?: boolean;
}

/** The guard's transaction items, and how to read their failure. */
export interface Guard {
  /** The workspace item, then (when a counter summed there moves) the organization's totals. */
  items: TransactItem[];
  /**
   * Why the transaction was refused when the guard's items (placed from index `at`) failed, else
   * undefined: the workspace gone or now in another organization → 404, exactly like one that
   * never existed; disabled → 423 with the reason the domain gives; the organization being
   * deleted → 404.
   */
  refusal: (cancellation: Cancellation, at: number) => Error | undefined;
}

/** What the guard needs of the workspace as read: its id and organization, and its state unless `enabled: false`. */
type Guarded = Pick<Workspace, 'id' | 'orgId'>;
type Counts = Partial<Record<WorkspaceCounter, number>>;

/**
 * The guard of a write into `workspace` (as read when the caller was authorized). Refuses at once
 * (423) when the workspace as read is disabled, so nothing is attempted that the transaction
 * would refuse.
 */
export function workspaceGuard(workspace: Guarded, counts: Counts, options: GuardOptions & { enabled: false }): Guard;
export function workspaceGuard(workspace: Guarded & Pick<Workspace, 'state' | 'disabledReason'>, counts?: Counts, options?: GuardOptions): Guard;
export function workspaceGuard(
  workspace: Guarded & Partial<Pick<Workspace, 'state' | 'disabledReason'>>,
  counts: Counts = {},
  options: GuardOptions = {},
): Guard {
  const enabled = options.enabled ?? true;
  if (enabled) assertWorkspaceWritable(workspace as Pick<Workspace, 'state' | 'disabledReason'>);
  const pin = workspaceInOrg(workspace.orgId);
  const condition = [pin.condition, ...(enabled ? ['(attribute_not_exists(#state) OR #state = :enabled)'] : [])].join(' AND ');
  const fields = Object.entries(counts).filter(([, n]) => n !== undefined) as [WorkspaceCounter, number][];
  const ceiling = withinCeiling(fields);
  const common = {
    TableName: tableName(),
    Key: keys.workspace(workspace.id),
    ConditionExpression: [condition, ...ceiling.conditions].join(' AND '),
    ...(enabled ? { ExpressionAttributeNames: { '#state': 'state' } } : {}),
    ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
  };
  const values = { ...pin.values, ...(enabled ? { ':enabled': 'enabled' } : {}), ...ceiling.values };
  const item: TransactItem = fields.length
    ? {
        Update: {
          ...common,
          UpdateExpression: `ADD ${fields.map(([field]) => `${field} :${field}`).join(', ')}`,
          ExpressionAttributeValues: { ...values, ...Object.fromEntries(fields.map(([field, n]) => [`:${field}`, n])) },
        },
      }
    : { ConditionCheck: { ...common, ExpressionAttributeValues: values } };
  const summed = fields.filter(([field]) => (ORG_SUMMED_COUNTERS as readonly string[]).includes(field));
  const items = summed.length && options.orgTotals !== false ? [item, orgTotals(workspace.orgId, Object.fromEntries(summed))] : [item];
  return {
    items,
    refusal: ({ failed, old }, at) => {
      if (failed.includes(at)) {
        const found = old[at];
        if (!found || found.orgId !== workspace.orgId) return new NotFoundError('No such workspace.');
        return workspaceLocked(toWorkspace(found)) ?? overCeiling(found, fields, 'workspace') ?? new ConflictError('A concurrent change got in the way; try again.');
      }
      if (items.length > 1 && failed.includes(at + 1)) {
        const org = old[at + 1];
        return (org && !org.deletedAt && overCeiling(org, summed, 'organization')) || new NotFoundError('No such organization.');
      }
      return undefined;
    },
  };
}

/**
 * The organization's totals moved by `counts`, while it exists, is not being deleted, and no total
 * would pass what a counter can hold.
 */
export function orgTotals(orgId: string, counts: Partial<Record<WorkspaceCounter, number>>): TransactItem {
  const fields = Object.entries(counts) as [WorkspaceCounter, number][];
  const ceiling = withinCeiling(fields);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.org(orgId),
      UpdateExpression: `ADD ${fields.map(([field]) => `${field} :${field}`).join(', ')}`,
      ConditionExpression: ['attribute_exists(PK) AND attribute_not_exists(deletedAt)', ...ceiling.conditions].join(' AND '),
      ExpressionAttributeValues: { ...Object.fromEntries(fields.map(([field, n]) => [`:${field}`, n])), ...ceiling.values },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/**
 * Conditions that keep every counter an increment raises within `MAX_COUNTER` (the largest exact
 * JavaScript integer): the counter, if present, may be at most the ceiling minus the increment.
 */
function withinCeiling(fields: [WorkspaceCounter, number][]): { conditions: string[]; values: Record<string, number> } {
  const raised = fields.filter(([, n]) => n > 0);
  return {
    conditions: raised.map(([field]) => `(attribute_not_exists(${field}) OR ${field} <= :${field}Ceiling)`),
    values: Object.fromEntries(raised.map(([field, n]) => [`:${field}Ceiling`, MAX_COUNTER - n])),
  };
}

/** 409 when the item as found holds a counter the write would have raised past `MAX_COUNTER`. */
function overCeiling(found: Record<string, unknown>, fields: [WorkspaceCounter, number][], what: string): Error | undefined {
  const over = fields.find(([field, n]) => n > 0 && typeof found[field] === 'number' && (found[field] as number) > MAX_COUNTER - n);
  return over ? new ConflictError(`The ${what}'s ${over[0]} would pass the largest total it can hold (${MAX_COUNTER}); nothing was recorded.`) : undefined;
}
