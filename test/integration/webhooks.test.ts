/**
 * Webhooks end to end: a change is written → the table's stream → the local event source → the
 * publisher function → a signed POST to a receiver on loopback. Retries run in this worker, as if
 * later (`runRetries({ at })`), and the retry job is global: every retry test lives in this file,
 * and assertions are on this file's own endpoints only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedUp, expectProblem, type Tenant } from './support/api.js';
import { configureRepositories } from './support/env.js';
import { emailsTo } from './support/invitations.js';
import { startReceiver, verified, type Receiver } from './support/receiver.js';

async function retries(at: Date) {
  configureRepositories();
  const { runRetries } = await import('#services/webhook-delivery.js');
  return runRetries({ at });
}

async function register(owner: Tenant, url: string, eventTypes = ['tenancy.workspace.created']) {
  const res = await owner.api.post(`/orgs/${owner.orgId}/webhooks`, { url, eventTypes });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret: string };
}

/**
 * `read()` once `done` holds of it: the receiver has its request before the publisher has saved the
 * attempt (and the endpoint's health) it answered, so what the API shows is waited for.
 */
async function settled<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const deliveriesOf = async (owner: Tenant, webhookId: string) => (await owner.api.get(`/orgs/${owner.orgId}/webhooks/${webhookId}/deliveries`)).body.items as any[];

