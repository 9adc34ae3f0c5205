/**
 * SIM rules: what an ICCID is, what a transfer does to a SIM, and to which workspace a usage
 * record belongs (the billing split at the moment of each transfer). Plain functions, no AWS.
 */
import { BadRequestError, ConflictError } from '#kernel/errors.js';

export type SimStatus = 'active' | 'suspended';

export interface Sim {
  iccid: string;
  workspaceId: string;
  status: SimStatus;
  /** The device of the same workspace the SIM is attached to. */
  deviceId: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A closed period during which a workspace held the SIM: `from` included, `to` excluded. */
export interface Holding {
  workspaceId: string;
  from: string;
  to: string;
}

/** Where an ICCID lives now, and every workspace that held it before (oldest first). */
export interface SimLocation {
  iccid: string;
  workspaceId: string;
  /** Since when the current workspace holds it (registration or the last transfer). */
  since: string;
  history: Holding[];
  version: number;
}

/** ICCIDs are 19 or 20 digits (ITU-T E.118), the last a Luhn check digit over the others. */
export const ICCID_PATTERN = /^\d{19,20}$/;

/** Whether `digits` ends in a correct Luhn check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export const isIccid = (value: string): boolean => ICCID_PATTERN.test(value) && luhnValid(value);

/**
 * A SIM on arrival in the target workspace: detached (its device stays behind) and, if it was
 * active, suspended: charges in the target begin only when someone there activates it.
 */
export function arrivedSim(sim: Sim, targetWorkspaceId: string, at: string): Sim {
  return { ...sim, workspaceId: targetWorkspaceId, status: 'suspended', deviceId: null, updatedAt: at, version: sim.version + 1 };
}

/**
 * The cut-off of a transfer: when it happens (never before the current holding began, even if
 * this machine's clock is behind the one that wrote it) and the location afterwards.
 */
export function transferredLocation(location: SimLocation, targetWorkspaceId: string, now: Date): SimLocation {
  const at = new Date(Math.max(now.getTime(), Date.parse(location.since))).toISOString();
  return {
    ...location,
    workspaceId: targetWorkspaceId,
    since: at,
    history: [...location.history, { workspaceId: location.workspaceId, from: location.since, to: at }],
    version: location.version + 1,
  };
}

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
