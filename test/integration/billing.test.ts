/**
 * Paid plans come from billing (issue 13, defect 4): the billing provider's signed webhook
 * `POST /billing/events` against the local stack — the plan set and what the trial's end disabled
 * re-enabled, once per event id whatever the number of deliveries (replays, concurrent
 * duplicates: read back from the table), every bad, stale, future or missing signature 401 and
 * every malformed event 400 with nothing changed; and the owner's `PUT /plan` to a paid plan with
 * self-serve plans off (the CDK default) answering 402, run in this worker with the flag off
 * (the local stack itself has self-serve on, for demos and the other suites).
 *
 * Trial-ended workspaces are made with the sweep's own step on this file's organizations only
 * (support/trials.ts `disableOneForTrial`): nothing here runs the global sweep.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { billingSignature, billingSignatureHeader } from '#domain/billing.js';
import { call, expectProblem, signedUp, type Res, type Tenant } from './support/api.js';
import { configureRepositories } from './support/env.js';
import { allPages } from './support/invitations.js';
import { stack } from './support/stack.js';
import { disableForOtherReason, disableOneForTrial, storedOrg } from './support/trials.js';
import { context, event as apiEvent, idClaims } from '../support/events.js';

// This worker runs the plan handler in-process as a deployment without self-serve plans does
// (the CDK default); read by shared/kernel/config.ts at first use, so set before anything loads it.
process.env.SELF_SERVE_PLANS = 'false';

const secret = () => stack().billingSecret;
const newEventId = () => `evt_${randomUUID().replaceAll('-', '')}`;

interface PlanEvent {
  id: string;
  type: string;
  organizationId: string;
  plan: string;
}

const planChanged = (organizationId: string, plan: string, id = newEventId()): PlanEvent => ({ id, type: 'plan.changed', organizationId, plan });

/** Sends `body` (an event, or raw text) as the provider does: signed now with the stack's secret, unless told otherwise. */
function deliver(body: PlanEvent | string, opts: { signature?: string | null; at?: Date; secrets?: string[] } = {}): Promise<Res> {
  const raw = typeof body === 'string' ? body : JSON.stringify(body);
  const signature = opts.signature === undefined ? billingSignatureHeader(opts.secrets ?? [secret()], raw, opts.at ?? new Date()) : opts.signature;
  return call('POST', '/billing/events', { rawBody: raw, headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'billing-signature': signature }) } });
}

async function audit(t: Tenant): Promise<{ action: string; actorId: string; target: { type: string; id: string }; details: any }[]> {
  return allPages(t.api, `/orgs/${t.orgId}/audit`);
}

const planChanges = async (t: Tenant) => (await audit(t)).filter((e) => e.action === 'organization.plan_changed');

/** The receipts of these event ids as stored (strongly consistent). */
async function receipts(ids: string[]) {
  configureRepositories();
  const [{ batchGet }, { keys }] = await Promise.all([import('#db/ops.js'), import('#db/keys.js')]);
  return (await batchGet(ids.map((id) => keys.billingEvent(id)), { consistent: true })).filter((item) => item !== undefined);
}

