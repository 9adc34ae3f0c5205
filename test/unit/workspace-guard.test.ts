import { describe, expect, it } from 'vitest';
import { workspaceGuard, workspaceInOrg } from '#db/workspace-guard.js';
import { NotFoundError, WorkspaceDisabledError } from '#kernel/errors.js';

const workspace = { id: 'w1', orgId: 'o1', state: 'enabled' as const, disabledReason: null };
type Conditioned = { ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown>; UpdateExpression?: string };
const body = (item: Record<string, unknown>) => (item.Update ?? item.ConditionCheck) as Conditioned;

describe('the workspace write guard', () => {
  it('pins the organization the write was authorized against: the one condition, also for writes of the workspace item itself', () => {
    const pin = workspaceInOrg('o1');
    expect(pin).toEqual({ condition: 'attribute_exists(PK) AND orgId = :pinnedOrg', values: { ':pinnedOrg': 'o1' } });
    const { items } = workspaceGuard(workspace);
    expect(body(items[0]!).ConditionExpression).toContain(pin.condition);
    expect(body(items[0]!).ExpressionAttributeValues).toMatchObject(pin.values);
  });

  it('with enabled: false needs no state and does not condition on it (member changes, grants, usage)', () => {
    const { items } = workspaceGuard({ id: 'w1', orgId: 'o1' }, {}, { enabled: false });
    expect(items).toHaveLength(1);
    expect(items[0]!.ConditionCheck).toBeDefined();
    expect(body(items[0]!).ConditionExpression).toBe('attribute_exists(PK) AND orgId = :pinnedOrg');
    // Enabled (the default) a disabled workspace is refused before anything is attempted.
    expect(() => workspaceGuard({ ...workspace, state: 'disabled', disabledReason: 'trial_expired' })).toThrow(WorkspaceDisabledError);
  });

  it('counts explicit members and grants ever put on the workspace only: the organization sums neither', () => {
    const grant = workspaceGuard({ id: 'w1', orgId: 'o1' }, { grantVersion: 1 }, { enabled: false });
    expect(grant.items).toHaveLength(1);
    expect(body(grant.items[0]!).UpdateExpression).toBe('ADD grantVersion :grantVersion');
    expect(body(grant.items[0]!).ConditionExpression).toContain('grantVersion <= :grantVersionCeiling');
    const leave = workspaceGuard({ id: 'w1', orgId: 'o1' }, { memberCount: -1 }, { enabled: false });
    expect(leave.items).toHaveLength(1);
    expect(body(leave.items[0]!).UpdateExpression).toBe('ADD memberCount :memberCount');
    expect(body(leave.items[0]!).ConditionExpression).not.toContain('Ceiling');
    // A device is summed: its organization's total moves in the same transaction.
    expect(workspaceGuard(workspace, { deviceCount: 1 }).items).toHaveLength(2);
  });

  it('reads a workspace found in another organization (moved meanwhile) as gone: 404', () => {
    const { refusal } = workspaceGuard({ id: 'w1', orgId: 'o1' }, { memberCount: 1 }, { enabled: false });
    expect(refusal({ failed: [3], old: [undefined, undefined, undefined, { id: 'w1', orgId: 'o2', name: 'W', createdBy: 'u', createdAt: 'x' }] }, 3)).toBeInstanceOf(NotFoundError);
    expect(refusal({ failed: [3], old: [] }, 3)).toBeInstanceOf(NotFoundError);
    expect(refusal({ failed: [1], old: [] }, 3)).toBeUndefined();
  });
});
