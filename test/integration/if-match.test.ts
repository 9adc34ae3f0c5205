/**
 * Every PATCH honours If-Match (contract: strong comparison; a stale or weak tag answers 412 and
 * writes nothing). The cases are keyed by route, and the route table says which routes are PATCHes:
 * a new PATCH without a case here fails the first test.
 */
import { describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.js';
import { expectProblem, signedUp, newUser, type Client, type Tenant } from './support/api.js';
import { createDevice } from './support/devices.js';
import { freshAddress } from './support/invitations.js';
import { addMember } from './support/seed.js';
import { provisionSim } from './support/sims.js';

interface Case {
  client: Client;
  path: string;
  /** Two different changes: the first makes a tag, the second is tried stale, then fresh. */
  bodies: [unknown, unknown];
}

const cases: Record<string, (owner: Tenant) => Promise<Case>> = {
  'PATCH /me': async (o) => {
    // The tag a client holds comes from GET /me as well as from a PATCH.
    const read = await o.api.get('/me');
    const tag = read.headers.get('etag')!;
    expect(tag).toMatch(/^"\d+"$/);
    expect((await o.api.patch('/me', { familyName: 'Read' }, { 'if-match': tag })).status).toBe(200);
    return { client: o.api, path: '/me', bodies: [{ givenName: 'First' }, { givenName: 'Second' }] };
  },
  'PATCH /orgs/{orgId}': async (o) => ({ client: o.api, path: `/orgs/${o.orgId}`, bodies: [{ name: 'First' }, { name: 'Second' }] }),
  'PATCH /orgs/{orgId}/members/{userId}': async (o) => {
    const member = await newUser('if-match-member');
    expect((await member.api.post('/signup', { givenName: 'M', familyName: 'M' })).status).toBe(201);
    await addMember(o, member, 'member');
    return { client: o.api, path: `/orgs/${o.orgId}/members/${member.userId}`, bodies: [{ role: 'editor' }, { role: 'admin' }] };
  },
  'PATCH /orgs/{orgId}/invitations/{invitationId}': async (o) => {
    const invitation = await o.api.post(`/orgs/${o.orgId}/invitations`, { email: freshAddress(), role: 'member' });
    expect(invitation.status).toBe(201);
    return { client: o.api, path: `/orgs/${o.orgId}/invitations/${invitation.body.id}`, bodies: [{ role: 'editor' }, { role: 'admin' }] };
  },
  'PATCH /workspaces/{workspaceId}': async (o) => ({ client: o.api, path: `/workspaces/${o.workspaceId}`, bodies: [{ name: 'First' }, { name: 'Second' }] }),
  'PATCH /orgs/{orgId}/webhooks/{webhookId}': async (o) => {
    const created = await o.api.post(`/orgs/${o.orgId}/webhooks`, { url: 'http://127.0.0.1:9/if-match', eventTypes: ['tenancy.sim.updated'] });
    expect(created.status).toBe(201);
    return { client: o.api, path: `/orgs/${o.orgId}/webhooks/${created.body.id}`, bodies: [{ description: 'first' }, { description: 'second' }] };
  },
  'PATCH /workspaces/{workspaceId}/devices/{deviceId}': async (o) => {
    const device = await createDevice(o.api, o.workspaceId, 'if-match-device');
    return { client: o.api, path: `/workspaces/${o.workspaceId}/devices/${device.id}`, bodies: [{ description: 'first' }, { description: 'second' }] };
  },
  'PATCH /workspaces/{workspaceId}/sims/{iccid}': async (o) => {
    const card = await provisionSim(o.orgId);
    expect((await o.api.post(`/workspaces/${o.workspaceId}/sims`, card)).status).toBe(201);
    const { iccid } = card;
    return { client: o.api, path: `/workspaces/${o.workspaceId}/sims/${iccid}`, bodies: [{ status: 'suspended' }, { status: 'active' }] };
  },
};

describe('If-Match on every PATCH', () => {
  it('every PATCH route of the table has a case', () => {
    expect(Object.keys(cases).sort()).toEqual(routeList.filter((r) => r.method === 'PATCH').map((r) => r.key).sort());
  });

  for (const [key, setup] of Object.entries(cases)) {
    it(`${key}: a stale or weak tag is 412 and writes nothing; the current one applies`, async () => {
      const owner = await signedUp('if-match');
      const { client, path, bodies } = await setup(owner);
      const first = await client.patch(path, bodies[0]);
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const stale = first.headers.get('etag')!;
      expect(stale).toMatch(/^"\d+"$/);
      const current = await client.patch(path, bodies[1], { 'if-match': stale });
      expect(current.status, JSON.stringify(current.body)).toBe(200);
      const tag = current.headers.get('etag')!;
      expect(tag).not.toBe(stale);

      expectProblem(await client.patch(path, bodies[0], { 'if-match': stale }), 412, 'precondition_failed');
      expectProblem(await client.patch(path, bodies[0], { 'if-match': `W/${tag}` }), 412, 'precondition_failed');
      // Neither refused request wrote: the tag from before them still matches.
      const after = await client.patch(path, bodies[0], { 'if-match': tag });
      expect(after.status, JSON.stringify(after.body)).toBe(200);
    });
  }
});
