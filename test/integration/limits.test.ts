/**
 * Limits per person (issue 13, defect 4): organizations a person may create a day and in all while
 * on trial, invitations a person may send an hour across organizations. Each answers 429 with
 * Retry-After and leaves nothing behind.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { limits, USER_ORGS_PER_DAY, USER_TRIAL_ORGS } from '#domain/limits.js';
import { expectProblem, expectRetryAfter, signedUp } from './support/api.js';
import { backdateLastSend, freshAddress } from './support/invitations.js';
import { seedRateCount, storedRateCount } from './support/limits.js';


const orgNames = async (api: Awaited<ReturnType<typeof signedUp>>['api']): Promise<string[]> =>
  ((await api.get('/orgs?limit=100')).body.items as { name: string }[]).map((o) => o.name).sort();

describe('limits: organizations a person may create', () => {
  it(`at most ${USER_ORGS_PER_DAY} a day, sign-up's first one included; the next is 429 and creates nothing`, async () => {
    const owner = await signedUp('daily');
    for (let i = 1; i < USER_ORGS_PER_DAY; i += 1) expect((await owner.api.post('/orgs', { name: `Daily ${i}` })).status).toBe(201);
    const refused = await owner.api.post('/orgs', { name: 'One too many' });
    expectProblem(refused, 429, 'rate_limited');
    expect(refused.body.detail).toBe(limits.userOrgsPerDay.message);
    expectRetryAfter(refused, 86_400);
    expect(await orgNames(owner.api)).not.toContain('One too many');
    expect((await orgNames(owner.api)).length).toBe(USER_ORGS_PER_DAY);
    expect(await storedRateCount(limits.userOrgsPerDay, owner.userId)).toBe(USER_ORGS_PER_DAY);
  });

  it(`at most ${USER_TRIAL_ORGS} in all while none of one's own is paid; a paid plan lifts it`, async () => {
    const owner = await signedUp('trial-squatter');
    // As if the person had created the rest of their allowance on earlier days.
    await seedRateCount(limits.userTrialOrgs, owner.userId, USER_TRIAL_ORGS - 1);
    expect((await owner.api.post('/orgs', { name: 'Last trial' })).status).toBe(201);
    const refused = await owner.api.post('/orgs', { name: 'Beyond the allowance' });
    expectProblem(refused, 429, 'rate_limited');
    expect(refused.body.detail).toBe(limits.userTrialOrgs.message);
    expect(await orgNames(owner.api)).not.toContain('Beyond the allowance');
    expect(await storedRateCount(limits.userTrialOrgs, owner.userId)).toBe(USER_TRIAL_ORGS);

    // A customer is not a squatter: once one of their organizations is paid, only the daily allowance counts.
    expect((await owner.api.put(`/orgs/${owner.orgId}/plan`, { plan: 'pro' })).status).toBe(200);
    expect((await owner.api.post('/orgs', { name: 'Paid customer' })).status).toBe(201);
  });

  it('an idempotent repeat of a create counts once', async () => {
    const owner = await signedUp('repeat-create');
    const key = { 'idempotency-key': randomUUID() };
    for (let i = 0; i < 3; i += 1) expect((await owner.api.post('/orgs', { name: 'Once' }, key)).status).toBe(201);
    expect(await storedRateCount(limits.userOrgsPerDay, owner.userId)).toBe(2);
  });
});

describe('limits: invitations a person may send an hour, across organizations', () => {
  it('a person at their hourly allowance is refused in every organization; another inviter of the same org is not', async () => {
    const first = await signedUp('inviter-a');
    const second = await signedUp('inviter-b');
    const invite = await first.api.post(`/orgs/${first.orgId}/invitations`, { email: freshAddress(), role: 'member' });
    expect(invite.status).toBe(201);
    await backdateLastSend(first.orgId, invite.body.id);
    await seedRateCount(limits.userInvitations, first.userId, limits.userInvitations.max - 1);
    expect((await first.api.post(`/orgs/${first.orgId}/invitations`, { email: freshAddress(), role: 'member' })).status).toBe(201);

    const otherOrg = await first.api.post('/orgs', { name: 'Second org of A' });
    expect(otherOrg.status).toBe(201);
    const address = freshAddress();
    const refused = await first.api.post(`/orgs/${otherOrg.body.id}/invitations`, { email: address, role: 'member' });
    expectProblem(refused, 429, 'rate_limited');
    expect(refused.body.detail).toBe(limits.userInvitations.message);
    expectRetryAfter(refused, 3600);
    const pending = (await first.api.get(`/orgs/${otherOrg.body.id}/members?status=pending`)).body.items as { email: string }[];
    expect(pending.map((p) => p.email)).not.toContain(address);
    // The organization's own allowance was not spent by the refused one.
    expect(await storedRateCount(limits.orgInvitations, otherOrg.body.id)).toBeUndefined();

    // Resending counts as sending (the invitation's own once-a-minute limit is past).
    const resend = await first.api.post(`/orgs/${first.orgId}/invitations/${invite.body.id}/resend`);
    expectProblem(resend, 429, 'rate_limited');
    expect(resend.body.detail).toBe(limits.userInvitations.message);

    // Another inviter of the same organization still has their own allowance.
    expect((await second.api.post(`/orgs/${second.orgId}/invitations`, { email: freshAddress(), role: 'member' })).status).toBe(201);
  });
});
