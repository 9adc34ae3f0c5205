/** An organization's plan: a trial first, then free or paid. */
export type Plan = 'trial' | 'free' | 'pro' | 'enterprise';

/** How many workspaces an organization may have on each plan. */
export const WORKSPACE_QUOTA: Record<Plan, number> = { trial: 3, free: 1, pro: 3, enterprise: 100 };

export const TRIAL_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a trial that starts at `start` ends. */
export function trialEnd(start: Date, days = TRIAL_DAYS): string {
  return new Date(start.getTime() + days * DAY_MS).toISOString();
}

export function workspaceQuota(plan: Plan): number {
  return WORKSPACE_QUOTA[plan];
}

/** Would one more workspace exceed the plan? (A downgrade keeps existing workspaces and blocks new ones.) */
export function canAddWorkspace(plan: Plan, currentCount: number): boolean {
  return currentCount < workspaceQuota(plan);
}
