/**
 * The provisioned-SIM record: a SIM card the platform's operators handed to an organization,
 * with the activation code printed on the card kept only as a slow salted hash (scrypt), and
 * what the last claim into a workspace was. What an activation code is, how it is hashed and
 * checked, and the one answer a claim gets for a card that is not there for it. Where a claimed
 * SIM lives now is the SIM locator's business (sims.ts), never this record's.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The last claim of the card into a workspace (informational: the locator says where it lives now). */
export interface SimClaim {
  workspaceId: string;
  userId: string;
  at: string;
}

export interface ProvisionedSim {
  iccid: string;
  /** The organization the card was provisioned to: only its workspaces can claim it. */
  orgId: string;
  /** `scrypt$<log2 N>$<r>$<p>$<salt>$<key>` of the normalized activation code (base64url salt and key). */
  codeHash: string;
  provisionedAt: string;
  /** The operator who provisioned it. */
  provisionedBy: string;
  claim?: SimClaim;
}

/** Cards per provisioning request: each costs one scrypt, and the batch is one transaction. */
export const MAX_PROVISION_BATCH = 25;

/**
 * Activation codes: letters and digits, case-insensitive, optionally grouped by single hyphens
 * (`ABCD-EFGH-1234`; the hyphens are not part of the code), 8–32 letters and digits.
 */
export const ACTIVATION_CODE_PATTERN = /^[A-Za-z0-9](?:-?[A-Za-z0-9])*$/;
export const ACTIVATION_CODE_MIN = 8;
export const ACTIVATION_CODE_MAX = 32;
/** The longest code as typed: 32 characters with a hyphen between each. */
export const ACTIVATION_CODE_MAX_TYPED = 2 * ACTIVATION_CODE_MAX - 1;

/** The one form a code is hashed and compared in: upper case, without the group hyphens. */
export const normalizeActivationCode = (code: string): string => code.replaceAll('-', '').toUpperCase();

export function isActivationCode(code: string): boolean {
  if (code.length > ACTIVATION_CODE_MAX_TYPED || !ACTIVATION_CODE_PATTERN.test(code)) return false;
  const length = normalizeActivationCode(code).length;
  return length >= ACTIVATION_CODE_MIN && length <= ACTIVATION_CODE_MAX;
}

/**
 * The scrypt cost: N = 2^13, r = 8, p = 1 (8 MiB of memory, some tens of milliseconds of one
 * core). Enough that a leaked item does not give a short code away to a quick offline search; low
 * enough that a claim stays fast and a batch of `MAX_PROVISION_BATCH` cards stays well inside the
 * function timeout on a 512 MB Lambda (docs/security.md has the figures).
 */
export const SCRYPT_COST = { log2N: 13, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

interface ParsedHash {
  log2N: number;
  r: number;
  p: number;
  salt: Buffer;
  key: Buffer;
}

function derive(code: string, salt: Buffer, cost: { log2N: number; r: number; p: number }, length: number): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r * cost.p };
  return new Promise((resolve, reject) => {
    scrypt(normalizeActivationCode(code), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

const format = (cost: { log2N: number; r: number; p: number }, salt: Buffer, key: Buffer): string =>
  `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;

/** A stored hash's parts, or undefined for anything else (an unknown scheme never matches). */
export function parseCodeHash(stored: string): ParsedHash | undefined {
  const match = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([\w-]{1,64})\$([\w-]{1,128})$/.exec(stored);
  if (!match) return undefined;
  const [log2N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const [salt, key] = [Buffer.from(match[4]!, 'base64url'), Buffer.from(match[5]!, 'base64url')];
  if (log2N < 1 || log2N > 16 || r < 1 || r > 16 || p < 1 || p > 4 || salt.length < 8 || key.length < 16) return undefined;
  return { log2N, r, p, salt, key };
}

/** The stored form of an activation code: scrypt with a fresh random salt per card. */
export async function hashActivationCode(code: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return format(SCRYPT_COST, salt, await derive(code, salt, SCRYPT_COST, KEY_BYTES));
}

/**
 * What a claim of a card that is not there compares against, so that every claim costs one scrypt
 * of the current cost whether or not a card was found (no key derives to all zeros).
 */
export const NO_CARD_HASH = format(SCRYPT_COST, Buffer.alloc(SALT_BYTES, 7), Buffer.alloc(KEY_BYTES));

/** Whether `code` is the one `stored` was made from (constant time in the derived key). */
export async function activationCodeMatches(code: string, stored: string): Promise<boolean> {
  const parsed = parseCodeHash(stored) ?? parseCodeHash(NO_CARD_HASH)!;
  const given = await derive(code, parsed.salt, parsed, parsed.key.length);
  return timingSafeEqual(given, parsed.key) && stored !== NO_CARD_HASH;
}

/**
 * The one answer of a claim for a card that is not there for this workspace's organization —
 * unknown, provisioned to another organization, or a wrong code: nothing tells them apart.
 */
export const NO_SUCH_CARD = 'No SIM with this ICCID and activation code is provisioned to this organization.';

export function newProvisionedSim(input: { iccid: string; orgId: string; codeHash: string; by: string; now: Date }): ProvisionedSim {
  return { iccid: input.iccid, orgId: input.orgId, codeHash: input.codeHash, provisionedAt: input.now.toISOString(), provisionedBy: input.by };
}