/** An owner whose org has `extra` more workspaces, every one of them disabled by the trial's end (the sweep's step, on this org only). */
async function trialEnded(label: string, extra = 1): Promise<Tenant & { workspaceIds: string[] }> {
  const t = await signedUp(label, `${label} ${randomUUID().slice(0, 8)}`);
  const workspaceIds = [t.workspaceId];
  for (let i = 0; i < extra; i++) {
    const res = await t.api.post(`/orgs/${t.orgId}/workspaces`, { name: `Extra ${i + 1}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    workspaceIds.push(res.body.id);
  }
  for (const id of workspaceIds) expect(await disableOneForTrial(id)).toBe(true);
  return { ...t, workspaceIds };
}

async function expectUnchanged(t: Tenant, before: { etag: string | null; plan: string }): Promise<void> {
  const org = await t.api.get(`/orgs/${t.orgId}`);
  expect(org.body.plan).toBe(before.plan);
  expect(org.headers.get('etag')).toBe(before.etag);
}

async function snapshot(t: Tenant): Promise<{ etag: string | null; plan: string }> {
  const org = await t.api.get(`/orgs/${t.orgId}`);
  return { etag: org.headers.get('etag'), plan: org.body.plan };
}

describe('POST /billing/events: a signed plan.changed', () => {
  it('sets the plan and re-enables the workspaces the trial\'s end disabled, audited by `billing` with the event id', async () => {
    const t = await trialEnded('Billed', 2);
    expectProblem(await t.api.post(`/workspaces/${t.workspaceId}/devices`, { name: 'Sensor' }), 423, 'workspace_disabled');
    const e = planChanged(t.orgId, 'pro');

    const res = await deliver(e);

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ id: e.id, outcome: 'applied', organizationId: t.orgId, plan: 'pro', detail: expect.any(String) });
    expect((await t.api.get(`/orgs/${t.orgId}`)).body.plan).toBe('pro');
    for (const id of t.workspaceIds) expect((await t.api.get(`/workspaces/${id}`)).body).toMatchObject({ state: 'enabled', disabledReason: null });
    expect((await t.api.post(`/workspaces/${t.workspaceId}/devices`, { name: 'Sensor' })).status).toBe(201);
    const events = await audit(t);
    expect(events.filter((x) => x.action === 'organization.plan_changed')).toEqual([
      expect.objectContaining({ actorId: 'billing', target: { type: 'organization', id: t.orgId }, details: { from: 'trial', to: 'pro', billingEventId: e.id } }),
    ]);
    expect(events.filter((x) => x.action === 'workspace.enabled' && x.actorId === 'billing').map((x) => x.target.id).sort()).toEqual([...t.workspaceIds].sort());
    // The org left the trial for good: no longer in the trial index.
    expect((await storedOrg(t.orgId)).plan).toBe('pro');
    expect(await receipts([e.id])).toEqual([expect.objectContaining({ id: e.id, orgId: t.orgId, plan: 'pro', type: 'BillingEvent', ttl: expect.any(Number) })]);
  });

  it('accepts a header with several v1 signatures (a provider rotating its secret) when one of them is ours', async () => {
    const t = await signedUp('Rotating');
    const res = await deliver(planChanged(t.orgId, 'enterprise'), { secrets: ['the-providers-other-secret', secret()] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await t.api.get(`/orgs/${t.orgId}`)).body.plan).toBe('enterprise');
  });

  it('sets free too, and a downgrade from a paid plan keeps the workspaces enabled', async () => {
    const t = await signedUp('Downgraded');
    expect((await deliver(planChanged(t.orgId, 'pro'))).status).toBe(200);
    const res = await deliver(planChanged(t.orgId, 'free'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'applied', plan: 'free' });
    expect((await t.api.get(`/workspaces/${t.workspaceId}`)).body.state).toBe('enabled');
    expect((await planChanges(t)).map((x) => `${x.details.from}→${x.details.to}`).reverse()).toEqual(['trial→pro', 'pro→free']);
  });

  it('an unknown organization answers 200 `ignored` (a retry could not help), and writes nothing', async () => {
    const e = planChanged(randomUUID(), 'pro');
    const res = await deliver(e);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: e.id, outcome: 'ignored', organizationId: e.organizationId, plan: null });
    expect(await receipts([e.id])).toEqual([]);
  });
});

describe('POST /billing/events: the signature', () => {
  let t: Tenant;
  let before: { etag: string | null; plan: string };
  beforeAll(async () => {
    t = await signedUp('Unsigned');
    before = await snapshot(t);
  });

  it('answers 401 without a Billing-Signature header, and with a Cognito token but no signature', async () => {
    expectProblem(await deliver(planChanged(t.orgId, 'pro'), { signature: null }), 401, 'unauthorized');
    const withToken = await call('POST', '/billing/events', { token: t.token, body: planChanged(t.orgId, 'pro') });
    expectProblem(withToken, 401, 'unauthorized');
    await expectUnchanged(t, before);
  });

  it('answers 401 to a signature with another secret, over another body, or malformed', async () => {
    const e = planChanged(t.orgId, 'enterprise');
    const raw = JSON.stringify(e);
    const now = Math.floor(Date.now() / 1000);
    expectProblem(await deliver(e, { secrets: ['not-the-secret'] }), 401, 'unauthorized');
    // Signed for free, sent for enterprise.
    const signedFree = billingSignatureHeader(secret(), JSON.stringify({ ...e, plan: 'free' }));
    expectProblem(await deliver(e, { signature: signedFree }), 401, 'unauthorized');
    // The same event re-serialized: other bytes, same JSON.
    expectProblem(await deliver(JSON.stringify(e, null, 2), { signature: billingSignatureHeader(secret(), raw) }), 401, 'unauthorized');
    for (const header of [`v1=${billingSignature(secret(), now, raw)}`, `t=${now}`, `t=abc,v1=${billingSignature(secret(), now, raw)}`, 'garbage']) {
      const res = await deliver(e, { signature: header });
      expectProblem(res, 401, 'unauthorized');
      expect(res.body.detail, header).toMatch(/malformed/);
    }
    await expectUnchanged(t, before);
    expect(await planChanges(t)).toEqual([]);
  });

  it('answers 401 to a signature older than 5 minutes (a replay) and to one more than 5 minutes ahead', async () => {
    for (const offset of [-301_000, -3_600_000, 301_000, 86_400_000]) {
      const res = await deliver(planChanged(t.orgId, 'pro'), { at: new Date(Date.now() + offset) });
      expectProblem(res, 401, 'unauthorized');
      expect(res.body.detail, String(offset)).toContain('5 minutes');
    }
    await expectUnchanged(t, before);
  });

  it('accepts a signature made within the 5 minutes, either way', async () => {
    const u = await signedUp('Skewed');
    expect((await deliver(planChanged(u.orgId, 'free'), { at: new Date(Date.now() - 240_000) })).status).toBe(200);
    expect((await deliver(planChanged(u.orgId, 'pro'), { at: new Date(Date.now() + 240_000) })).status).toBe(200);
    expect((await u.api.get(`/orgs/${u.orgId}`)).body.plan).toBe('pro');
  });
});

describe('POST /billing/events: malformed events', () => {
  it('answers 400 to signed bodies that are no plan.changed event, naming the field; nothing changes', async () => {
    const t = await signedUp('Malformed');
    const before = await snapshot(t);
    const good = planChanged(t.orgId, 'pro');
    const bodies: [string, string][] = [
      ['{not json', 'body'],
      [JSON.stringify({ ...good, type: 'invoice.paid' }), 'body.type'],
      [JSON.stringify({ ...good, plan: 'trial' }), 'body.plan'],
      [JSON.stringify({ ...good, plan: 'gold' }), 'body.plan'],
      [JSON.stringify({ ...good, organizationId: 'not-a-uuid' }), 'body.organizationId'],
      [JSON.stringify({ ...good, id: 'has spaces' }), 'body.id'],
      [JSON.stringify({ type: 'plan.changed', organizationId: t.orgId, plan: 'pro' }), 'body.id'],
      [JSON.stringify([good]), 'body'],
      ['', 'body'],
    ];
    for (const [raw, path] of bodies) {
      const res = await deliver(raw);
      expectProblem(res, 400, 'bad_request');
      expect(res.body.errors.map((e: { path: string }) => e.path), raw).toContain(path);
    }
    await expectUnchanged(t, before);
    // Fields the provider adds are ignored, not refused.
    expect((await deliver(JSON.stringify({ ...good, livemode: false, created: 1_700_000_000 }))).status).toBe(200);
  });
});

describe('POST /billing/events: once per event id', () => {
  it('a replay of the same id answers 200 `duplicate` and changes nothing, even after the owner changed the plan meanwhile', async () => {
    const t = await trialEnded('Replayed');
    const e = planChanged(t.orgId, 'pro');
    expect((await deliver(e)).body.outcome).toBe('applied');
    const after = await snapshot(t);
    const auditAfter = await audit(t);

    const again = await deliver(e);
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body).toMatchObject({ id: e.id, outcome: 'duplicate', plan: 'pro' });
    await expectUnchanged(t, after);
    expect(await audit(t)).toEqual(auditAfter);

    // The owner downgrades (free is theirs); a late delivery of the old event does not undo that.
    expect((await t.api.put(`/orgs/${t.orgId}/plan`, { plan: 'free' })).status).toBe(200);
    const late = await deliver(e);
    expect(late.body).toMatchObject({ outcome: 'duplicate', plan: 'free' });
    expect((await t.api.get(`/orgs/${t.orgId}`)).body.plan).toBe('free');
    expect((await planChanges(t)).filter((x) => x.actorId === 'billing')).toHaveLength(1);
  });

  it('a repeat finishes what its first delivery left: trial-ended workspaces on an org the event made paid are re-enabled', async () => {
    const t = await trialEnded('Interrupted', 1);
    const e = planChanged(t.orgId, 'pro');
    expect((await deliver(e)).status).toBe(200);
    // As if the first delivery had stopped between the plan change and re-enabling this workspace.
    await disableForOtherReason(t.workspaceIds[1]!, 'trial_expired');
    expect((await t.api.get(`/workspaces/${t.workspaceIds[1]}`)).body.state).toBe('disabled');
    const repeat = await deliver(e);
    expect(repeat.body).toMatchObject({ outcome: 'duplicate', plan: 'pro' });
    expect((await t.api.get(`/workspaces/${t.workspaceIds[1]}`)).body.state).toBe('enabled');
    expect(await planChanges(t)).toHaveLength(1);
  });

  it('concurrent deliveries of one event (5 at once, 3 rounds) apply exactly once: one plan change, one receipt, the others `duplicate`', async () => {
    const plans = ['pro', 'enterprise', 'free'];
    const t = await trialEnded('Concurrent', 1);
    let version = (await storedOrg(t.orgId)).version;
    for (const [round, plan] of plans.entries()) {
      const e = planChanged(t.orgId, plan);
      const answers = await Promise.all(Array.from({ length: 5 }, () => deliver(e)));
      for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
      expect(answers.map((a) => a.body.outcome).sort(), `round ${round}`).toEqual(['applied', 'duplicate', 'duplicate', 'duplicate', 'duplicate']);
      // Read back from the table: one receipt, one version step, the plan the event named.
      expect(await receipts([e.id])).toHaveLength(1);
      const stored = await storedOrg(t.orgId);
      expect(stored.plan).toBe(plan);
      expect(stored.version, `round ${round}: one write of the organization`).toBe(version + 1);
      version = stored.version;
    }
    const changes = await planChanges(t);
    expect(changes.map((x) => x.details.to).reverse()).toEqual(plans);
    expect(new Set(changes.map((x) => x.details.billingEventId)).size).toBe(3);
    // The re-enabling happened once per workspace, whoever did it.
    const enabled = (await audit(t)).filter((x) => x.action === 'workspace.enabled');
    expect(enabled.map((x) => x.target.id).sort()).toEqual([...t.workspaceIds].sort());
  });

  it('concurrent different events naming the same plan: each recorded, the plan changed once', async () => {
    const t = await signedUp('SamePlan');
    const events = Array.from({ length: 5 }, () => planChanged(t.orgId, 'pro'));
    const answers = await Promise.all(events.map((e) => deliver(e)));
    for (const a of answers) expect(a.body).toMatchObject({ outcome: 'applied', plan: 'pro' });
    expect(await receipts(events.map((e) => e.id))).toHaveLength(5);
    expect(await planChanges(t)).toHaveLength(1);
    // Each of them is now a duplicate.
    expect((await deliver(events[3]!)).body.outcome).toBe('duplicate');
  });
});

describe('PUT /orgs/{orgId}/plan where self-serve plans are off (the CDK default; run in this worker)', () => {
  async function putPlan(t: Tenant, plan: string) {
    configureRepositories();
    const { handler } = await import('#functions/orgs/plan.js');
    const res = await handler(apiEvent({ method: 'PUT', path: `/orgs/${t.orgId}/plan`, pathParameters: { orgId: t.orgId }, claims: idClaims(t.userId, t.email), body: { plan } }), context());
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, contentType: res.headers?.['Content-Type'] };
  }

  it('the owner\'s paid plan answers 402 payment_required saying how to pay, nothing written; free is theirs; billing sets the paid plan', async () => {
    const t = await trialEnded('NoSelfServe');
    const before = await snapshot(t);
    for (const plan of ['pro', 'enterprise']) {
      const res = await putPlan(t, plan);
      expect(res.status, JSON.stringify(res.body)).toBe(402);
      expect(res.contentType).toBe('application/problem+json');
      expect(res.body).toMatchObject({ status: 402, code: 'payment_required', detail: expect.stringMatching(/billing/) });
    }
    await expectUnchanged(t, before);
    expect((await t.api.get(`/workspaces/${t.workspaceId}`)).body.state).toBe('disabled');
    expect(await planChanges(t)).toEqual([]);

    // Billing sets pro (and re-enables); an upgrade to enterprise is billing's too; going to free is the owner's.
    expect((await deliver(planChanged(t.orgId, 'pro'))).body.outcome).toBe('applied');
    expect((await t.api.get(`/workspaces/${t.workspaceId}`)).body.state).toBe('enabled');
    expect((await putPlan(t, 'pro')).status).toBe(200);
    expect((await putPlan(t, 'enterprise')).status).toBe(402);
    const free = await putPlan(t, 'free');
    expect(free.status, JSON.stringify(free.body)).toBe(200);
    expect(free.body.plan).toBe('free');
    expect((await planChanges(t)).map((x) => x.actorId).reverse()).toEqual(['billing', t.userId]);
  });

  it('the local stack allows it (self-serve on): the same request through the gateway answers 200', async () => {
    const t = await signedUp('SelfServe');
    expect((await t.api.put(`/orgs/${t.orgId}/plan`, { plan: 'pro' })).status).toBe(200);
  });
});
