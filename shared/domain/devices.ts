/**
 * The device record (its type, the defaults it starts from and older items read as, its factory)
 * and the plain rules of devices: names, device keys, the `Authorization: Device <key>` header.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { definedOnly } from '#kernel/objects.js';

export interface Device {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  /** Set by the SIM side when a SIM is attached; null until then. */
  simIccid: string | null;
  createdAt: string;
  createdBy: string;
  lastSeenAt: string | null;
  /** SHA-256 of the device key (base64url); the key itself is shown once and never stored. */
  keyHash: string;
  version: number;
  /**
   * Bumped by every new grant on the device: a delete pinned to the value it read cannot miss
   * a grant written after it listed them.
   */
  grantVersion: number;
}

/** Device names: path-safe (they appear in ingest URLs), compared case-insensitively. */
export const DEVICE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The form a device name is unique in: two names that differ only in case are the same name. */
export const deviceNameKey = (name: string): string => name.toLowerCase();

/** Do two names collide (the same name, ignoring case)? */
export const sameDeviceName = (a: string, b: string): boolean => deviceNameKey(a) === deviceNameKey(b);

export const hashDeviceKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('base64url');

/** A new device key: 32 random bytes, base64url; only its hash is kept. */
export function newDeviceKey(): { key: string; hash: string } {
  const key = randomBytes(32).toString('base64url');
  return { key, hash: hashDeviceKey(key) };
}

/** Whether `key` is the one whose hash is `hash` (constant time in the hash). */
export function deviceKeyMatches(key: string, hash: string): boolean {
  const given = Buffer.from(hashDeviceKey(key));
  const expected = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The authentication scheme of `Authorization: Device <key>`: the challenge a refused device hears (`WWW-Authenticate`). */
export const DEVICE_AUTH_SCHEME = 'Device';

/** The key of `Authorization: Device <key>`, or undefined for any other header. */
export function deviceKeyFrom(authorization: string | undefined): string | undefined {
  const match = /^Device\s+([A-Za-z0-9_-]{1,128})\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

/** What a device holds unless told otherwise: a new one starts so, an older item without the field reads so. */
export const deviceDefaults = () =>
  ({
    description: null,
    simIccid: null,
    lastSeenAt: null,
    version: 1,
    grantVersion: 0,
  }) satisfies Partial<Device>;

export function newDevice(input: { workspaceId: string; name: string; description?: string; createdBy: string; keyHash: string; now: Date }): Device {
  return {
    ...deviceDefaults(),
    ...definedOnly({ description: input.description }),
    id: randomUUID(),
    workspaceId: input.workspaceId,
    name: input.name,
    createdAt: input.now.toISOString(),
    createdBy: input.createdBy,
    keyHash: input.keyHash,
  };
}
