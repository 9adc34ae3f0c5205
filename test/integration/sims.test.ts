import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp, type Client, type Tenant } from './support/api.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import { badCheckDigit, disableWorkspace, newIccid, operatorClient, provisionSim, seedDevice, storedDevice, storedLocator, storedProvisionedSim } from './support/sims.js';

const FOREIGN_UUID = '00000000-0000-4000-8000-000000000000';

interface Cast {
  owner: Tenant;
  wsAdmin: Tenant;
  editor: Tenant;
  viewer: Tenant;
  plain: Tenant;
  stranger: Tenant;
}

/** An org owner (implicit admin), explicit workspace admin/editor/viewer, an org member without a role, a stranger. */
async function cast(label: string): Promise<Cast> {
  const owner = await signedUp(`${label}-owner`);
  const [wsAdmin, editor, viewer, plain, stranger] = await Promise.all(['wsadmin', 'editor', 'viewer', 'plain', 'stranger'].map((l) => signedUp(`${label}-${l}`)));
  for (const u of [wsAdmin!, editor!, viewer!, plain!]) await addMember(owner, u, 'member');
  await addWorkspaceMember(owner.orgId, owner.workspaceId, wsAdmin!, 'admin', owner.userId);
  await addWorkspaceMember(owner.orgId, owner.workspaceId, editor!, 'editor', owner.userId);
  await addWorkspaceMember(owner.orgId, owner.workspaceId, viewer!, 'viewer', owner.userId);
  return { owner, wsAdmin: wsAdmin!, editor: editor!, viewer: viewer!, plain: plain!, stranger: stranger! };
}

const operator = operatorClient;

const sims = (api: Client, ws: string) => api.get(`/workspaces/${ws}/sims`);
const iccidsIn = async (api: Client, ws: string): Promise<string[]> => (await sims(api, ws)).body.items.map((s: { iccid: string }) => s.iccid);
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
/** Provisions a card to `orgId` (as the platform's operators do) and claims it into `ws` as `api`. */
const claim = async (api: Client, ws: string, orgId: string, iccid = newIccid()) => api.post(`/workspaces/${ws}/sims`, await provisionSim(orgId, { iccid }));

