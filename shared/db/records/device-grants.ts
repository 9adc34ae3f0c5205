/** The per-device grant item: user first in its key, so one Query lists a user's grants in a workspace. */
import type { DeviceGrant } from '#domain/device-grants.js';
import { keys } from '#db/keys.js';
import { recordKind } from '#db/records/record-kind.js';

export const grantRecord = recordKind<DeviceGrant>()({
  type: 'DeviceGrant',
  key: (g) => keys.deviceGrant(g.workspaceId, g.userId, g.deviceId),
  required: ['workspaceId', 'orgId', 'deviceId', 'userId', 'access', 'grantedBy', 'grantedAt'],
});
export const { item: grantItem, from: toDeviceGrant } = grantRecord;
