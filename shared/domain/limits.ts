/**
 * Every rate limit of the service, declared once: what is counted, per what, over which window,
 * and the sentence a caller reads when it is reached (429 with `Retry-After`). The counters
 * themselves are kept by shared/db/rate-limits.ts, in the same transaction as what they count.
 */

export type RateWindow = 'hour' | 'day' | 'ever';

export interface RateLimit {
  /** Names the counter (part of its key): never rename one in use. */
  name: string;
  /** Fixed windows in UTC; `ever` never resets (a lifetime allowance). */
  window: RateWindow;
  max: number;
  /** What the caller is told, ending in a full stop. */
  message: string;
}

/** The hourly invitation emails one organization may send (invites and resends). */
export const ORG_INVITATIONS_PER_HOUR = 100;
/** The hourly invitation emails one person may send, across all their organizations. */
export const USER_INVITATIONS_PER_HOUR = 100;
/** Organizations one person may create in a UTC day (sign-up's first one included). */
export const USER_ORGS_PER_DAY = 5;
/** Organizations one person may create in all while none they own is on a paid plan. */
export const USER_TRIAL_ORGS = 10;
/**
 * SIM claims one person may attempt an hour (wrong activation codes and unknown ICCIDs count:
 * every attempt does), and one organization across its people.
 */
export const USER_SIM_CLAIMS_PER_HOUR = 100;
export const ORG_SIM_CLAIMS_PER_HOUR = 1_000;
/** The platform's default ceiling of invitation emails an hour (deployments set their own). */
export const PLATFORM_INVITATIONS_PER_HOUR = 10_000;

export const limits = {
  orgInvitations: {
    name: 'ORG-INVITES',
    window: 'hour',
    max: ORG_INVITATIONS_PER_HOUR,
    message: `An organization can send at most ${ORG_INVITATIONS_PER_HOUR} invitations an hour.`,
  },
  userInvitations: {
    name: 'USER-INVITES',
    window: 'hour',
    max: USER_INVITATIONS_PER_HOUR,
    message: `You can send at most ${USER_INVITATIONS_PER_HOUR} invitations an hour, across all your organizations.`,
  },
  platformInvitations: (max: number): RateLimit => ({
    name: 'PLATFORM-INVITES',
    window: 'hour',
    max,
    message: 'The service is sending as many invitations as it can this hour; try again later.',
  }),
  userOrgsPerDay: {
    name: 'USER-ORGS-DAY',
    window: 'day',
    max: USER_ORGS_PER_DAY,
    message: `You can create at most ${USER_ORGS_PER_DAY} organizations a day.`,
  },
  userTrialOrgs: {
    name: 'USER-ORGS-TRIAL',
    window: 'ever',
    max: USER_TRIAL_ORGS,
    message: `You can create at most ${USER_TRIAL_ORGS} organizations while none of yours is on a paid plan; choose a plan for one of them to create more.`,
  },
  userSimClaims: {
    name: 'USER-SIM-CLAIMS',
    window: 'hour',
    max: USER_SIM_CLAIMS_PER_HOUR,
    message: `You can try to claim at most ${USER_SIM_CLAIMS_PER_HOUR} SIMs an hour.`,
  },
  orgSimClaims: {
    name: 'ORG-SIM-CLAIMS',
    window: 'hour',
    max: ORG_SIM_CLAIMS_PER_HOUR,
    message: `An organization's people can try to claim at most ${ORG_SIM_CLAIMS_PER_HOUR} SIMs an hour.`,
  },
} as const satisfies Record<string, RateLimit | ((max: number) => RateLimit)>;

/**
 * What creating an organization counts against: the creator's daily allowance, and while they
 * own no organization on a paid plan, their lifetime allowance of trial organizations (a paid
 * organization shows the person is a customer, not a squatter of trials).
 */
export function orgCreationLimits(ownsPaidOrganization: boolean): RateLimit[] {
  return ownsPaidOrganization ? [limits.userOrgsPerDay] : [limits.userOrgsPerDay, limits.userTrialOrgs];
}

const WINDOW_MS = { hour: 3_600_000, day: 86_400_000 } as const;

/**
 * The window `now` falls in (`2026-12-03T10` for an hour, `2026-12-03` for a day, `ever`), the
 * seconds until the next one starts (what `Retry-After` says; a lifetime allowance says a day:
 * the caller must act, not wait) and when its counter may be forgotten (epoch seconds, a TTL).
 */
export function windowOf(window: RateWindow, now: Date): { id: string; retryAfter: number; expiresAt?: number } {
  if (window === 'ever') return { id: 'ever', retryAfter: 86_400 };
  const size = WINDOW_MS[window];
  const start = Math.floor(now.getTime() / size) * size;
  const next = start + size;
  return {
    id: new Date(start).toISOString().slice(0, window === 'hour' ? 13 : 10),
    retryAfter: Math.max(1, Math.ceil((next - now.getTime()) / 1000)),
    expiresAt: Math.floor(next / 1000) + 3600,
  };
}
