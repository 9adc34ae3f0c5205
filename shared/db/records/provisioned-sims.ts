/** The provisioned-SIM item: beside the ICCID's locator, listed under its organization in GSI1 (for the purge). */
import type { ProvisionedSim } from '#domain/provisioned-sims.js';
import { byOwner, keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

export const provisionedSimRecord = recordKind<ProvisionedSim>()({
  type: 'ProvisionedSim',
  key: (s) => keys.provisionedSim(s.iccid),
  required: ['iccid', 'orgId', 'codeHash', 'provisionedAt', 'provisionedBy'],
  optional: ['claim'],
  derived: (s) => byOwner.orgProvisionedSim(s.orgId, s.iccid),
});
export const { item: provisionedSimItem, from: toProvisionedSim } = provisionedSimRecord;
