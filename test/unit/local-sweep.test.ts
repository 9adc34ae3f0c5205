/**
 * The local sweep's pure parts: `--at` (an instant, the same on every machine) and the
 * summary line of `npm run sweep` and `npm start`; and that `npm start` and `npm run sweep`
 * give handler code one and the same environment.
 */
import { describe, expect, it } from 'vitest';
import { EMAIL_FROM, handlerEnvironment } from '../../infra/local/stack.js';
import { describeSweep, describeTimeTravel, parseAt } from '../../infra/local/sweep-report.js';
import type { SweepStats } from '#services/sweep-types.js';

describe('parseAt', () => {
  it.each([
    ['2027-01-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T00:00Z', '2027-01-01T00:00:00.000Z'],
    ['2027-01-01T09:30:00.250+02:00', '2027-01-01T07:30:00.250Z'],
    ['2027-01-01T09:30:00-0500', '2027-01-01T14:30:00.000Z'],
    ['2027-01-01', '2027-01-01T00:00:00.000Z'],
    ['2028-02-29T12:00:00Z', '2028-02-29T12:00:00.000Z'],
  ])('reads %s as %s', (input, iso) => {
    expect(parseAt(input).toISOString()).toBe(iso);
  });

  it('refuses a time without a zone, saying so', () => {
    expect(() => parseAt('2027-01-01T00:00:00')).toThrow(/no time zone: add Z \(UTC\) or an offset/);
  });

  it.each(['', 'tomorrow', '1735689600000', '2027-1-1', '2027-01-01 00:00:00Z', '2027-13-01', '2027-01-01T25:00:00Z'])(
    'refuses %j',
    (input) => {
      expect(() => parseAt(input)).toThrow(/is not an ISO 8601 time/);
    },
  );

  it.each(['2027-02-30', '2027-02-29T00:00:00Z', '2027-04-31T10:00:00+02:00'])('refuses the impossible date %s', (input) => {
    expect(() => parseAt(input)).toThrow(/no such date/);
  });
});

describe('describeSweep', () => {
  const stats: SweepStats = {
    at: '2027-01-01T00:00:00.000Z',
    examined: 5,
    expiredOrganizations: 2,
    disabledWorkspaces: 3,
    remindersSent: 1,
    endNoticesSent: 2,
    purgesFinished: 0,
    indexQueries: 2,
    indexItemsRead: 5,
  };

  it('says what changed, what was sent and what it cost, in one line', () => {
    expect(describeSweep(stats)).toBe(
      'Trial sweep as of 2027-01-01T00:00:00.000Z: 2 trials ended, 3 workspaces disabled, 2 end notices and 1 reminder emailed ' +
        '(5 index entries examined; 2 queries, 5 items read)',
    );
  });

  it('mentions interrupted deletions it finished', () => {
    expect(describeSweep({ ...stats, purgesFinished: 2 })).toContain('2 end notices and 1 reminder emailed, 2 interrupted deletions finished (5 index entries');
  });

  it('counts in the singular where it should', () => {
    const one = { ...stats, examined: 1, expiredOrganizations: 1, disabledWorkspaces: 1, endNoticesSent: 1, indexQueries: 1, indexItemsRead: 1 };
    expect(describeSweep(one)).toContain('1 trial ended, 1 workspace disabled, 1 end notice and 1 reminder emailed (1 index entry examined; 1 query, 1 item read)');
  });
});

describe('describeTimeTravel', () => {
  const now = new Date('2026-12-01T00:00:00Z');

  it('says that a later sweep ends every trial ending before then, and both ways to undo it', () => {
    const notice = describeTimeTravel(new Date('2027-01-01T00:00:00Z'), now) ?? '';

    expect(notice).toContain('as if it were 2027-01-01T00:00:00.000Z');
    expect(notice).toMatch(/every organization still on its trial whose trial ends before then/);
    expect(notice).toContain('PUT /orgs/{orgId}/plan');
    expect(notice).toContain('POST /admin/orgs/{orgId}/trial {"extendDays":30}');
  });

  it('says nothing for a sweep as of now or earlier', () => {
    expect(describeTimeTravel(now, now)).toBeUndefined();
    expect(describeTimeTravel(new Date('2026-11-01T00:00:00Z'), now)).toBeUndefined();
  });
});

describe('handlerEnvironment', () => {
  it('gives handler code everything shared/config.ts requires, pointed at the local emulators', () => {
    const env = handlerEnvironment({
      tableName: 'tenancy-local',
      dynamodbEndpoint: 'http://127.0.0.1:8000',
      sesEndpoint: 'http://127.0.0.1:8005',
      portalUrl: 'http://localhost:5173',
      cursorSecret: 'secret',
    });
    expect(env).toMatchObject({
      TABLE_NAME: 'tenancy-local',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      SES_ENDPOINT: 'http://127.0.0.1:8005',
      PORTAL_URL: 'http://localhost:5173',
      EMAIL_FROM,
      CURSOR_SECRET: 'secret',
      AWS_REGION: expect.any(String),
    });
    expect(env).not.toHaveProperty('USER_POOL_ID');
    // Owners may pick paid plans themselves in the local stack (the CDK default is off).
    expect(env.SELF_SERVE_PLANS).toBe('true');
    expect(env).not.toHaveProperty('BILLING_SECRET');
  });

  it('hands the billing webhook its signing secret directly (no Secrets Manager on this machine) when it is given', () => {
    const env = handlerEnvironment({
      tableName: 'tenancy-local',
      dynamodbEndpoint: 'http://127.0.0.1:8000',
      sesEndpoint: 'http://127.0.0.1:8005',
      portalUrl: 'http://localhost:5173',
      cursorSecret: 'secret',
      billingSecret: 'billing-secret',
    });
    expect(env).toMatchObject({ BILLING_SECRET: 'billing-secret' });
    expect(env).not.toHaveProperty('BILLING_SECRET_ARN');
  });

  it('points the identity-provider functions at the local pool and portal client when it is given', () => {
    const env = handlerEnvironment({
      tableName: 'tenancy-local',
      dynamodbEndpoint: 'http://127.0.0.1:8000',
      sesEndpoint: 'http://127.0.0.1:8005',
      portalUrl: 'http://localhost:5173',
      cursorSecret: 'secret',
      userPool: { cognitoEndpoint: 'http://127.0.0.1:9229', userPoolId: 'local_pool', clientId: 'portal-id' },
    });
    expect(env).toMatchObject({ COGNITO_ENDPOINT: 'http://127.0.0.1:9229', USER_POOL_ID: 'local_pool', PORTAL_CLIENT_ID: 'portal-id' });
  });
});