describe('SIMs', () => {
  it('register, list and update follow the workspace roles; counters and audit follow', async () => {
    const c = await cast('roles');
    const ws = c.owner.workspaceId;
    const [a, b, d] = [newIccid(), newIccid(20), newIccid()];

    const org = c.owner.orgId;
    const created = await claim(c.editor.api, ws, org, a);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ iccid: a, workspaceId: ws, status: 'active', deviceId: null });
    expect(created.headers.get('etag')).toBeTruthy();
    expect((await claim(c.wsAdmin.api, ws, org, b)).status).toBe(201);
    expect((await claim(c.owner.api, ws, org, d)).status).toBe(201);
    expectProblem(await claim(c.viewer.api, ws, org), 403, 'forbidden');
    expectProblem(await claim(c.plain.api, ws, org), 404, 'not_found');
    expectProblem(await claim(c.stranger.api, ws, org), 404, 'not_found');

    expect((await iccidsIn(c.viewer.api, ws)).sort()).toEqual([a, b, d].sort());
    const firstPage = await c.viewer.api.get(`/workspaces/${ws}/sims?limit=2`);
    expect(firstPage.body.items).toHaveLength(2);
    const rest = await c.viewer.api.get(`/workspaces/${ws}/sims?limit=2&cursor=${firstPage.body.nextCursor}`);
    expect(rest.body).toMatchObject({ items: [expect.any(Object)], nextCursor: null });
    expectProblem(await c.stranger.api.get(`/workspaces/${ws}/sims?limit=2&cursor=${firstPage.body.nextCursor}`), 404, 'not_found');
    expectProblem(await c.editor.api.get(`/workspaces/${ws}/sims?cursor=${firstPage.body.nextCursor}`), 400, 'bad_request');
    expectProblem(await sims(c.plain.api, ws), 404, 'not_found');
    expectProblem(await sims(c.stranger.api, ws), 404, 'not_found');

    const suspended = await c.editor.api.patch(`/workspaces/${ws}/sims/${a}`, { status: 'suspended' });
    expect(suspended.body).toMatchObject({ iccid: a, status: 'suspended' });
    const etag = suspended.headers.get('etag')!;
    expect((await c.wsAdmin.api.patch(`/workspaces/${ws}/sims/${a}`, { status: 'active' }, { 'if-match': etag })).body.status).toBe('active');
    expectProblem(await c.editor.api.patch(`/workspaces/${ws}/sims/${a}`, { status: 'suspended' }, { 'if-match': etag }), 412, 'precondition_failed');
    expectProblem(await c.viewer.api.patch(`/workspaces/${ws}/sims/${a}`, { status: 'suspended' }), 403, 'forbidden');
    expectProblem(await c.plain.api.patch(`/workspaces/${ws}/sims/${a}`, { status: 'suspended' }), 404, 'not_found');
    expectProblem(await c.stranger.api.patch(`/workspaces/${ws}/sims/${a}`, { status: 'suspended' }), 404, 'not_found');
    expectProblem(await c.editor.api.patch(`/workspaces/${ws}/sims/${newIccid()}`, { status: 'suspended' }), 404, 'not_found');

    expect((await c.viewer.api.get(`/workspaces/${ws}/overview`)).body.sims).toBe(3);
    expect((await c.owner.api.get(`/orgs/${c.owner.orgId}/overview`)).body.sims).toBe(3);
    const audit = (await c.owner.api.get(`/orgs/${c.owner.orgId}/audit`)).body.items as { action: string; target: { id: string } }[];
    expect(audit.filter((e) => e.action === 'sim.registered').map((e) => e.target.id).sort()).toEqual([a, b, d].sort());
    expect(audit.filter((e) => e.action === 'sim.updated')).toHaveLength(2);
  });

  it('malformed input answers 400 and writes nothing', async () => {
    const owner = await signedUp('bad-sim');
    const ws = owner.workspaceId;
    const card = await provisionSim(owner.orgId);
    const good = card.iccid;
    const activationCode = card.activationCode;
    for (const iccid of [badCheckDigit(good), good.slice(0, 18), `${good}12`, 'abcdefghijklmnopqrs', `${good.slice(0, 18)}x`, 42, '']) {
      expectProblem(await owner.api.post(`/workspaces/${ws}/sims`, { iccid, activationCode }), 400, 'bad_request');
    }
    // The code's format is no secret: 8–32 letters and digits, optionally grouped by single hyphens.
    for (const code of ['', 'ABC-123', 'ABCD--EFGH', '-ABCDEFGH', 'ABCDEFGH-', 'ABCD EFGH', 'ABCDÉFGH', 'A'.repeat(33), 12345678, null]) {
      expectProblem(await owner.api.post(`/workspaces/${ws}/sims`, { iccid: good, activationCode: code }), 400, 'bad_request');
    }
    expectProblem(await owner.api.post(`/workspaces/${ws}/sims`, {}), 400, 'bad_request');
    expectProblem(await owner.api.post(`/workspaces/${ws}/sims`, { iccid: good }), 400, 'bad_request');
    expectProblem(await owner.api.post(`/workspaces/${ws}/sims`, { ...card, status: 'active' }), 400, 'bad_request');
    expect(await storedProvisionedSim(good)).not.toHaveProperty('claim');
    expect((await owner.api.post(`/workspaces/${ws}/sims`, card)).status).toBe(201);
    for (const body of [{}, { status: 'deleted' }, { deviceId: 'nope' }, { deviceId: 5 }, { status: 'active', extra: 1 }]) {
      expectProblem(await owner.api.patch(`/workspaces/${ws}/sims/${good}`, body), 400, 'bad_request');
    }
    expectProblem(await owner.api.patch(`/workspaces/${ws}/sims/${badCheckDigit(good)}`, { status: 'active' }), 400, 'bad_request');
    expectProblem(await owner.api.get(`/workspaces/${ws}/sims?limit=0`), 400, 'bad_request');
    expect(await iccidsIn(owner.api, ws)).toEqual([good]);
  });

  it('an ICCID lives in one workspace platform-wide: 409 elsewhere in its org, 404 in any other, without saying where', async () => {
    const owner = await signedUp('uniq');
    const other = await signedUp('uniq-other');
    const second = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' })).body.id as string;
    const card = await provisionSim(owner.orgId);
    expect((await owner.api.post(`/workspaces/${owner.workspaceId}/sims`, card)).status).toBe(201);
    const sameOrg = await owner.api.post(`/workspaces/${second}/sims`, card);
    expectProblem(sameOrg, 409, 'conflict');
    // Even with the card's code in hand, another organization's workspace cannot take it.
    const otherOrg = await other.api.post(`/workspaces/${other.workspaceId}/sims`, card);
    expectProblem(otherOrg, 404, 'not_found');
    expect(JSON.stringify(otherOrg.body)).not.toContain(owner.workspaceId);
    expect(JSON.stringify(otherOrg.body)).not.toContain(owner.orgId);
    expect(await iccidsIn(other.api, other.workspaceId)).toEqual([]);
    expect((await other.api.get(`/orgs/${other.orgId}/overview`)).body.sims).toBe(0);

    // Parallel claims of one card into two workspaces of its org, and from another tenant: exactly one wins.
    const contestedCard = await provisionSim(owner.orgId);
    const contested = contestedCard.iccid;
    const answers = await Promise.all([
      owner.api.post(`/workspaces/${second}/sims`, contestedCard),
      other.api.post(`/workspaces/${other.workspaceId}/sims`, contestedCard),
      owner.api.post(`/workspaces/${owner.workspaceId}/sims`, contestedCard),
    ]);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    expect(answers[1]!.status).toBe(404);
    expect(answers.every((r) => [201, 404, 409, 503].includes(r.status))).toBe(true);
    const holders = [
      ...(await iccidsIn(owner.api, second)),
      ...(await iccidsIn(owner.api, owner.workspaceId)),
      ...(await iccidsIn(other.api, other.workspaceId)),
    ].filter((i) => i === contested);
    expect(holders).toHaveLength(1);
  });

  it('a deleted workspace frees its ICCIDs (claimable again by the organization of the card) and nothing of them stays readable', async () => {
    const owner = await signedUp('freed');
    const other = await signedUp('freed-other');
    const doomed = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Doomed' })).body.id as string;
    const card = await provisionSim(owner.orgId);
    const iccid = card.iccid;
    expect((await owner.api.post(`/workspaces/${doomed}/sims`, card)).status).toBe(201);
    expect((await owner.api.delete(`/workspaces/${doomed}`)).status).toBe(204);
    expect(await storedLocator(iccid)).toBeUndefined();
    expectProblem(await sims(owner.api, doomed), 404, 'not_found');
    expectProblem(await other.api.post(`/workspaces/${other.workspaceId}/sims`, card), 404, 'not_found');
    expect((await owner.api.post(`/workspaces/${owner.workspaceId}/sims`, card)).status).toBe(201);
    expect((await storedProvisionedSim(iccid))?.claim).toMatchObject({ workspaceId: owner.workspaceId, userId: owner.userId });
  });

  it('attach and detach: a device of the same workspace, one SIM per device, the previous device lets go', async () => {
    const c = await cast('attach');
    const ws = c.owner.workspaceId;
    const elsewhere = (await c.owner.api.post(`/orgs/${c.owner.orgId}/workspaces`, { name: 'Elsewhere' })).body.id as string;
    const [d1, d2, foreign] = [await seedDevice(ws, 'd1'), await seedDevice(ws, 'd2'), await seedDevice(elsewhere, 'far')];
    const [s1, s2] = [newIccid(), newIccid()];
    for (const iccid of [s1, s2]) expect((await claim(c.editor.api, ws, c.owner.orgId, iccid)).status).toBe(201);

    const attached = await c.editor.api.patch(`/workspaces/${ws}/sims/${s1}`, { deviceId: d1 });
    expect(attached.body).toMatchObject({ iccid: s1, deviceId: d1 });
    expect((await storedDevice(ws, d1))?.simIccid).toBe(s1);
    // Attaching again to the same device changes nothing.
    expect((await c.editor.api.patch(`/workspaces/${ws}/sims/${s1}`, { deviceId: d1 })).body.deviceId).toBe(d1);
    expectProblem(await c.editor.api.patch(`/workspaces/${ws}/sims/${s2}`, { deviceId: d1 }), 409, 'conflict');
    expectProblem(await c.editor.api.patch(`/workspaces/${ws}/sims/${s2}`, { deviceId: foreign }), 404, 'not_found');
    expectProblem(await c.editor.api.patch(`/workspaces/${ws}/sims/${s2}`, { deviceId: FOREIGN_UUID }), 404, 'not_found');
    expect((await storedDevice(elsewhere, foreign))?.simIccid).toBeUndefined();
    expectProblem(await c.viewer.api.patch(`/workspaces/${ws}/sims/${s2}`, { deviceId: d2 }), 403, 'forbidden');

    const moved = await c.wsAdmin.api.patch(`/workspaces/${ws}/sims/${s1}`, { deviceId: d2 });
    expect(moved.body.deviceId).toBe(d2);
    expect((await storedDevice(ws, d1))?.simIccid).toBeUndefined();
    expect((await storedDevice(ws, d2))?.simIccid).toBe(s1);
    expect((await c.editor.api.patch(`/workspaces/${ws}/sims/${s2}`, { deviceId: d1 })).body.deviceId).toBe(d1);

    const detached = await c.editor.api.patch(`/workspaces/${ws}/sims/${s1}`, { deviceId: null });
    expect(detached.body.deviceId).toBeNull();
    expect((await storedDevice(ws, d2))?.simIccid).toBeUndefined();
    expect((await storedDevice(ws, d2))?.name).toBe('d2');
  });

  it('423 in a disabled workspace for every SIM write; reads still work', async () => {
    const owner = await signedUp('locked');
    const open = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Open' })).body.id as string;
    const locked = owner.workspaceId;
    const [inLocked, inOpen] = [newIccid(), newIccid()];
    expect((await claim(owner.api, locked, owner.orgId, inLocked)).status).toBe(201);
    expect((await claim(owner.api, open, owner.orgId, inOpen)).status).toBe(201);
    await disableWorkspace(locked);

    expectProblem(await claim(owner.api, locked, owner.orgId), 423, 'workspace_disabled');
    expectProblem(await owner.api.patch(`/workspaces/${locked}/sims/${inLocked}`, { status: 'suspended' }), 423, 'workspace_disabled');
    expectProblem(await owner.api.post(`/sims/${inLocked}/transfer`, { targetWorkspaceId: open }), 423, 'workspace_disabled');
    expectProblem(await owner.api.post(`/sims/${inOpen}/transfer`, { targetWorkspaceId: locked }), 423, 'workspace_disabled');
    expect(await iccidsIn(owner.api, locked)).toEqual([inLocked]);
    expect(await iccidsIn(owner.api, open)).toEqual([inOpen]);
    expect((await owner.api.get(`/workspaces/${locked}/usage`)).status).toBe(200);
  });
});

