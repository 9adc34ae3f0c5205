import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { as, call, expectGatewayAnswer, expectProblem, newUser, signedUp } from './support/api.js';
import { claimsOf, signLikeCognitoLocal } from './support/sso-token.js';
import { token } from './support/stack.js';

describe('POST /signup', () => {
  it('creates profile, trial organization (14 days) and Default workspace; a repeat creates nothing', async () => {
    const user = await newUser('ada');
    const before = Date.now();
    const first = await user.api.post('/signup', { givenName: 'Ada', familyName: 'Lovelace', organizationName: 'Engines' });
    expect(first.status).toBe(201);
    expect(first.body.user).toMatchObject({ id: user.userId, email: user.email, givenName: 'Ada', familyName: 'Lovelace' });
    expect(first.body.organizations).toEqual([{ id: expect.any(String), name: 'Engines', role: 'owner' }]);
    expect(first.body.workspaces).toEqual([
      { id: first.body.user.defaultWorkspaceId, name: "Default", organizationId: first.body.organizations[0].id, role: "admin", state: "enabled", disabledReason: null },
    ]);
    const org = await user.api.get(`/orgs/${first.body.organizations[0].id}`);
    expect(org.body.plan).toBe('trial');
    const days = (Date.parse(org.body.trialEndsAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);

    const repeat = await user.api.post('/signup', { givenName: 'Other', familyName: 'Name' });
    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual(first.body);
    expect((await user.api.get('/orgs')).body.items).toHaveLength(1);
  });

  it('parallel sign-ups of one user create one organization', async () => {
    const user = await newUser('race');
    const answers = await Promise.all(Array.from({ length: 5 }, () => user.api.post('/signup', { givenName: 'R', familyName: 'C' })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect((await user.api.get('/me')).body.organizations).toHaveLength(1);
  });

  it('emails are unique across users, case-insensitively', async () => {
    const base = `dup-${Date.now()}@example.com`;
    const first = await token(base);
    // The local pool is case-insensitive, as the deployed one: the same user, whatever the case.
    expect((await token(base.toUpperCase())).sub).toBe(first.sub);
    // A second user with the address in another case (one that came about before the pool's
    // rules, say) still cannot sign up: the API's own guard answers 409.
    const second = { idToken: signLikeCognitoLocal({ ...claimsOf(first.idToken), sub: randomUUID(), email: base.toUpperCase() }) };
    expect((await as(first.idToken).post('/signup', { givenName: 'A', familyName: 'B' })).status).toBe(201);
    expectProblem(await as(second.idToken).post('/signup', { givenName: 'A', familyName: 'B' }), 409, 'conflict');
    expectProblem(await as(second.idToken).get('/me'), 404, 'not_found');
  });

  it('refuses an unverified email', async () => {
    const unverified = await token(`unverified-${Date.now()}@example.com`, { emailVerified: false });
    expectProblem(await as(unverified.idToken).post('/signup', { givenName: 'A', familyName: 'B' }), 403, 'forbidden');
  });

  it('validates its body', async () => {
    const user = await newUser('bad');
    const res = await user.api.post('/signup', { givenName: '', familyName: 7, extra: true });
    expectProblem(res, 400, 'bad_request');
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.extra', 'body.familyName', 'body.givenName']);
    expectProblem(await user.api.get('/me'), 404, 'not_found');
  });
});

describe('GET /me, PATCH /me', () => {
  it('answers 404 before sign-up and 401 without a token', async () => {
    const user = await newUser('early');
    expectProblem(await user.api.get('/me'), 404, 'not_found');
    // No token: API Gateway's own 401, before any function runs.
    expectGatewayAnswer(await call('GET', '/me'), 401);
  });

  it('changes names and the default workspace, only to one the caller can access', async () => {
    const owner = await signedUp('patcher');
    const stranger = await signedUp('stranger');
    const created = await owner.api.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Second' });
    const res = await owner.api.patch('/me', { givenName: 'Grace', defaultWorkspaceId: created.body.id });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"\d+"$/);
    expect(res.body.user).toMatchObject({ givenName: 'Grace', familyName: 'Test', defaultWorkspaceId: created.body.id });
    expectProblem(await owner.api.patch('/me', { defaultWorkspaceId: stranger.workspaceId }), 404, 'not_found');
    expectProblem(await owner.api.patch('/me', { defaultWorkspaceId: 'nope' }), 400, 'bad_request');
    expect((await owner.api.get('/me')).body.user.defaultWorkspaceId).toBe(created.body.id);
  });
});