describe('webhooks', () => {
  let owner: Tenant;
  let other: Tenant;
  let receiver: Receiver;
  let otherReceiver: Receiver;

  beforeAll(async () => {
    [owner, other, receiver, otherReceiver] = await Promise.all([signedUp('hook-owner'), signedUp('hook-other'), startReceiver(), startReceiver()]);
    await Promise.all([owner, other].map((t) => t.api.put(`/orgs/${t.orgId}/plan`, { plan: 'enterprise' })));
  });
  afterAll(async () => {
    await Promise.all([receiver.close(), otherReceiver.close()]);
  });

  it('registers an endpoint: the secret answered once, never read back', async () => {
    const created = await owner.api.post(`/orgs/${owner.orgId}/webhooks`, { url: 'http://127.0.0.1:9/none', eventTypes: ['*'], description: 'nobody listens' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(created.headers.get('location')).toBe(`/orgs/${owner.orgId}/webhooks/${created.body.id}`);
    const read = await owner.api.get(`/orgs/${owner.orgId}/webhooks/${created.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ url: 'http://127.0.0.1:9/none', eventTypes: ['*'], enabled: true, description: 'nobody listens' });
    expect(JSON.stringify(read.body)).not.toContain(created.body.secret);
    const list = await owner.api.get(`/orgs/${owner.orgId}/webhooks`);
    expect(JSON.stringify(list.body)).not.toContain('whsec_');
    // Another organization cannot tell it exists.
    expectProblem(await other.api.get(`/orgs/${owner.orgId}/webhooks/${created.body.id}`), 404, 'not_found');
    expectProblem(await other.api.get(`/orgs/${other.orgId}/webhooks/${created.body.id}`), 404, 'not_found');
    expect((await owner.api.delete(`/orgs/${owner.orgId}/webhooks/${created.body.id}`)).status).toBe(204);
  });

  it('refuses URLs that reach private, link-local, metadata or unresolvable addresses, and non-https ones', async () => {
    for (const url of ['https://10.1.2.3/hook', 'https://192.168.0.10/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::ffff:169.254.169.254]/x', 'https://[fd00:ec2::254]/x', 'https://100.64.0.1/x', 'http://example.com/hook', 'https://user:pw@example.com/x', 'https://no-such-host.invalid/hook']) {
      const res = await owner.api.post(`/orgs/${owner.orgId}/webhooks`, { url, eventTypes: ['*'] });
      expectProblem(res, 400, 'bad_request');
      expect(res.body.errors.map((e: { path: string }) => e.path), url).toContain('body.url');
    }
    expectProblem(await owner.api.post(`/orgs/${owner.orgId}/webhooks`, { url: receiver.url, eventTypes: ['tenancy.no.such'] }), 400, 'bad_request');
  });

  it('delivers each event, signed, in order, and nothing of another organization', async () => {
    const hook = await register(owner, receiver.url);
    const foreign = await register(other, otherReceiver.url);
    const names = ['Alpha', 'Beta', 'Gamma'];
    for (const name of names) expect((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name })).status).toBe(201);
    expect((await other.api.post(`/orgs/${other.orgId}/workspaces`, { name: 'Theirs' })).status).toBe(201);

    const got = await receiver.waitFor(3);
    const events = got.map((d) => verified(d, hook.secret));
    expect(events.map((e) => e.type)).toEqual(['tenancy.workspace.created', 'tenancy.workspace.created', 'tenancy.workspace.created']);
    expect(events.map((e) => e.data.details.name)).toEqual(names);
    expect(events.every((e) => e.source === `/orgs/${owner.orgId}`)).toBe(true);
    for (const d of got) {
      expect(d.headers['content-type']).toBe('application/cloudevents+json');
      expect(d.headers['webhook-id']).toBe(JSON.parse(d.body).id);
      expect(Math.abs(Number(d.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    }
    // The same ids as the change feed.
    const feed = (await owner.api.get(`/orgs/${owner.orgId}/events?type=tenancy.workspace.created`)).body.items as { id: string }[];
    expect(feed.map((e) => e.id)).toEqual(expect.arrayContaining(events.map((e) => e.id)));
    // The other org's receiver saw its own event only, and its signature is not ours.
    const theirs = await otherReceiver.waitFor(1);
    expect(verified(theirs[0]!, foreign.secret).source).toBe(`/orgs/${other.orgId}`);
    expect(() => verified(theirs[0]!, hook.secret)).toThrow();
    expect(receiver.received.map((d) => JSON.parse(d.body).source)).not.toContain(`/orgs/${other.orgId}`);
    const log = await settled(() => deliveriesOf(owner, hook.id), (items) => items.length === 3 && items.every((d) => d.status !== 'pending'));
    expect(log.map((d) => d.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(log[0].attempts).toEqual([expect.objectContaining({ status: 200, trigger: 'event', response: 'ok' })]);
    await Promise.all([owner.api.delete(`/orgs/${owner.orgId}/webhooks/${hook.id}`), other.api.delete(`/orgs/${other.orgId}/webhooks/${foreign.id}`)]);
  });

  it('retries after 500s on the schedule with the same webhook-id, then succeeds; a replay sends it again', async () => {
    const failing = await startReceiver();
    try {
      failing.answer(500);
      const hook = await register(owner, failing.url);
      expect((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Retried' })).status).toBe(201);
      const [first] = await failing.waitFor(1);
      let [delivery] = await settled(() => deliveriesOf(owner, hook.id), (items) => items[0]?.attempts.length === 1);
      expect(delivery).toMatchObject({ status: 'pending', attempts: [expect.objectContaining({ status: 500, trigger: 'event' })] });
      const firstAt = Date.parse(delivery.attempts[0].at);
      expect(Date.parse(delivery.nextAttemptAt) - firstAt).toBe(5_000);
      expect((await settled(() => owner.api.get(`/orgs/${owner.orgId}/webhooks/${hook.id}`), (res) => res.body.failingSince !== undefined)).body.failingSince).toBeDefined();

      // Not due yet: nothing sent. Due: sent again, still failing, next in 5 minutes.
      await retries(new Date(firstAt + 4_000));
      expect(failing.received).toHaveLength(1);
      await retries(new Date(firstAt + 6_000));
      expect(failing.received).toHaveLength(2);
      [delivery] = await deliveriesOf(owner, hook.id);
      expect(Date.parse(delivery.nextAttemptAt) - Date.parse(delivery.attempts[1].at)).toBe(300_000);

      failing.answer(200);
      await retries(new Date(firstAt + 6_000 + 301_000));
      const sent = await failing.waitFor(3);
      expect(new Set(sent.map((d) => d.headers['webhook-id']))).toEqual(new Set([first!.headers['webhook-id']]));
      expect(new Set(sent.map((d) => d.body)).size).toBe(1);
      [delivery] = await deliveriesOf(owner, hook.id);
      expect(delivery.status).toBe('succeeded');
      expect(delivery.attempts.map((a: { status: number; trigger: string }) => [a.status, a.trigger])).toEqual([[500, 'event'], [500, 'retry'], [200, 'retry']]);
      expect(delivery.nextAttemptAt).toBeUndefined();
      expect((await owner.api.get(`/orgs/${owner.orgId}/webhooks/${hook.id}`)).body.failingSince).toBeUndefined();

      const replayed = await owner.api.post(`/orgs/${owner.orgId}/webhooks/${hook.id}/deliveries/${delivery.id}/replay`);
      expect(replayed.status).toBe(200);
      expect(replayed.body.attempts.at(-1)).toMatchObject({ status: 200, trigger: 'replay' });
      const again = await failing.waitFor(4);
      expect(again[3]!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
      expect(verified(again[3]!, hook.secret).id).toBe(delivery.id);
      expectProblem(await other.api.post(`/orgs/${owner.orgId}/webhooks/${hook.id}/deliveries/${delivery.id}/replay`), 404, 'not_found');
      await owner.api.delete(`/orgs/${owner.orgId}/webhooks/${hook.id}`);
    } finally {
      await failing.close();
    }
  });

  it('signs with both secrets during a rotation, then with the new one alone', async () => {
    const hook = await register(owner, receiver.url, ['tenancy.workspace.updated']);
    const rotated = await owner.api.post(`/orgs/${owner.orgId}/webhooks/${hook.id}/rotate-secret`, { overlapSeconds: 3600 });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    expect(Date.parse(rotated.body.secretRotation.previousExpiresAt) - Date.now()).toBeGreaterThan(3500_000);
    const before = receiver.received.length;
    expect((await owner.api.patch(`/workspaces/${owner.workspaceId}`, { name: 'Renamed once' })).status).toBe(200);
    const [during] = (await receiver.waitFor(before + 1)).slice(before);
    expect(String(during!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(during!, hook.secret).type).toBe('tenancy.workspace.updated');
    expect(verified(during!, rotated.body.secret).type).toBe('tenancy.workspace.updated');

    const now = await owner.api.post(`/orgs/${owner.orgId}/webhooks/${hook.id}/rotate-secret`, { overlapSeconds: 0 });
    expect((await owner.api.patch(`/workspaces/${owner.workspaceId}`, { name: 'Renamed twice' })).status).toBe(200);
    const [after] = (await receiver.waitFor(before + 2)).slice(before + 1);
    expect(String(after!.headers['webhook-signature']).split(' ')).toHaveLength(1);
    expect(verified(after!, now.body.secret).data.details).toBeDefined();
    expect(() => verified(after!, rotated.body.secret)).toThrow();
    await owner.api.delete(`/orgs/${owner.orgId}/webhooks/${hook.id}`);
  });

  it('disables an endpoint failing for 5 days, emails the owner, and delivers nothing more until enabled', async () => {
    const dead = await startReceiver();
    try {
      dead.answer(503);
      const hook = await register(owner, dead.url);
      expect((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Doomed' })).status).toBe(201);
      await dead.waitFor(1);
      const failing = await settled(() => owner.api.get(`/orgs/${owner.orgId}/webhooks/${hook.id}`), (res) => res.body.failingSince !== undefined);
      const failingSince = Date.parse(failing.body.failingSince);
      expect(failingSince).toBeGreaterThan(0);
      await retries(new Date(failingSince + 5 * 86_400_000 + 1_000));
      const read = await owner.api.get(`/orgs/${owner.orgId}/webhooks/${hook.id}`);
      expect(read.body).toMatchObject({ enabled: false, disabledReason: 'failing' });
      const mail = await emailsTo(owner.email);
      expect(mail.map((m) => m.subject)).toContainEqual(expect.stringContaining('webhook endpoint'));
      const audit = (await owner.api.get(`/orgs/${owner.orgId}/events?type=tenancy.webhook.disabled`)).body.items;
      expect(audit).toEqual([expect.objectContaining({ subject: `webhook/${hook.id}`, data: expect.objectContaining({ actorId: 'system' }) })]);

      const seen = dead.received.length;
      expect((await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Unheard' })).status).toBe(201);
      const [delivery] = await deliveriesOf(owner, hook.id);
      expect(dead.received).toHaveLength(seen);
      expectProblem(await owner.api.post(`/orgs/${owner.orgId}/webhooks/${hook.id}/deliveries/${delivery.id}/replay`), 409, 'conflict');
      const enabled = await owner.api.patch(`/orgs/${owner.orgId}/webhooks/${hook.id}`, { enabled: true }, { 'if-match': read.headers.get('etag')! });
      expect(enabled.status).toBe(200);
      expect(enabled.body.disabledReason).toBeUndefined();
      expect(enabled.body.failingSince).toBeUndefined();
      await owner.api.delete(`/orgs/${owner.orgId}/webhooks/${hook.id}`);
    } finally {
      await dead.close();
    }
  });

  it('holds an organization to 10 endpoints, even when they are registered at once', async () => {
    const crowd = await signedUp('hook-crowd');
    const results = await Promise.all(Array.from({ length: 12 }, () => crowd.api.post(`/orgs/${crowd.orgId}/webhooks`, { url: 'http://127.0.0.1:9/x', eventTypes: ['*'] })));
    expect(results.filter((r) => r.status === 201)).toHaveLength(10);
    for (const r of results.filter((r) => r.status !== 201)) expectProblem(r, 409, 'quota_exceeded');
  });
});
