import { describe, expect, it } from 'vitest';
import { call, expectProblem, signedUp } from './support/api.js';
import { createDevice, createStream, disableWorkspace, ingest } from './support/devices.js';

describe('ingest', () => {
  it('202 with the device key; lastSeenAt is set', async () => {
    const owner = await signedUp('ingest-ok');
    const device = await createDevice(owner.api, owner.workspaceId, 'Probe-7');
    await createStream(owner.api, owner.workspaceId, 'temperature');
    const before = Date.now();
    const res = await ingest(owner.workspaceId, 'Probe-7', 'temperature', `Device ${device.deviceKey}`, { celsius: 21.5, tags: ['a'] });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect(Date.parse(res.body.receivedAt)).toBeGreaterThanOrEqual(before - 1000);
    const seen = (await owner.api.get(`/workspaces/${owner.workspaceId}/devices/${device.id}`)).body;
    expect(Date.parse(seen.lastSeenAt)).toBeGreaterThanOrEqual(before - 1000);
    // Device names match case-insensitively, like their uniqueness.
    expect((await ingest(owner.workspaceId, 'probe-7', 'temperature', `Device ${device.deviceKey}`)).status).toBe(202);
    // Any JSON document will do.
    for (const body of [[1, 2], 'text', 42, null]) expect((await ingest(owner.workspaceId, 'Probe-7', 'temperature', `Device ${device.deviceKey}`, body)).status).toBe(202);
  });

  it('401 for a missing, malformed or wrong key, another device\'s key, an unknown device or workspace', async () => {
    const owner = await signedUp('ingest-401');
    const device = await createDevice(owner.api, owner.workspaceId, 'a');
    const other = await createDevice(owner.api, owner.workspaceId, 'b');
    await createStream(owner.api, owner.workspaceId, 's');
    const ws = owner.workspaceId;
    for (const auth of [undefined, '', 'Device', `Bearer ${owner.token}`, `Device ${device.deviceKey}x`, `Device ${other.deviceKey}`, `Basic ${device.deviceKey}`]) {
      expectProblem(await ingest(ws, 'a', 's', auth), 401, 'unauthorized');
    }
    expectProblem(await ingest(ws, 'nobody', 's', `Device ${device.deviceKey}`), 401, 'unauthorized');
    expectProblem(await ingest('00000000-0000-4000-8000-000000000000', 'a', 's', `Device ${device.deviceKey}`), 401, 'unauthorized');
    expect((await owner.api.get(`/workspaces/${ws}/devices/${device.id}`)).body.lastSeenAt).toBeNull();
  });

  it('404 for a stream that is not in the device\'s workspace', async () => {
    const owner = await signedUp('ingest-404');
    const other = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Other' });
    const device = await createDevice(owner.api, owner.workspaceId, 'dev');
    await createStream(owner.api, other.body.id, 'elsewhere');
    expectProblem(await ingest(owner.workspaceId, 'dev', 'elsewhere', `Device ${device.deviceKey}`), 404, 'not_found');
    // Nor can the device send through the other workspace's path.
    expectProblem(await ingest(other.body.id, 'dev', 'elsewhere', `Device ${device.deviceKey}`), 401, 'unauthorized');
    expectProblem(await ingest(owner.workspaceId, 'dev', 'nowhere', `Device ${device.deviceKey}`), 404, 'not_found');
  });

  it('423 when the workspace is disabled', async () => {
    const owner = await signedUp('ingest-423');
    const device = await createDevice(owner.api, owner.workspaceId, 'dev');
    await createStream(owner.api, owner.workspaceId, 's');
    await disableWorkspace(owner.workspaceId);
    expectProblem(await ingest(owner.workspaceId, 'dev', 's', `Device ${device.deviceKey}`), 423, 'workspace_disabled');
    expect((await owner.api.get(`/workspaces/${owner.workspaceId}/devices/${device.id}`)).body.lastSeenAt).toBeNull();
  });

  it('400 for malformed input, 413 over 64 KB, never a 5xx', async () => {
    const owner = await signedUp('ingest-bad');
    const device = await createDevice(owner.api, owner.workspaceId, 'dev');
    await createStream(owner.api, owner.workspaceId, 's');
    const auth = { authorization: `Device ${device.deviceKey}`, 'content-type': 'application/json' };
    const path = `/ingest/${owner.workspaceId}/devices/dev/streams/s`;
    expectProblem(await call('POST', path, { rawBody: '{"t": ', headers: auth }), 400, 'bad_request');
    expectProblem(await call('POST', path, { headers: auth }), 400, 'bad_request');
    expectProblem(await call('POST', `/ingest/${owner.workspaceId}/devices/dev/streams/UPPER`, { rawBody: '{}', headers: auth }), 400, 'bad_request');
    expectProblem(await call('POST', `/ingest/not-a-uuid/devices/dev/streams/s`, { rawBody: '{}', headers: auth }), 400, 'bad_request');
    expectProblem(await call('POST', path, { rawBody: JSON.stringify({ blob: 'x'.repeat(65 * 1024) }), headers: auth }), 413, 'payload_too_large');
    expect((await call('POST', path, { rawBody: JSON.stringify({ blob: 'x'.repeat(60 * 1024) }), headers: auth })).status).toBe(202);
  });
});
