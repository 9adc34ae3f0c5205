/** The SIM item (in its workspace's partition) and the SIM locator (where an ICCID lives, platform-wide). */
import { locationDefaults, simDefaults, type Sim, type SimLocation } from '#domain/sims.js';
import { keys, partitions, type Key } from '#db/keys.js';
import type { Item } from '#db/ops.js';
import { recordKind } from '#db/records/record-kind.js';

export const simRecord = recordKind<Sim>()({
  type: 'Sim',
  key: (s) => keys.sim(s.workspaceId, s.iccid),
  required: ['iccid', 'workspaceId', 'status', 'createdAt', 'updatedAt', 'version'],
  defaults: simDefaults,
});
export const { item: simItem, from: toSim } = simRecord;

export const locationRecord = recordKind<SimLocation>()({
  type: 'SimLocation',
  key: (l) => keys.simLocator(l.iccid),
  required: ['iccid', 'workspaceId', 'since', 'version'],
  defaults: locationDefaults,
});
export const { item: locatorItem, from: toLocation } = locationRecord;

/**
 * The locators of the SIMs among a deleted workspace's items. Deleting them frees the ICCIDs
 * for registration again; no transfer can move these SIMs meanwhile, because the workspace item
 * (which every transfer conditions on) is already gone.
 */
export const simLocatorsAmong = (items: Item[]): Key[] =>
  items.filter((i) => i.type === simRecord.type && String(i.SK).startsWith(partitions.simPrefix)).map((i) => keys.simLocator(i.iccid as string));
