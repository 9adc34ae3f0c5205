import { describe, expect, it } from 'vitest';
import { WorkspaceDisabledError } from '#kernel/errors.js';
import {
  assertWorkspaceWritable,
  daysBetween,
  extendedEnd,
  isPaid,
  reminderHorizon,
  sweptThrough,
  TRIAL_EXPIRED,
} from '#domain/trials.js';

describe('trial rules', () => {
  it('only pro and enterprise are paid', () => {
    expect((['trial', 'free', 'pro', 'enterprise'] as const).filter(isPaid)).toEqual(['pro', 'enterprise']);
  });

  it('lists the day partitions to read, both ends included', () => {
    expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysBetween('2027-01-02', '2027-01-01')).toEqual([]);
  });

  it('reminds 3 days ahead', () => {
    expect(reminderHorizon(new Date('2027-01-01T12:00:00Z')).toISOString()).toBe('2027-01-04T12:00:00.000Z');
  });

  it('extends from the current end, or from now when the trial already ended', () => {
    const now = new Date('2027-01-10T00:00:00Z');
    expect(extendedEnd('2027-01-20T00:00:00.000Z', 7, now)).toBe('2027-01-27T00:00:00.000Z');
    expect(extendedEnd('2027-01-01T00:00:00.000Z', 7, now)).toBe('2027-01-17T00:00:00.000Z');
  });

  it('never marks days after today as swept, even for a sweep "in the future"', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(sweptThrough(new Date('2027-01-01T00:00:00Z'), now)).toBe('2026-11-22');
    expect(sweptThrough(new Date('2026-11-20T00:00:00Z'), now)).toBe('2026-11-20');
  });

  it('a disabled workspace refuses asset changes with 423 and says why', () => {
    expect(() => assertWorkspaceWritable({ state: 'enabled', disabledReason: null })).not.toThrow();
    const error = (() => {
      try {
        assertWorkspaceWritable({ state: 'disabled', disabledReason: TRIAL_EXPIRED });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(WorkspaceDisabledError);
    expect((error as WorkspaceDisabledError).status).toBe(423);
    expect((error as WorkspaceDisabledError).code).toBe('workspace_disabled');
    expect((error as Error).message).toContain('trial');
  });
});

describe('trialHasEnded', () => {
  const now = new Date('2027-01-10T00:00:00Z');
  it('is true once the end has passed on a trial, swept or not, and never on another plan', async () => {
    const { trialHasEnded } = await import('#domain/trials.js');
    expect(trialHasEnded({ plan: 'trial', trialEndsAt: '2027-01-09T00:00:00.000Z', trialExpiredAt: null }, now)).toBe(true);
    expect(trialHasEnded({ plan: 'trial', trialEndsAt: '2027-01-11T00:00:00.000Z', trialExpiredAt: null }, now)).toBe(false);
    expect(trialHasEnded({ plan: 'trial', trialEndsAt: '2027-01-11T00:00:00.000Z', trialExpiredAt: '2027-01-09T00:00:00.000Z' }, now)).toBe(true);
    expect(trialHasEnded({ plan: 'pro', trialEndsAt: '2027-01-09T00:00:00.000Z', trialExpiredAt: '2027-01-09T00:00:00.000Z' }, now)).toBe(false);
  });
});
