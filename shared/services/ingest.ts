/**
 * Ingest: a device sends a JSON document to a stream of its own workspace. One BatchGet (the
 * workspace, the device's name guard with its key hash, the stream), then one update (lastSeenAt).
 */
import { readIngestTargets } from '#db/repositories/device-names.js';
import { recordDeviceSeen } from '#db/repositories/devices.js';
import { toWorkspace } from '#db/records/workspaces.js';
import { DEVICE_AUTH_SCHEME, deviceKeyFrom, deviceKeyMatches } from '#domain/devices.js';
import { assertWorkspaceWritable } from '#domain/trials.js';
import { NotFoundError, UnauthorizedError } from '#kernel/errors.js';

const wrongKey = () => new UnauthorizedError('Unknown device or wrong device key.', DEVICE_AUTH_SCHEME);

/**
 * Accepts one message. An unknown workspace or device answers exactly like a wrong key (401),
 * so a key-less caller learns nothing; only an authenticated device hears 404 (the stream is not
 * in its workspace) or 423 (its workspace is disabled).
 */
export async function acceptMessage(
  target: { workspaceId: string; deviceName: string; streamName: string },
  authorization: string | undefined,
  now = new Date(),
): Promise<{ receivedAt: string }> {
  const key = deviceKeyFrom(authorization);
  if (!key) throw wrongKey();
  const { workspace, guard, streamExists } = await readIngestTargets(target.workspaceId, target.deviceName, target.streamName);
  if (!workspace || !guard || !deviceKeyMatches(key, guard.keyHash)) throw wrongKey();
  if (!streamExists) throw new NotFoundError('No such stream in this workspace.');
  assertWorkspaceWritable(toWorkspace(workspace));
  if (!(await recordDeviceSeen(target.workspaceId, guard.deviceId, now))) throw wrongKey();
  return { receivedAt: now.toISOString() };
}