describe('SIM transfers', () => {
  /** Admin (owner) of A and B in one org, and of C in another org (as its admin). */
  async function chain(label: string) {
    const owner = await signedUp(`${label}-owner`);
    const otherOwner = await signedUp(`${label}-other`);
    await addMember(otherOwner, owner, 'admin');
    const a = owner.workspaceId;
    const b = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'B' })).body.id as string;
    return { owner, otherOwner, a, b, c: otherOwner.workspaceId };
  }

  it('A → B → C: the SIM moves, leaves its device, is suspended; usage before and after each move goes where it belongs', async () => {
    const { owner, otherOwner, a, b, c } = await chain('chain');
    const feed = await operator();
    const iccid = newIccid();
    const device = await seedDevice(a, 'tracker');
    expect((await claim(owner.api, a, owner.orgId, iccid)).status).toBe(201);
    expect((await owner.api.patch(`/workspaces/${a}/sims/${iccid}`, { deviceId: device })).status).toBe(200);
    const usage = (at: string, bytes: number) => feed.post(`/sims/${iccid}/usage`, { at, bytes });

    await tick();
    const inA = new Date().toISOString();
    const first = await usage(inA, 100);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ iccid, workspaceId: a, at: inA, bytes: 100 });
    await tick();

    const toB = await owner.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: b });
    expect(toB.status, JSON.stringify(toB.body)).toBe(200);
    expect(toB.body).toMatchObject({ iccid, workspaceId: b, status: 'suspended', deviceId: null });
    expect(await storedDevice(a, device)).toMatchObject({ name: 'tracker' });
    expect((await storedDevice(a, device))?.simIccid).toBeUndefined();
    await tick();
    const inB = new Date().toISOString();
    expect((await usage(inB, 20)).body.workspaceId).toBe(b);
    // A late record dated before the transfer still goes to A.
    expect((await usage(inA, 3)).body.workspaceId).toBe(a);
    await tick();

    const toC = await owner.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: c });
    expect(toC.status, JSON.stringify(toC.body)).toBe(200);
    expect(toC.body).toMatchObject({ workspaceId: c, status: 'suspended' });
    await tick();
    expect((await usage(new Date().toISOString(), 5000)).body.workspaceId).toBe(c);
    expect((await usage(inB, 7)).body.workspaceId).toBe(b);
    expect((await usage(inA, 1)).body.workspaceId).toBe(a);

    const usageOf = async (api: Client, ws: string) => (await api.get(`/workspaces/${ws}/usage`)).body;
    expect(await usageOf(owner.api, a)).toMatchObject({ trafficBytes: 104, bySim: [{ iccid, bytes: 104 }] });
    expect(await usageOf(owner.api, b)).toMatchObject({ trafficBytes: 27, bySim: [{ iccid, bytes: 27 }] });
    expect(await usageOf(otherOwner.api, c)).toMatchObject({ trafficBytes: 5000, bySim: [{ iccid, bytes: 5000 }] });
    // A range that ends before the first transfer sees only what A had by then.
    const early = await owner.api.get(`/workspaces/${a}/usage?from=${encodeURIComponent(new Date(Date.parse(inA) - 60_000).toISOString())}&to=${encodeURIComponent(new Date(Date.parse(inA) + 1).toISOString())}`);
    expect(early.body.trafficBytes).toBe(104);
    const none = await owner.api.get(`/workspaces/${a}/usage?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z`);
    expect(none.body).toEqual({ from: '2020-01-01T00:00:00.000Z', to: '2020-02-01T00:00:00.000Z', trafficBytes: 0, bySim: [] });

    expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body).toMatchObject({ sims: 0, trafficBytes: 131 });
    expect((await otherOwner.api.get(`/orgs/${otherOwner.orgId}/overview`)).body).toMatchObject({ sims: 1, trafficBytes: 5000 });
    expect((await owner.api.get(`/workspaces/${a}/overview`)).body).toMatchObject({ sims: 0, trafficBytes: 104 });
    expect((await owner.api.get(`/workspaces/${b}/overview`)).body).toMatchObject({ sims: 0, trafficBytes: 27 });
    expect((await otherOwner.api.get(`/workspaces/${c}/overview`)).body).toMatchObject({ sims: 1, trafficBytes: 5000 });
    expect(await iccidsIn(owner.api, a)).toEqual([]);
    expect(await iccidsIn(owner.api, b)).toEqual([]);
    expect(await iccidsIn(otherOwner.api, c)).toEqual([iccid]);

    const locator = await storedLocator(iccid);
    expect(locator).toMatchObject({ workspaceId: c, history: [expect.objectContaining({ workspaceId: a }), expect.objectContaining({ workspaceId: b })] });
    const audit = (await otherOwner.api.get(`/orgs/${otherOwner.orgId}/audit`)).body.items as { action: string; details: { from: string; to: string } }[];
    expect(audit.filter((e) => e.action === 'sim.transferred').map((e) => e.details)).toEqual([expect.objectContaining({ from: b, to: c })]);

    // Usage before the first registration belongs to nobody; usage in the future is a bad record.
    expectProblem(await usage('2020-01-01T00:00:00Z', 1), 409, 'conflict');
    expectProblem(await usage(new Date(Date.now() + 3_600_000).toISOString(), 1), 400, 'bad_request');
  });

  it('parallel transfers of one SIM: exactly one wins and the SIM is in exactly one workspace', async () => {
    const { owner, otherOwner, a, b, c } = await chain('race');
    const holdersOf = async (iccid: string) => [
      ...(await iccidsIn(owner.api, a)).filter((i) => i === iccid).map(() => a),
      ...(await iccidsIn(owner.api, b)).filter((i) => i === iccid).map(() => b),
      ...(await iccidsIn(otherOwner.api, c)).filter((i) => i === iccid).map(() => c),
    ];
    const simCounts = async () =>
      [...(await Promise.all([a, b].map(async (w) => (await owner.api.get(`/workspaces/${w}/overview`)).body.sims))), (await otherOwner.api.get(`/workspaces/${c}/overview`)).body.sims];

    // Six transfers to one target: one moves it, the others lose the race or find it there already.
    const first = newIccid();
    expect((await claim(owner.api, a, owner.orgId, first)).status).toBe(201);
    const same = await Promise.all(Array.from({ length: 6 }, () => owner.api.post(`/sims/${first}/transfer`, { targetWorkspaceId: c })));
    expect(same.filter((r) => r.status === 200)).toHaveLength(1);
    expect(same.every((r) => [200, 409, 503].includes(r.status)), JSON.stringify(same.map((r) => r.status))).toBe(true);
    expect(await holdersOf(first)).toEqual([c]);
    expect(await storedLocator(first)).toMatchObject({ workspaceId: c, history: [expect.objectContaining({ workspaceId: a })] });

    // Transfers to two targets: whatever order they land in, each success is one link of the chain.
    const second = newIccid();
    expect((await claim(owner.api, a, owner.orgId, second)).status).toBe(201);
    const mixed = await Promise.all([b, c, b, c, b, c].map((targetWorkspaceId) => owner.api.post(`/sims/${second}/transfer`, { targetWorkspaceId })));
    const wins = mixed.filter((r) => r.status === 200);
    expect(wins.length).toBeGreaterThanOrEqual(1);
    expect(mixed.every((r) => [200, 409, 503].includes(r.status)), JSON.stringify(mixed.map((r) => r.status))).toBe(true);
    const locator = (await storedLocator(second))!;
    expect((locator.history as unknown[]).length).toBe(wins.length);
    expect(await holdersOf(second)).toEqual([locator.workspaceId]);
    expect((await simCounts()).reduce((x, y) => x + y, 0)).toBe(2);
  });

  it('needs admin of both workspaces: 403 when both are visible, 404 when either is not', async () => {
    const owner = await signedUp('tx-owner');
    const [editor, viewerAdmin, stranger] = await Promise.all(['tx-editor', 'tx-viewer', 'tx-stranger'].map((l) => signedUp(l)));
    const target = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Target' })).body.id as string;
    const source = owner.workspaceId;
    for (const u of [editor!, viewerAdmin!]) await addMember(owner, u, 'member');
    await addWorkspaceMember(owner.orgId, source, editor!, 'admin', owner.userId);
    await addWorkspaceMember(owner.orgId, target, editor!, 'editor', owner.userId);
    await addWorkspaceMember(owner.orgId, source, viewerAdmin!, 'viewer', owner.userId);
    await addWorkspaceMember(owner.orgId, target, viewerAdmin!, 'admin', owner.userId);
    const iccid = newIccid();
    expect((await claim(owner.api, source, owner.orgId, iccid)).status).toBe(201);

    expectProblem(await editor!.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: target }), 403, 'forbidden');
    expectProblem(await viewerAdmin!.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: target }), 403, 'forbidden');
    // The stranger's own workspace as target: the SIM's workspace is not visible to them.
    expectProblem(await stranger!.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: stranger!.workspaceId }), 404, 'not_found');
    // An admin of the source moving it into a workspace they cannot see.
    expectProblem(await owner.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: stranger!.workspaceId }), 404, 'not_found');
    expectProblem(await owner.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: FOREIGN_UUID }), 404, 'not_found');
    expectProblem(await owner.api.post(`/sims/${newIccid()}/transfer`, { targetWorkspaceId: target }), 404, 'not_found');
    expectProblem(await owner.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: source }), 409, 'conflict');
    expectProblem(await owner.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: 'nope' }), 400, 'bad_request');
    expectProblem(await owner.api.post(`/sims/${badCheckDigit(iccid)}/transfer`, { targetWorkspaceId: target }), 400, 'bad_request');
    expectProblem(await owner.api.post(`/sims/${iccid}/transfer`, {}), 400, 'bad_request');
    expect(await iccidsIn(owner.api, source)).toEqual([iccid]);

    // Admin of both (explicitly in one, implicitly in the other through the org): allowed.
    const promoted = await owner.api.put(`/workspaces/${target}/members/${editor!.userId}`, { role: 'admin' });
    expect(promoted.status).toBe(200);
    expect((await editor!.api.post(`/sims/${iccid}/transfer`, { targetWorkspaceId: target })).status).toBe(200);
  });
});

