/** Trial rules: when reminders and the end come, which plans are paid, what an extension does. */
import type { Organization } from '#domain/organizations.js';
import type { Plan } from '#domain/plans.js';
import type { Workspace } from '#domain/workspaces.js';
import { WorkspaceDisabledError } from '#kernel/errors.js';

export const REMINDER_DAYS_BEFORE_END = 3;
export const TRIAL_EXPIRED = 'trial_expired';
/** The first day a trial could have ended: the sweep never looks further back. */
export const SWEEP_EPOCH_DAY = '2026-01-01';

const DAY_MS = 86_400_000;

/** Paid plans lift the trial's end (free does not: its quota stays, its disabled workspaces too). */
export const isPaid = (plan: Plan): boolean => plan === 'pro' || plan === 'enterprise';

export const dayOf = (date: Date): string => date.toISOString().slice(0, 10);

/** Every day from `from` to `to` (yyyy-mm-dd), both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00.000Z`); t <= Date.parse(`${to}T00:00:00.000Z`); t += DAY_MS) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

export const reminderHorizon = (at: Date): Date => new Date(at.getTime() + REMINDER_DAYS_BEFORE_END * DAY_MS);

/**
 * The new end of an extended trial: counted from now when the trial already ended (an extension
 * of an ended trial gives the days in full), from the current end otherwise.
 */
export function extendedEnd(trialEndsAt: string | null, extendDays: number, now: Date): string {
  const from = Math.max(now.getTime(), trialEndsAt ? Date.parse(trialEndsAt) : 0);
  return new Date(from + extendDays * DAY_MS).toISOString();
}

/**
 * The day up to which the trial index is known empty after a sweep at `at`: entries are only
 * ever added for days from today on, so a sweep "in the future" (`--at`) never moves it past today.
 */
export const sweptThrough = (at: Date, now: Date): string => dayOf(new Date(Math.min(at.getTime(), now.getTime())));

/** Has this organization's trial ended unpaid (whether or not the sweep has run yet)? */
export function trialHasEnded(org: Pick<Organization, 'plan' | 'trialEndsAt' | 'trialExpiredAt'>, now: Date): boolean {
  return org.plan === 'trial' && (org.trialExpiredAt !== null || (org.trialEndsAt !== null && Date.parse(org.trialEndsAt) <= now.getTime()));
}

/** Why the assets of `workspace` cannot be created, changed or deleted (423), or undefined when they can. */
export function workspaceLocked(workspace: Pick<Workspace, 'state' | 'disabledReason'>): WorkspaceDisabledError | undefined {
  if (workspace.state !== 'disabled') return undefined;
  return new WorkspaceDisabledError(
    workspace.disabledReason === TRIAL_EXPIRED
      ? "This workspace is disabled because the organization's trial ended: choose a paid plan to enable it."
      : 'This workspace is disabled.',
  );
}

/** Devices, streams and SIMs of a disabled workspace cannot be created, changed or deleted. */
export function assertWorkspaceWritable(workspace: Pick<Workspace, 'state' | 'disabledReason'>): void {
  const locked = workspaceLocked(workspace);
  if (locked) throw locked;
}
