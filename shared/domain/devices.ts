/**
 * Devices, streams and per-device grants as the domain sees them, and their plain rules:
 * names, device keys, the `Authorization: Device <key>` header, grant bookkeeping.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { GrantLevel } from '#domain/roles.js';

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

export interface Stream {
  workspaceId: string;
  name: string;
  description: string | null;
  createdAt: string;
  createdBy: string;
}

export interface DeviceGrant {
  workspaceId: string;
  orgId: string;
  deviceId: string;
  userId: string;
  access: GrantLevel;
  grantedBy: string;
  grantedAt: string;
}

/** Device names: path-safe (they appear in ingest URLs), compared case-insensitively. */
export const DEVICE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Stream names: lower-case, path-safe. */
export const STREAM_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

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

/** The key of `Authorization: Device <key>`, or undefined for any other header. */
export function deviceKeyFrom(authorization: string | undefined): string | undefined {
  const match = /^Device\s+([A-Za-z0-9_-]{1,128})\s*$/i.exec(authorization ?? '');
  return match?.[1];
}

export function newDevice(input: { workspaceId: string; name: string; description?: string; createdBy: string; keyHash: string; now: Date }): Device {
  return {
    id: randomUUID(),
    workspaceId: input.workspaceId,
    name: input.name,
    description: input.description ?? null,
    simIccid: null,
    createdAt: input.now.toISOString(),
    createdBy: input.createdBy,
    lastSeenAt: null,
    keyHash: input.keyHash,
    version: 1,
    grantVersion: 0,
  };
}

/**
 * How many devices one member may hold grants on in an organization: removing the member
 * deletes them all in one transaction, and DynamoDB transactions hold at most 100 items.
 */
export const MAX_DEVICE_GRANTS_PER_MEMBER = 25;

/** The entry a grant leaves on the grantee's org membership (so removing the member finds it). */
export const grantEntry = (workspaceId: string, deviceId: string): string => `${workspaceId}/${deviceId}`;

export function parseGrantEntry(entry: string): { workspaceId: string; deviceId: string } | undefined {
  const [workspaceId, deviceId, extra] = entry.split('/');
  return workspaceId && deviceId && extra === undefined ? { workspaceId, deviceId } : undefined;
}