describe('usage', () => {
  it('only platform operators record usage; unknown SIMs and malformed records are refused', async () => {
    const owner = await signedUp('feed');
    const feed = await operator();
    const iccid = newIccid();
    expect((await claim(owner.api, owner.workspaceId, owner.orgId, iccid)).status).toBe(201);
    const now = new Date().toISOString();
    expectProblem(await owner.api.post(`/sims/${iccid}/usage`, { at: now, bytes: 1 }), 403, 'forbidden');
    expectProblem(await feed.post(`/sims/${newIccid()}/usage`, { at: now, bytes: 1 }), 404, 'not_found');
    for (const body of [{ at: now }, { bytes: 1 }, { at: 'yesterday', bytes: 1 }, { at: now, bytes: -1 }, { at: now, bytes: 1.5 }, { at: now, bytes: '1' }, { at: now, bytes: 1, extra: true }]) {
      expectProblem(await feed.post(`/sims/${iccid}/usage`, body), 400, 'bad_request');
    }
    expectProblem(await feed.post(`/sims/${badCheckDigit(iccid)}/usage`, { at: now, bytes: 1 }), 400, 'bad_request');
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body.trafficBytes).toBe(0);
  });

  it('workspace usage: any workspace role reads it; others 404; malformed ranges 400', async () => {
    const c = await cast('usage-read');
    const ws = c.owner.workspaceId;
    for (const u of [c.owner, c.wsAdmin, c.editor, c.viewer]) expect((await u.api.get(`/workspaces/${ws}/usage`)).status).toBe(200);
    expectProblem(await c.plain.api.get(`/workspaces/${ws}/usage`), 404, 'not_found');
    expectProblem(await c.stranger.api.get(`/workspaces/${ws}/usage`), 404, 'not_found');
    const month = (await c.viewer.api.get(`/workspaces/${ws}/usage`)).body;
    const now = new Date();
    expect(month.from).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());
    expect(month.to).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString());
    for (const q of ['from=yesterday', 'to=2026-13-01T00:00:00Z', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'limit=5']) {
      expectProblem(await c.viewer.api.get(`/workspaces/${ws}/usage?${q}`), 400, 'bad_request');
    }
  });
});

