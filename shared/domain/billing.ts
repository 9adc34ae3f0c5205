/**
 * Billing: who may set which plan, the receipt of a billing event, and the webhook's signature
 * scheme (Stripe's: `Billing-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`).
 * No AWS here: the secret is fetched by the auth floor (shared/auth/billing-secret.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Plan } from '#domain/plans.js';
import { isPaid } from '#domain/trials.js';

/** The audit actor of a plan set by a billing event. */
export const BILLING_ACTOR = 'billing';

/** A signature's timestamp may be this far from now, either way (a replay window of 5 minutes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * How long an event id is remembered (its receipt's TTL). A provider re-signs each retry with a
 * fresh timestamp, so a retry passes the 5-minute window: the receipt must outlast its retries
 * (Stripe retries for up to 3 days).
 */
export const EVENT_RECEIPT_DAYS = 30;

/**
 * Does moving from `current` to `requested` take a payment? Every change to a paid plan other
 * than the current one does — trial or free → pro, pro → enterprise, and enterprise → pro too,
 * because what a paid plan costs is the billing provider's record, which only billing changes.
 * Free (from any plan) and staying on the current plan take none: those stay the owner's.
 */
export const takesPayment = (current: Plan, requested: Plan): boolean => isPaid(requested) && requested !== current;

/** That a billing event was applied: remembered by id so that a repeat changes nothing. */
export interface BillingEventReceipt {
  /** The provider's event id. */
  id: string;
  orgId: string;
  plan: Plan;
  receivedAt: string;
}

export function newBillingEventReceipt(event: { id: string; organizationId: string; plan: Plan }, now: Date): BillingEventReceipt {
  return { id: event.id, orgId: event.organizationId, plan: event.plan, receivedAt: now.toISOString() };
}

/** The v1 signature of `body` at `timestamp` (its `t` exactly as sent) with `secret`, as 32 bytes. */
function signatureBytes(secret: string, timestamp: string, body: Uint8Array | string): Buffer {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest();
}

/** The hex v1 signature, as the provider computes it. */
export function billingSignature(secret: string, timestamp: number | string, body: Uint8Array | string): string {
  return signatureBytes(secret, String(timestamp), body).toString('hex');
}

/** A `Billing-Signature` header value: one `v1=` per secret (a provider rotating its secret signs with both). */
export function billingSignatureHeader(secrets: string | readonly string[], body: Uint8Array | string, at: Date = new Date()): string {
  const t = Math.floor(at.getTime() / 1000);
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return [`t=${t}`, ...list.map((secret) => `v1=${billingSignature(secret, t, body)}`)].join(',');
}

export type SignatureCheck =
  | { ok: true; timestamp: number }
  | { ok: false; reason: 'missing' | 'malformed' | 'mismatch' | 'outside_window' };

const MAX_HEADER_LENGTH = 2048;
const HEX_SIGNATURE = /^[0-9a-f]{64}$/i;

/**
 * Checks a `Billing-Signature` header against the exact bytes of the body: some `v1=` entry must
 * equal the HMAC with one of `secrets` (compared in constant time), and then `t` must be within
 * 5 minutes of `now`, before or after. Entries of other schemes (`v0=`) are ignored; a `t` other
 * than digits, two `t`s, or no `v1` at all is malformed.
 */
export function checkBillingSignature(header: string | undefined, body: Uint8Array, secrets: readonly string[], now: Date): SignatureCheck {
  if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
  if (header.length > MAX_HEADER_LENGTH) return { ok: false, reason: 'malformed' };
  const stamps: string[] = [];
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at === -1) return { ok: false, reason: 'malformed' };
    const name = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (name === 't') stamps.push(value);
    // A v1 that is not 64 hex digits can match nothing; it does not spoil the others.
    else if (name === 'v1' && HEX_SIGNATURE.test(value)) candidates.push(Buffer.from(value, 'hex'));
  }
  const [timestamp] = stamps;
  if (stamps.length !== 1 || timestamp === undefined || !/^\d{1,12}$/.test(timestamp) || candidates.length === 0) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = secrets.map((secret) => signatureBytes(secret, timestamp, body));
  // Every candidate against every secret, with no early exit: the time taken says nothing about which matched.
  let matched = false;
  for (const candidate of candidates) for (const wanted of expected) matched = timingSafeEqual(candidate, wanted) || matched;
  if (!matched) return { ok: false, reason: 'mismatch' };
  const seconds = Number(timestamp);
  if (Math.abs(Math.floor(now.getTime() / 1000) - seconds) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'outside_window' };
  return { ok: true, timestamp: seconds };
}
