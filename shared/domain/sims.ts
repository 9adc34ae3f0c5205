/**
 * The SIM and SIM locator records (their types, the defaults they start from and older items
 * read as, their factories) and what an ICCID is and what a transfer does to a SIM and its
 * locator. Plain functions, no AWS. To which workspace a usage record belongs is in usage.ts.
 */

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

/** What a SIM holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const simDefaults = () => ({ deviceId: null }) satisfies Partial<Sim>;

/** A new SIM starts `active`: registering a SIM is putting it into service. */
export function newSim(input: { iccid: string; workspaceId: string; now: Date }): Sim {
  const at = input.now.toISOString();
  return { ...simDefaults(), iccid: input.iccid, workspaceId: input.workspaceId, status: 'active', createdAt: at, updatedAt: at, version: 1 };
}

/** What a locator holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const locationDefaults = () => ({ history: [] }) satisfies Partial<SimLocation>;

/** Where a newly registered SIM lives: the registering workspace, since the SIM was created. */
export function newSimLocation(sim: Pick<Sim, 'iccid' | 'workspaceId' | 'createdAt'>): SimLocation {
  return { ...locationDefaults(), iccid: sim.iccid, workspaceId: sim.workspaceId, since: sim.createdAt, version: 1 };
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
