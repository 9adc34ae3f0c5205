/**
 * Anyone could claim any ICCID (issue 13, defect 3): a fresh trial account registered 200 of 200
 * sequential ICCIDs and the network feed's usage went to it. SIM cards now come from the platform:
 * operators provision them to an organization with the activation code printed on each card
 * (stored as a scrypt hash), and only a workspace of that organization can claim a card, with its
 * code. Unknown ICCID, another organization's card and a wrong code answer one and the same 404;
 * every attempt counts against an hourly allowance.
 */
import { describe, expect, it } from 'vitest';
import { limits, ORG_SIM_CLAIMS_PER_HOUR, USER_SIM_CLAIMS_PER_HOUR } from '#domain/limits.js';
import { MAX_PROVISION_BATCH, SCRYPT_COST } from '#domain/provisioned-sims.js';
import { expectProblem, signedUp, type Client, type Tenant } from './support/api.js';
import { seedRateCount, storedRateCount } from './support/limits.js';
import { addMember, addWorkspaceMember } from './support/seed.js';
import {
  newActivationCode, newIccid, operatorClient, provisionSim, seedProvisionedSim, sequentialIccids, storedLocator, storedProvisionedSim,
} from './support/sims.js';
import { stack } from './support/stack.js';

const FOREIGN_UUID = '00000000-0000-4000-8000-000000000000';

const provision = async (ops: Client, orgId: string, sims: { iccid: string; activationCode: string }[]) => ops.post(`/admin/orgs/${orgId}/sims`, { sims });
const claim = (api: Client, ws: string, card: { iccid: string; activationCode: string }) => api.post(`/workspaces/${ws}/sims`, card);
const iccidsIn = async (api: Client, ws: string): Promise<string[]> => (await api.get(`/workspaces/${ws}/sims`)).body.items.map((s: { iccid: string }) => s.iccid);

