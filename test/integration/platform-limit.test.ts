/**
 * The platform's ceiling of invitation emails an hour (issue 13, defect 4): every tenant's
 * invitations charge it, so it is tested on a table of its own (DynamoDB Local, in this worker)
 * with a ceiling of 8, where filling it cannot refuse another test's invitations.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { configureRepositories } from './support/env.js';
import { stack } from './support/stack.js';
import { dynamoClient, ensureTable } from '../../infra/local/dynamodb.js';

const CEILING = 8;

beforeAll(async () => {
  configureRepositories();
  process.env.TABLE_NAME = `platform-limit-${randomUUID().slice(0, 8)}`;
  process.env.PLATFORM_INVITATIONS_PER_HOUR = String(CEILING);
  await ensureTable(dynamoClient(stack().dynamodbEndpoint), process.env.TABLE_NAME);
});

describe('limits: the platform ceiling of invitation emails an hour', () => {
  it(`never more than ${CEILING} an hour over all organizations; a refused one is 429 and writes nothing`, async () => {
    const [{ newOrganization }, { newMembership }, { newProfile }, { newWorkspace }, { newInvitation, newToken }, users, invitations, { queryAll }, { limits }, { keys }] =
      await Promise.all([
        import('#domain/organizations.js'),
        import('#domain/members.js'),
        import('#domain/users.js'),
        import('#domain/workspaces.js'),
        import('#domain/invitations.js'),
        import('#db/repositories/users.js'),
        import('#db/repositories/invitations.js'),
        import('#db/ops.js'),
        import('#domain/limits.js'),
        import('#db/keys.js'),
      ]);
    const now = new Date();
    // Three tenants, each far below its own organization's and person's allowance.
    const tenants = await Promise.all(
      [1, 2, 3].map(async (n) => {
        const id = randomUUID();
        const org = newOrganization({ name: `Tenant ${n}`, ownerId: id, now, workspaceCount: 1 });
        const workspace = newWorkspace({ orgId: org.id, name: 'Default', createdBy: id, now });
        const profile = newProfile({ id, email: `owner-${id}@example.com`, givenName: 'O', familyName: String(n), defaultWorkspaceId: workspace.id, orgRoles: { [org.id]: 'owner' }, now });
        await users.createSignup({ profile, org, owner: newMembership({ orgId: org.id, user: profile, role: 'owner', now }), workspace });
        return { org, profile };
      }),
    );

    const outcomes: { ok: boolean; orgId: string; id: string; error?: Error }[] = [];
    for (let i = 0; i < CEILING + 6; i += 1) {
      const { org, profile } = tenants[i % 3]!;
      const invitation = newInvitation({
        orgId: org.id,
        email: `invitee-${i}-${randomUUID().slice(0, 6)}@example.com`,
        role: 'member',
        workspaces: [],
        message: null,
        invitedBy: profile.id,
        invitedByName: 'O',
        tokenHash: newToken().hash,
        now,
      });
      try {
        await invitations.createInvitation(invitation, invitation.tokenHash!, new Date());
        outcomes.push({ ok: true, orgId: org.id, id: invitation.id });
      } catch (error) {
        outcomes.push({ ok: false, orgId: org.id, id: invitation.id, error: error as Error });
      }
    }
    const accepted = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => !o.ok);
    // The first always finds room; at most CEILING fit (spread over 8 counters, one may fill first).
    expect(outcomes[0]!.ok).toBe(true);
    expect(accepted.length).toBeLessThanOrEqual(CEILING);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    for (const { error } of refused) {
      expect(error).toMatchObject({ status: 429, code: 'rate_limited', message: limits.platformInvitations(CEILING).message });
      expect(Number((error as unknown as { headers: Record<string, string> }).headers['Retry-After'])).toBeGreaterThan(0);
    }
    // What is stored is exactly what was accepted: a refused invitation left no item behind.
    for (const { org } of tenants) {
      const stored = await queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :invite)',
        ExpressionAttributeValues: { ':pk': keys.org(org.id).PK, ':invite': keys.invitation(org.id, '').SK },
      });
      expect(stored.map((item) => item.id).sort()).toEqual(accepted.filter((o) => o.orgId === org.id).map((o) => o.id).sort());
    }
  });
});
