/** The usage record item: in the partition of the workspace that held the SIM at `at`, sorted by time. */
import type { UsageRecord } from '#domain/usage.js';
import { keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

export const usageRecord = recordKind<UsageRecord>()({
  type: 'Usage',
  key: (u) => keys.usage(u.workspaceId, u.at, u.iccid, u.id),
  required: ['id', 'iccid', 'workspaceId', 'at', 'bytes', 'recordedAt', 'recordedBy'],
});
export const { item: usageItem } = usageRecord;
