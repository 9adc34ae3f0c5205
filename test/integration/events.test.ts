/**
 * The change feed (GET /orgs/{orgId}/events): every audited change as a CloudEvents 1.0 event,
 * oldest first, filtered by type and by time, paged; nothing of another organization; the same
 * readers as the audit log.
 */
import { describe, expect, it } from 'vitest';
import { expectProblem, signedUp } from './support/api.js';
import { createDevice } from './support/devices.js';
import { addMember } from './support/seed.js';

const CLOUDEVENT_KEYS = ['data', 'datacontenttype', 'id', 'source', 'specversion', 'subject', 'time', 'type'];

describe('the change feed', () => {
  it('answers the org’s audited changes as CloudEvents, oldest first, the same events as the audit log', async () => {
    const owner = await signedUp('feed-owner');
    const device = await createDevice(owner.api, owner.workspaceId, 'feed-pump');
    const feed = await owner.api.get(`/orgs/${owner.orgId}/events`);
    expect(feed.status).toBe(200);
    const events = feed.body.items as Record<string, any>[];
    for (const e of events) {
      expect(Object.keys(e).sort()).toEqual(CLOUDEVENT_KEYS);
      expect(e).toMatchObject({ specversion: '1.0', source: `/orgs/${owner.orgId}`, datacontenttype: 'application/json' });
    }
    // Sign-up records the organization (its first workspace with it), then the device.
    expect(events.map((e) => e.type)).toEqual(['tenancy.organization.created', 'tenancy.device.created']);
    expect(events.at(-1)).toMatchObject({
      subject: `device/${device.id}`,
      data: { actorId: owner.userId, target: { type: 'device', id: device.id }, details: { name: 'feed-pump', workspaceId: owner.workspaceId } },
    });
    // The same events as the audit log (newest first there), by id and time.
    const audit = (await owner.api.get(`/orgs/${owner.orgId}/audit`)).body.items as { id: string; at: string }[];
    expect(events.map((e) => [e.id, e.time])).toEqual(audit.map((a) => [a.id, a.at]).reverse());
    // No secret: the device's key appears nowhere.
    expect(JSON.stringify(feed.body)).not.toContain(device.deviceKey);
  });

  it('filters by type and by time, pages with a cursor bound to its filters, and shows nothing of another org', async () => {
    const owner = await signedUp('feed-filter');
    const other = await signedUp('feed-other');
    for (const name of ['a', 'b', 'c']) await createDevice(owner.api, owner.workspaceId, `feed-${name}`);
    await createDevice(other.api, other.workspaceId, 'feed-elsewhere');
    const base = `/orgs/${owner.orgId}/events`;

    const created = (await owner.api.get(`${base}?type=tenancy.device.created`)).body.items as { time: string; data: { details: { name: string } } }[];
    expect(created.map((e) => e.data.details.name)).toEqual(['feed-a', 'feed-b', 'feed-c']);
    // since is inclusive, and a time without milliseconds is the same moment as with them.
    const since = created[1]!.time;
    const later = (await owner.api.get(`${base}?type=tenancy.device.created&since=${encodeURIComponent(since)}`)).body.items as { data: { details: { name: string } } }[];
    expect(later.map((e) => e.data.details.name)).toEqual(['feed-b', 'feed-c']);
    const wholeSecond = since.replace(/\.\d{3}Z$/, 'Z');
    const fromSecond = (await owner.api.get(`${base}?type=tenancy.device.created&since=${encodeURIComponent(wholeSecond)}`)).body.items as unknown[];
    expect(fromSecond.length).toBeGreaterThanOrEqual(2);

    const first = await owner.api.get(`${base}?type=tenancy.device.created&limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await owner.api.get(`${base}?type=tenancy.device.created&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((e: { data: { details: { name: string } } }) => e.data.details.name)).toEqual(['feed-c']);
    expect(second.body.nextCursor).toBeNull();
    // A cursor made for one filter is refused for another.
    expectProblem(await owner.api.get(`${base}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`), 400, 'bad_request');

    const all = JSON.stringify((await owner.api.get(base)).body);
    expect(all).not.toContain('feed-elsewhere');
    expect(all).not.toContain(other.orgId);
    expectProblem(await other.api.get(base), 404, 'not_found');
    expectProblem(await owner.api.get(`${base}?type=tenancy.nothing.happened`), 400, 'bad_request');
    expectProblem(await owner.api.get(`${base}?since=yesterday`), 400, 'bad_request');
  });

  it('is read by the owner and admins only, as the audit log is', async () => {
    const owner = await signedUp('feed-roles');
    const [admin, editor] = await Promise.all([signedUp('feed-admin'), signedUp('feed-editor')]);
    await addMember(owner, admin, 'admin');
    await addMember(owner, editor, 'editor');
    expect((await admin.api.get(`/orgs/${owner.orgId}/events`)).status).toBe(200);
    expectProblem(await editor.api.get(`/orgs/${owner.orgId}/events`), 403, 'forbidden');
  });
});