describe('reports', () => {
  it('per-workspace and combined figures over the named workspaces or all I can access; one inaccessible id fails the whole request', async () => {
    const owner = await signedUp('rep-owner');
    const partner = await signedUp('rep-partner');
    const stranger = await signedUp('rep-stranger');
    await addMember(partner, owner, 'member');
    await addWorkspaceMember(partner.orgId, partner.workspaceId, owner, 'viewer', partner.userId);
    const second = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' })).body.id as string;
    const feed = await operator();
    const [s1, s2, s3] = [newIccid(), newIccid(), newIccid()];
    expect((await claim(owner.api, owner.workspaceId, owner.orgId, s1)).status).toBe(201);
    expect((await claim(owner.api, second, owner.orgId, s2)).status).toBe(201);
    expect((await claim(partner.api, partner.workspaceId, partner.orgId, s3)).status).toBe(201);
    await tick();
    await feed.post(`/sims/${s1}/usage`, { at: new Date().toISOString(), bytes: 10 });
    await feed.post(`/sims/${s3}/usage`, { at: new Date().toISOString(), bytes: 32 });

    const all = await owner.api.get('/reports');
    expect(all.status).toBe(200);
    const byId = Object.fromEntries(all.body.workspaces.map((w: { workspaceId: string }) => [w.workspaceId, w]));
    expect(Object.keys(byId).sort()).toEqual([owner.workspaceId, second, partner.workspaceId].sort());
    expect(byId[partner.workspaceId]).toMatchObject({ organizationId: partner.orgId, name: 'Default', devices: 0, sims: 1, trafficBytes: 32 });
    expect(byId[owner.workspaceId]).toMatchObject({ organizationId: owner.orgId, sims: 1, trafficBytes: 10 });
    expect(byId[second]).toMatchObject({ name: 'Second', sims: 1, trafficBytes: 0 });
    const sum = (field: string) => all.body.workspaces.reduce((n: number, w: Record<string, number>) => n + w[field]!, 0);
    expect(all.body.combined).toEqual({ members: sum('members'), devices: 0, sims: 3, trafficBytes: 42 });
    expect(byId[partner.workspaceId].members).toBeGreaterThanOrEqual(1);

    const some = await owner.api.get(`/reports?workspaceIds=${partner.workspaceId},${second}`);
    expect(some.body.workspaces.map((w: { workspaceId: string }) => w.workspaceId)).toEqual([partner.workspaceId, second]);
    expect(some.body.combined).toMatchObject({ devices: 0, sims: 2, trafficBytes: 32 });

    expectProblem(await owner.api.get(`/reports?workspaceIds=${second},${stranger.workspaceId}`), 404, 'not_found');
    expectProblem(await owner.api.get(`/reports?workspaceIds=${second},${FOREIGN_UUID}`), 404, 'not_found');
    expectProblem(await stranger.api.get(`/reports?workspaceIds=${second}`), 404, 'not_found');
    expect((await stranger.api.get('/reports')).body.workspaces.map((w: { workspaceId: string }) => w.workspaceId)).toEqual([stranger.workspaceId]);
    for (const q of ['workspaceIds=', 'workspaceIds=nope', `workspaceIds=${second},nope`, 'other=1', `workspaceIds=${Array.from({ length: 101 }, () => crypto.randomUUID()).join(',')}`]) {
      expectProblem(await owner.api.get(`/reports?${q}`), 400, 'bad_request');
    }
    // 100 ids, most of them unknown: 404 for the whole request, never a partial answer.
    const many = [second, ...Array.from({ length: 99 }, () => crypto.randomUUID())].join(',');
    expectProblem(await owner.api.get(`/reports?workspaceIds=${many}`), 404, 'not_found');
  });
});
