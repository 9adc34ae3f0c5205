/**
 * The pins of a move, without timing: a write authorized against the source organization (its
 * access read before the move) is run after the move committed, and a move pinned to a
 * workspace read before a write is run after that write. Each must refuse and write nothing;
 * the race tests of the same rules are in move-races.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { signedUp, type Tenant, type User } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { createDevice } from './support/devices.js';
import { configureRepositories } from './support/env.js';
import { endTrial, sweep } from './support/trials.js';

async function modules() {
  configureRepositories();
  const [access, devices, workspaces, moves, workspaceRepo, orgs, trials, ops, errors] = await Promise.all([
    import('#auth/access.js'),
    import('#services/devices.js'),
    import('#services/workspaces.js'),
    import('#db/repositories/moves.js'),
    import('#db/repositories/workspaces.js'),
    import('#db/repositories/organizations.js'),
    import('#db/repositories/trials.js'),
    import('#db/ops.js'),
    import('#kernel/errors.js'),
  ]);
  return { access, devices, workspaces, moves, workspaceRepo, orgs, trials, ops, errors };
}

async function partition(workspaceId: string) {
  const { ops } = await modules();
  return ops.queryAll({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `WS#${workspaceId}` }, ConsistentRead: true });
}

const caller = (user: User) => ({ userId: user.userId, identityProviders: [] as string[] });

/** A workspace of `source` and an organization `target` that its owner is admin of (so may move into). */
async function movable(label: string): Promise<{ source: Tenant; target: Tenant; workspaceId: string }> {
  const [source, target] = await Promise.all([signedUp(`${label}-src`), signedUp(`${label}-dst`)]);
  await addMember(target, source, 'admin');
  const created = await source.api.post(`/orgs/${source.orgId}/workspaces`, { name: `${label} field` });
  expect(created.status).toBe(201);
  return { source, target, workspaceId: created.body.id as string };
}

async function moveNow(mover: Tenant, workspaceId: string, targetOrgId: string): Promise<void> {
  const moved = await mover.api.post(`/workspaces/${workspaceId}/move`, { targetOrganizationId: targetOrgId });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
}

/** The workspace as stored. */
async function stored(workspaceId: string) {
  const { workspaceRepo } = await modules();
  return workspaceRepo.getWorkspace(workspaceId);
}

describe('writes authorized against the organization a workspace has left', () => {
  it("a per-device grant authorized before the move is 404 after it, and no grant exists", async () => {
    const { access, devices, errors } = await modules();
    const { source, target, workspaceId } = await movable('pin-grant');
    const holder = await signedUp('pin-grant-holder');
    await addMember(source, holder, 'member');
    const device = await createDevice(source.api, workspaceId, 'sensor');
    const authorized = await access.loadDeviceAccess(workspaceId, caller(source), device.id);
    await moveNow(source, workspaceId, target.orgId);
    await expect(devices.grantDeviceAccess(authorized, holder.userId, 'write')).rejects.toBeInstanceOf(errors.NotFoundError);
    expect((await partition(workspaceId)).filter((i) => String(i.SK).startsWith('GRANT#'))).toEqual([]);
  });

  it('a delete authorized before the move is 404 after it: the workspace lives on in the target, counted there', async () => {
    const { access, workspaces, errors } = await modules();
    const { source, target, workspaceId } = await movable('pin-delete');
    const authorized = await access.loadWorkspaceAccess(workspaceId, caller(source));
    await moveNow(source, workspaceId, target.orgId);
    await expect(workspaces.removeWorkspace(authorized)).rejects.toBeInstanceOf(errors.NotFoundError);
    expect((await stored(workspaceId))?.orgId).toBe(target.orgId);
    expect((await target.api.get(`/orgs/${target.orgId}/overview`)).body.workspaces).toBe(2);
    expect((await source.api.get(`/orgs/${source.orgId}/overview`)).body.workspaces).toBe(1);
  });

  it('an edit authorized before the move is 404 after it (it does not follow the workspace into the target)', async () => {
    const { access, workspaces, errors } = await modules();
    const { source, target, workspaceId } = await movable('pin-edit');
    const authorized = await access.loadWorkspaceAccess(workspaceId, caller(source));
    await moveNow(source, workspaceId, target.orgId);
    await expect(workspaces.editWorkspace(authorized, { name: 'Renamed from the old org' }, undefined)).rejects.toBeInstanceOf(errors.NotFoundError);
    expect((await stored(workspaceId))?.name).toBe('pin-edit field');
  });

  it("the sweep does not disable, nor a plan change re-enable, a workspace that has left the organization it read", async () => {
    const { trials } = await modules();
    const { source, target, workspaceId } = await movable('pin-trial');
    // Disabled in the old org (as read by a sweep of it), after it moved to a paid target.
    const endsAt = await endTrial(source.orgId);
    const read = (await stored(workspaceId))!;
    expect((await target.api.put(`/orgs/${target.orgId}/plan`, { plan: 'pro' })).status).toBe(200);
    await moveNow(source, workspaceId, target.orgId);
    expect(await trials.disableForTrial(read, new Date(), endsAt)).toBe(false);
    expect((await stored(workspaceId))?.state).toBe('enabled');

    // Re-enabled by the old org's plan change (as listed before the move), after it moved into an ended trial.
    const other = await movable('pin-trial-back');
    await endTrial(other.source.orgId);
    await endTrial(other.target.orgId);
    await sweep();
    const disabled = (await stored(other.workspaceId))!;
    expect(disabled.state).toBe('disabled');
    await moveNow(other.source, other.workspaceId, other.target.orgId);
    expect(await trials.enableAfterTrial(disabled, other.source.userId, new Date())).toBe(false);
    expect((await stored(other.workspaceId))?.state).toBe('disabled');
  });
});

describe('a move pinned to the workspace it read', () => {
  async function moveAsRead(read: NonNullable<Awaited<ReturnType<typeof stored>>>, target: Tenant, actor: Tenant) {
    const { moves, orgs } = await modules();
    return moves.moveWorkspace({ workspace: read, target: (await orgs.getOrganization(target.orgId))!, keep: [], remove: [], actorId: actor.userId, now: new Date() });
  }

  it('a grant put after its read makes it read again: nothing moves', async () => {
    const { ops } = await modules();
    const { source, target, workspaceId } = await movable('pin-move-grant');
    const holder = await signedUp('pin-move-holder');
    await addMember(source, holder, 'member');
    const device = await createDevice(source.api, workspaceId, 'sensor');
    const read = (await stored(workspaceId))!;
    expect((await source.api.put(`/workspaces/${workspaceId}/devices/${device.id}/grants/${holder.userId}`, { access: 'read' })).status).toBe(200);
    await expect(moveAsRead(read, target, source)).rejects.toBeInstanceOf(ops.StaleRead);
    expect((await stored(workspaceId))?.orgId).toBe(source.orgId);
    expect((await stored(workspaceId))?.grantVersion).toBe(1);
  });

  it('an explicit member added after its read makes it read again: no role is left in the old org’s name', async () => {
    const { ops } = await modules();
    const { source, target, workspaceId } = await movable('pin-move-member');
    const member = await signedUp('pin-move-member');
    await addMember(source, member, 'member');
    const read = (await stored(workspaceId))!;
    await addWorkspaceMember(source.orgId, workspaceId, member, 'editor', source.userId);
    await expect(moveAsRead(read, target, source)).rejects.toBeInstanceOf(ops.StaleRead);
    expect((await stored(workspaceId))?.orgId).toBe(source.orgId);
  });
});