/** The answer exactly as sent: status, content type and body text. */
async function raw(user: Tenant, ws: string, body: unknown): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${stack().apiUrl}/workspaces/${ws}/sims`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('provisioning SIM cards (platform operators)', () => {
  it('provisions a batch to an organization; the code is stored as a scrypt hash, never as given', async () => {
    const owner = await signedUp('prov');
    const ops = await operatorClient();
    const cards = [
      { iccid: newIccid(), activationCode: 'K7QP-2XWM-9RTD' },
      { iccid: newIccid(20), activationCode: newActivationCode() },
    ];
    const res = await provision(ops, owner.orgId, cards);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      organizationId: owner.orgId,
      sims: cards.map((c) => ({ iccid: c.iccid, provisionedAt: expect.any(String), alreadyProvisioned: false })),
    });
    for (const card of cards) {
      const stored = (await storedProvisionedSim(card.iccid))!;
      expect(stored).toMatchObject({ iccid: card.iccid, orgId: owner.orgId, type: 'ProvisionedSim' });
      expect(stored.codeHash).toMatch(new RegExp(`^scrypt\\$${SCRYPT_COST.log2N}\\$${SCRYPT_COST.r}\\$${SCRYPT_COST.p}\\$[\\w-]+\\$[\\w-]{43}$`));
      // Neither the code as given nor its normalized form is anywhere in the item.
      const text = JSON.stringify(stored);
      for (const form of [card.activationCode, card.activationCode.replaceAll('-', ''), card.activationCode.toLowerCase()]) expect(text).not.toContain(form);
    }
    // Two cards, two salts: equal codes would not show as equal hashes either.
    expect((await storedProvisionedSim(cards[0]!.iccid))!.codeHash).not.toBe((await storedProvisionedSim(cards[1]!.iccid))!.codeHash);
    const audit = (await owner.api.get(`/orgs/${owner.orgId}/audit`)).body.items as { action: string; details: { iccids: string[] } }[];
    expect(audit.find((e) => e.action === 'sim.provisioned')?.details.iccids).toEqual(cards.map((c) => c.iccid));
  });

  it('the same card to the same organization with the same code again changes nothing; any other repeat is 409 and writes nothing', async () => {
    const owner = await signedUp('prov-repeat');
    const other = await signedUp('prov-other');
    const ops = await operatorClient();
    const card = { iccid: newIccid(), activationCode: newActivationCode() };
    expect((await provision(ops, owner.orgId, [card])).status).toBe(200);
    const before = await storedProvisionedSim(card.iccid);

    // The code as typed differently (case, hyphens) is the same code.
    const again = await provision(ops, owner.orgId, [{ iccid: card.iccid, activationCode: card.activationCode.toLowerCase().replaceAll('-', '') }]);
    expect(again.status).toBe(200);
    expect(again.body.sims).toEqual([{ iccid: card.iccid, provisionedAt: before!.provisionedAt, alreadyProvisioned: true }]);
    expect(await storedProvisionedSim(card.iccid)).toEqual(before);

    // To another organization: 409, and nothing of the batch is provisioned.
    const fresh = { iccid: newIccid(), activationCode: newActivationCode() };
    const elsewhere = await provision(ops, other.orgId, [fresh, card]);
    expectProblem(elsewhere, 409, 'conflict');
    expect(elsewhere.body.detail).toContain(card.iccid);
    expect(await storedProvisionedSim(fresh.iccid)).toBeUndefined();
    expect(await storedProvisionedSim(card.iccid)).toEqual(before);
    // To the same organization with another code: 409 too.
    expectProblem(await provision(ops, owner.orgId, [{ iccid: card.iccid, activationCode: newActivationCode() }]), 409, 'conflict');
    expect(await storedProvisionedSim(card.iccid)).toEqual(before);
  });

  it('refuses malformed batches (400), unknown organizations (404) and everyone but platform operators (403)', async () => {
    const owner = await signedUp('prov-bad');
    const ops = await operatorClient();
    const card = () => ({ iccid: newIccid(), activationCode: newActivationCode() });
    const dup = card();
    for (const body of [
      {},
      { sims: [] },
      { sims: Array.from({ length: MAX_PROVISION_BATCH + 1 }, card) },
      { sims: [dup, dup] },
      { sims: [{ iccid: newIccid() }] },
      { sims: [{ ...card(), activationCode: 'SHORT' }] },
      { sims: [{ ...card(), extra: 1 }] },
      { sims: [card()], extra: 1 },
    ]) {
      expectProblem(await ops.post(`/admin/orgs/${owner.orgId}/sims`, body), 400, 'bad_request');
    }
    expect((await provision(ops, owner.orgId, Array.from({ length: MAX_PROVISION_BATCH }, card))).status).toBe(200);
    expectProblem(await provision(ops, FOREIGN_UUID, [card()]), 404, 'not_found');
    const attempt = card();
    expectProblem(await provision(owner.api, owner.orgId, [attempt]), 403, 'forbidden');
    expect(await storedProvisionedSim(attempt.iccid)).toBeUndefined();
  });

  it("a deleted organization's cards go back to the platform: purged, and provisionable to another organization", async () => {
    const owner = await signedUp('prov-gone');
    const next = await signedUp('prov-next');
    const ops = await operatorClient();
    const doomedOrg = (await owner.api.post('/orgs', { name: 'Doomed' })).body.id as string;
    const [unclaimed, claimed] = [await provisionSim(doomedOrg), await provisionSim(doomedOrg)];
    const doomedWs = (await owner.api.post(`/orgs/${doomedOrg}/workspaces`, { name: 'Doomed WS' })).body.id as string;
    expect((await claim(owner.api, doomedWs, claimed)).status).toBe(201);
    expect((await owner.api.delete(`/orgs/${doomedOrg}`)).status).toBe(204);
    expect(await storedProvisionedSim(unclaimed.iccid)).toBeUndefined();
    expect(await storedProvisionedSim(claimed.iccid)).toBeUndefined();
    expect(await storedLocator(claimed.iccid)).toBeUndefined();
    expectProblem(await provision(ops, doomedOrg, [{ iccid: newIccid(), activationCode: newActivationCode() }]), 404, 'not_found');
    expect((await provision(ops, next.orgId, [unclaimed, claimed])).status).toBe(200);
    expect((await claim(next.api, next.workspaceId, claimed)).status).toBe(201);

    // A card the purge did not find (the index lagged) is taken over once its organization is gone.
    const leftover = { iccid: newIccid(), activationCode: newActivationCode() };
    await seedProvisionedSim(leftover.iccid, FOREIGN_UUID, leftover.activationCode);
    expect((await provision(ops, next.orgId, [leftover])).status).toBe(200);
    expect(await storedProvisionedSim(leftover.iccid)).toMatchObject({ orgId: next.orgId });
  });
});

describe('claiming a SIM card into a workspace', () => {
  it('a provisioned card is claimed with its code, by an editor or admin of a workspace of its organization', async () => {
    const owner = await signedUp('claim');
    const editor = await signedUp('claim-editor');
    await addMember(owner, editor, 'member');
    await addWorkspaceMember(owner.orgId, owner.workspaceId, editor, 'editor', owner.userId);
    const card = await provisionSim(owner.orgId, { activationCode: 'K7QP-2XWM-9RTD' });
    const res = await claim(editor.api, owner.workspaceId, { iccid: card.iccid, activationCode: 'k7qp2xwm9rtd' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ iccid: card.iccid, workspaceId: owner.workspaceId, status: 'active', deviceId: null });
    expect(await storedProvisionedSim(card.iccid)).toMatchObject({ orgId: owner.orgId, claim: { workspaceId: owner.workspaceId, userId: editor.userId, at: res.body.createdAt } });
    expect(await storedLocator(card.iccid)).toMatchObject({ workspaceId: owner.workspaceId });
    const audit = (await owner.api.get(`/orgs/${owner.orgId}/audit`)).body.items as { action: string; actorId: string; target: { id: string } }[];
    expect(audit.find((e) => e.action === 'sim.registered')).toMatchObject({ actorId: editor.userId, target: { id: card.iccid } });
    // Claimed once: again is the existing rule's 409 (the ICCID lives in one workspace).
    expectProblem(await claim(owner.api, owner.workspaceId, card), 409, 'conflict');
  });

  it('unknown ICCID, wrong code and another organization\'s card answer byte for byte the same 404, and write nothing', async () => {
    const owner = await signedUp('claim-404');
    const other = await signedUp('claim-404-other');
    const mine = await provisionSim(owner.orgId);
    const theirs = await provisionSim(other.orgId);
    const unknown = await raw(owner, owner.workspaceId, { iccid: newIccid(), activationCode: newActivationCode() });
    const wrongCode = await raw(owner, owner.workspaceId, { iccid: mine.iccid, activationCode: newActivationCode() });
    const otherOrgs = await raw(owner, owner.workspaceId, theirs);
    expect(unknown.status).toBe(404);
    expect(unknown.type).toContain('application/problem+json');
    expect(JSON.parse(unknown.text)).toMatchObject({ status: 404, code: 'not_found' });
    expect(wrongCode).toEqual(unknown);
    expect(otherOrgs).toEqual(unknown);
    expect(await iccidsIn(owner.api, owner.workspaceId)).toEqual([]);
    expect(await storedLocator(mine.iccid)).toBeUndefined();
    expect(await storedProvisionedSim(mine.iccid)).not.toHaveProperty('claim');
    expect(await storedProvisionedSim(theirs.iccid)).not.toHaveProperty('claim');
    // The card still works for its own organization.
    expect((await claim(owner.api, owner.workspaceId, mine)).status).toBe(201);
    expect((await claim(other.api, other.workspaceId, theirs)).status).toBe(201);
  });

  it('the squatting of issue 13 now fails: a fresh trial account claiming sequential ICCIDs gets 404 for every one, and the owner keeps them', async () => {
    const customer = await signedUp('squat-customer');
    const squatter = await signedUp('squat-trial');
    const ops = await operatorClient();
    const cards = sequentialIccids(20).map((iccid) => ({ iccid, activationCode: newActivationCode() }));
    expect((await provision(ops, customer.orgId, cards)).status).toBe(200);
    const guessed: number[] = [];
    for (const c of cards) guessed.push((await claim(squatter.api, squatter.workspaceId, { iccid: c.iccid, activationCode: 'AAAA-BBBB-CCCC' })).status);
    expect(guessed).toEqual(cards.map(() => 404));
    // Even a squatter who read the codes off the cards cannot take another organization's SIMs.
    for (const card of cards.slice(0, 3)) expectProblem(await claim(squatter.api, squatter.workspaceId, card), 404, 'not_found');
    expect(await iccidsIn(squatter.api, squatter.workspaceId)).toEqual([]);
    // Unprovisioned ICCIDs next to them are no better.
    for (const iccid of sequentialIccids(3)) expectProblem(await claim(squatter.api, squatter.workspaceId, { iccid, activationCode: 'AAAA-BBBB-CCCC' }), 404, 'not_found');
    for (const card of cards) expect((await claim(customer.api, customer.workspaceId, card)).status).toBe(201);
    expect((await iccidsIn(customer.api, customer.workspaceId)).sort()).toEqual(cards.map((c) => c.iccid).sort());
  });

  it('concurrent claims of one card into two workspaces: exactly one wins, one SIM item, the card claimed by the winner', async () => {
    const owner = await signedUp('claim-race');
    const callers = [owner, ...(await Promise.all(['race-a', 'race-b', 'race-c'].map((l) => signedUp(l))))];
    const second = (await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' })).body.id as string;
    for (const caller of callers.slice(1)) {
      await addMember(owner, caller, 'admin');
    }
    const tries = 8;
    const card = await provisionSim(owner.orgId);
    const targets = Array.from({ length: tries }, (_, i) => (i % 2 ? second : owner.workspaceId));
    const answers = await Promise.all(targets.map((ws, i) => claim(callers[i % callers.length]!.api, ws, card)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201), JSON.stringify(statuses)).toHaveLength(1);
    expect(statuses.every((s) => [201, 409, 503].includes(s)), JSON.stringify(statuses)).toBe(true);
    const winner = targets[statuses.indexOf(201)]!;
    const holders = [...(await iccidsIn(owner.api, owner.workspaceId)), ...(await iccidsIn(owner.api, second))];
    expect(holders).toEqual([card.iccid]);
    expect(await iccidsIn(owner.api, winner)).toEqual([card.iccid]);
    expect(await storedLocator(card.iccid)).toMatchObject({ workspaceId: winner });
    expect((await storedProvisionedSim(card.iccid))?.claim).toMatchObject({ workspaceId: winner });
    const overview = (await owner.api.get(`/orgs/${owner.orgId}/overview`)).body;
    expect(overview.sims).toBe(1);
  });
});

describe('claims are rate limited', () => {
  it(`at most ${USER_SIM_CLAIMS_PER_HOUR} attempts a person an hour, wrong codes included: then 429 with Retry-After, even with the right code`, async () => {
    const owner = await signedUp('claim-limit');
    const card = await provisionSim(owner.orgId);
    // A wrong code counts.
    expectProblem(await claim(owner.api, owner.workspaceId, { iccid: card.iccid, activationCode: newActivationCode() }), 404, 'not_found');
    expect(await storedRateCount(limits.userSimClaims, owner.userId)).toBe(1);
    expect(await storedRateCount(limits.orgSimClaims, owner.orgId)).toBe(1);
    // As if the person had guessed all hour long.
    await seedRateCount(limits.userSimClaims, owner.userId, USER_SIM_CLAIMS_PER_HOUR - 1);
    expectProblem(await claim(owner.api, owner.workspaceId, { iccid: card.iccid, activationCode: newActivationCode() }), 404, 'not_found');
    for (const attempt of [{ iccid: card.iccid, activationCode: newActivationCode() }, card]) {
      const refused = await claim(owner.api, owner.workspaceId, attempt);
      expectProblem(refused, 429, 'rate_limited');
      expect(refused.body.detail).toBe(limits.userSimClaims.message);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600, `Retry-After ${retryAfter}`).toBe(true);
    }
    expect(await storedRateCount(limits.userSimClaims, owner.userId)).toBe(USER_SIM_CLAIMS_PER_HOUR);
    expect(await iccidsIn(owner.api, owner.workspaceId)).toEqual([]);

    // Another person of the organization still has their own allowance.
    const colleague = await signedUp('claim-limit-colleague');
    await addMember(owner, colleague, 'admin');
    expect((await claim(colleague.api, owner.workspaceId, card)).status).toBe(201);
  });

  it(`at most ${ORG_SIM_CLAIMS_PER_HOUR} attempts an hour across an organization's people`, async () => {
    const owner = await signedUp('claim-org-limit');
    const card = await provisionSim(owner.orgId);
    await seedRateCount(limits.orgSimClaims, owner.orgId, ORG_SIM_CLAIMS_PER_HOUR);
    const refused = await claim(owner.api, owner.workspaceId, card);
    expectProblem(refused, 429, 'rate_limited');
    expect(refused.body.detail).toBe(limits.orgSimClaims.message);
    expect(await storedProvisionedSim(card.iccid)).not.toHaveProperty('claim');
    // Refused as a whole: the person's own allowance was not spent either.
    expect(await storedRateCount(limits.userSimClaims, owner.userId)).toBeUndefined();
  });
});
