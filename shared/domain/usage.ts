/**
 * The usage record and to which workspace it belongs: the one that held the SIM at its time (the
 * billing split at the moment of each transfer). Every attribute of a record is given, so it has
 * no defaults. Plain functions, no AWS.
 */
import { BadRequestError, ConflictError } from '#kernel/errors.js';
import type { SimLocation } from '#domain/sims.js';

export interface UsageRecord {
  id: string;
  iccid: string;
  /** The workspace that held the SIM at `at` (its partition holds the record). */
  workspaceId: string;
  at: string;
  bytes: number;
  recordedAt: string;
  /** The platform operator whose feed sent it. */
  recordedBy: string;
}

/**
 * The most one usage record may carry: 1 TiB, far beyond what a SIM moves between two records of
 * a network feed, and small enough that the counters it is added to stay exact for millions of
 * records.
 */
export const MAX_USAGE_RECORD_BYTES = 2 ** 40;

/** What a counter may hold: beyond it a sum is no longer an exact JavaScript number. */
export const MAX_COUNTER = Number.MAX_SAFE_INTEGER;

/** Clocks of the network feed and of this service may differ by this much. */
export const USAGE_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * The workspace that held the SIM at `at`: usage before a transfer belongs to the source, from
 * the transfer's instant on to the target, however late the record arrives. Usage dated in the
 * future is a bad record (400); usage before the SIM was first registered belongs to nobody (409).
 */
export function holderAt(location: Pick<SimLocation, 'workspaceId' | 'since' | 'history'>, at: string, now = new Date()): string {
  const t = Date.parse(at);
  if (t > now.getTime() + USAGE_CLOCK_SKEW_MS) {
    throw new BadRequestError('Usage cannot be dated in the future.', [{ path: 'body.at', message: 'is in the future' }]);
  }
  if (t >= Date.parse(location.since)) return location.workspaceId;
  for (const holding of location.history) {
    if (t >= Date.parse(holding.from) && t < Date.parse(holding.to)) return holding.workspaceId;
  }
  throw new ConflictError('The SIM was not registered at that time.');
}

/** `[from, to)` of a usage query; `from` defaults to the start of the current month (UTC), `to` to the start of the next. */
export function usageRange(query: { from?: string; to?: string }, now = new Date()): { from: string; to: string } {
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const nextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const from = new Date(query.from ? Date.parse(query.from) : monthStart).toISOString();
  const to = new Date(query.to ? Date.parse(query.to) : nextMonth).toISOString();
  if (from >= to) throw new BadRequestError('`from` must be before `to`.', [{ path: 'query.to', message: 'must be after from' }]);
  return { from, to };
}

/** Bytes per SIM and in total, from the usage records of a range. */
export function summarizeUsage(records: { iccid: string; bytes: number }[]): { trafficBytes: number; bySim: { iccid: string; bytes: number }[] } {
  const bySim = new Map<string, number>();
  for (const r of records) bySim.set(r.iccid, (bySim.get(r.iccid) ?? 0) + r.bytes);
  return {
    trafficBytes: [...bySim.values()].reduce((a, b) => a + b, 0),
    bySim: [...bySim.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([iccid, bytes]) => ({ iccid, bytes })),
  };
}
