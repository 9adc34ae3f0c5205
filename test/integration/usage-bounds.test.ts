/**
 * Usage totals stay exact numbers (issue 13, item 2): a record carries at most 1 TiB, a counter is
 * never raised past Number.MAX_SAFE_INTEGER (409, nothing recorded), and a value already stored
 * beyond it still reads, so overviews and reports keep answering.
 */
import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';
import { operatorClient, provisionSim, setStoredCounter } from './support/sims.js';

const MAX = Number.MAX_SAFE_INTEGER;
const TIB = 2 ** 40;

const operator = operatorClient;

async function withSim(label: string) {
  const owner = await signedUp(label);
  const card = await provisionSim(owner.orgId);
  const iccid = card.iccid;
  expect((await owner.api.post(`/workspaces/${owner.workspaceId}/sims`, card)).status).toBe(201);
  return { owner, iccid, feed: await operator(), wsKey: { PK: `WS#${owner.workspaceId}`, SK: 'META' }, orgKey: { PK: `ORG#${owner.orgId}`, SK: 'META' } };
}

describe('usage bounds', () => {
  it('a record over 1 TiB is refused with 400; 1 TiB is accepted', async () => {
    const { feed, iccid, owner } = await withSim('usage-max-record');
    const at = new Date().toISOString();
    expectProblem(await feed.post(`/sims/${iccid}/usage`, { at, bytes: TIB + 1 }), 400, 'bad_request');
    expectProblem(await feed.post(`/sims/${iccid}/usage`, { at, bytes: MAX }), 400, 'bad_request');
    expect((await feed.post(`/sims/${iccid}/usage`, { at, bytes: TIB })).status).toBe(201);
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body.trafficBytes).toBe(TIB);
  });

  it('a record that would raise a workspace or organization total past 2^53 − 1 is 409 and records nothing', async () => {
    const { feed, iccid, owner, wsKey, orgKey } = await withSim('usage-ceiling');
    const at = new Date().toISOString();
    await setStoredCounter(wsKey, 'trafficBytes', String(MAX - 10));
    expectProblem(await feed.post(`/sims/${iccid}/usage`, { at, bytes: 11 }), 409, 'conflict');
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body.trafficBytes).toBe(MAX - 10);
    expect((await owner.api.get(`/orgs/${owner.orgId}/overview`)).body.trafficBytes).toBe(0);
    const from = new Date(Date.now() - 60_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/usage?from=${from}&to=${to}`)).body).toMatchObject({ trafficBytes: 0, bySim: [] });
    // Exactly up to the ceiling still fits.
    expect((await feed.post(`/sims/${iccid}/usage`, { at, bytes: 10 })).status).toBe(201);

    // The organization's total is bounded the same way.
    await setStoredCounter(wsKey, 'trafficBytes', '0');
    await setStoredCounter(orgKey, 'trafficBytes', String(MAX));
    expectProblem(await feed.post(`/sims/${iccid}/usage`, { at, bytes: 1 }), 409, 'conflict');
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/overview`)).body.trafficBytes).toBe(0);
  });

  it('a total already stored beyond 2^53 − 1 still reads: overviews and reports answer 200', async () => {
    const { owner, wsKey, orgKey } = await withSim('usage-stored-over');
    await setStoredCounter(wsKey, 'trafficBytes', '18014398509481984');
    await setStoredCounter(orgKey, 'trafficBytes', '99999999999999999999');
    const ws = await owner.api.get(`/workspaces/${owner.workspaceId}/overview`);
    expect(ws.status, JSON.stringify(ws.body)).toBe(200);
    expect(ws.body.trafficBytes).toBe(MAX);
    const org = await owner.api.get(`/orgs/${owner.orgId}/overview`);
    expect(org.status, JSON.stringify(org.body)).toBe(200);
    expect(org.body.trafficBytes).toBe(MAX);
    const report = await owner.api.get('/reports');
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.workspaces[0].trafficBytes).toBe(MAX);
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}`)).status).toBe(200);
  });
});
