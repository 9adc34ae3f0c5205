/**
 * The pure parts of running the trial sweep locally, shared by `npm run sweep` and the
 * minute sweep of `npm start`: reading `--at` and saying what a run did.
 */
import type { SweepStats } from '#services/sweep-types.js';

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An ISO 8601 date (`2027-01-01`, UTC midnight) or date-time with `Z` or an offset. A time
 * without a zone is refused rather than read in this machine's zone: the same command must
 * mean the same instant on every machine. Impossible dates (`2027-02-30`) are refused too,
 * where `Date` would silently roll them over.
 */
export function parseAt(value: string): Date {
  const match = ISO_TIME.exec(value);
  const at = new Date(value);
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(value)) {
    throw new Error(`--at ${value} has no time zone: add Z (UTC) or an offset, e.g. ${value}Z or ${value}+02:00`);
  }
  if (match === null || Number.isNaN(at.getTime())) {
    throw new Error(`--at ${value} is not an ISO 8601 time: use e.g. 2027-01-01T00:00:00Z, 2027-01-01T09:30:00+02:00 or 2027-01-01`);
  }
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    throw new Error(`--at ${value}: there is no such date`);
  }
  return at;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One line for people: what changed, what was sent, and what it cost. */
export function describeSweep(stats: SweepStats): string {
  return (
    `Trial sweep as of ${stats.at}: ${count(stats.expiredOrganizations, 'trial')} ended, ` +
    `${count(stats.disabledWorkspaces, 'workspace')} disabled, ` +
    `${count(stats.endNoticesSent, 'end notice')} and ${count(stats.remindersSent, 'reminder')} emailed` +
    (stats.purgesFinished ? `, ${count(stats.purgesFinished, 'interrupted deletion')} finished ` : ' ') +
    `(${count(stats.examined, 'index entry', 'index entries')} examined; ` +
    `${count(stats.indexQueries, 'query', 'queries')}, ${count(stats.indexItemsRead, 'item')} read)`
  );
}

/**
 * What `npm run sweep -- --at <later>` is about to do, and how to undo it, or undefined when
 * `at` is not later than `now` (then it is the sweep that runs every minute anyway).
 */
export function describeTimeTravel(at: Date, now: Date): string | undefined {
  if (at.getTime() <= now.getTime()) return undefined;
  return [
    `Sweeping as if it were ${at.toISOString()}: every organization still on its trial whose trial ends before then`,
    'has it ended now — all of them, not one: its workspaces are disabled (devices, streams and SIMs answer 423',
    'workspace_disabled) and its owner gets the trial-ended email. Nothing else moves in time.',
    'To undo it for one organization, either:',
    '  a paid plan, as its owner:        PUT /orgs/{orgId}/plan {"plan":"pro"}   (or npm run billing -- --org <orgId> --plan pro)',
    '  an operator\'s trial extension:    POST /admin/orgs/{orgId}/trial {"extendDays":30}   (token: npm run -s token -- <email> --operator)',
    'Either re-enables the workspaces the trial\'s end disabled.',
  ].join('\n');
}
