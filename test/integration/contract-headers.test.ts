/**
 * The headers the OpenAPI document declares, as a client uses them: a create's `Location` leads to
 * what it created (and a repeat with the same `Idempotency-Key` answers the same one); a refused
 * device hears the `Device` challenge. (That every response carries the headers its status
 * declares is checked on every response, support/conformance.ts; this is what they mean.)
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedUp } from './support/api.js';
import { createStream, ingest } from './support/devices.js';
import { provisionSim } from './support/sims.js';

describe('Location on a create', () => {
  it('names the created organization, workspace and device: GET there answers them', async () => {
    const owner = await signedUp('location');
    const org = await owner.api.post('/orgs', { name: 'Located Org' });
    expect(org.status).toBe(201);
    expect(org.headers.get('location')).toBe(`/orgs/${org.body.id}`);
    expect((await owner.api.get(org.headers.get('location')!)).body).toEqual(org.body);

    const workspace = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Located' });
    expect(workspace.headers.get('location')).toBe(`/workspaces/${workspace.body.id}`);
    expect((await owner.api.get(workspace.headers.get('location')!)).body).toEqual(workspace.body);

    const device = await owner.api.post(`/workspaces/${owner.workspaceId}/devices`, { name: 'located-1' });
    const { deviceKey, ...shown } = device.body as { deviceKey: string };
    expect(deviceKey).toEqual(expect.any(String));
    expect(device.headers.get('location')).toBe(`/workspaces/${owner.workspaceId}/devices/${device.body.id}`);
    expect((await owner.api.get(device.headers.get('location')!)).body).toEqual(shown);
  });

  it('names the path of a stream, a SIM and an invitation (the routes that change or delete them)', async () => {
    const owner = await signedUp('location-paths');
    const stream = await owner.api.post(`/workspaces/${owner.workspaceId}/streams`, { name: 'located.stream' });
    expect(stream.headers.get('location')).toBe(`/workspaces/${owner.workspaceId}/streams/located.stream`);
    expect((await owner.api.delete(stream.headers.get('location')!)).status).toBe(204);

    const sim = await owner.api.post(`/workspaces/${owner.workspaceId}/sims`, await provisionSim(owner.orgId));
    expect(sim.status, JSON.stringify(sim.body)).toBe(201);
    expect(sim.headers.get('location')).toBe(`/workspaces/${owner.workspaceId}/sims/${sim.body.iccid}`);
    expect((await owner.api.patch(sim.headers.get('location')!, { status: 'suspended' })).status).toBe(200);

    const invitation = await owner.api.post(`/orgs/${owner.orgId}/invitations`, { email: `located-${randomUUID().slice(0, 8)}@example.com`, role: 'member' });
    expect(invitation.headers.get('location')).toBe(`/orgs/${owner.orgId}/invitations/${invitation.body.id}`);
    expect((await owner.api.delete(invitation.headers.get('location')!)).status).toBe(204);
  });

  it('is the same on a repeat with the same Idempotency-Key, and absent on a repeated sign-up (200)', async () => {
    const owner = await signedUp('location-repeat');
    const key = { 'idempotency-key': randomUUID() };
    const first = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Once' }, key);
    const again = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Once' }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('location')).toBe(first.headers.get('location'));

    const repeat = await owner.api.post('/signup', { givenName: 'location-repeat', familyName: 'Test' });
    expect(repeat.status).toBe(200);
    expect(repeat.headers.get('location')).toBeNull();
  });
});

describe('WWW-Authenticate', () => {
  it('answers a device without a key, or with a wrong one, with the Device challenge', async () => {
    const owner = await signedUp('challenge');
    await createStream(owner.api, owner.workspaceId, 'challenged');
    for (const authorization of [undefined, 'Device wrong-key', 'Bearer not-a-device-key']) {
      const res = await ingest(owner.workspaceId, 'no-such-device', 'challenged', authorization);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Device');
    }
  });
});
