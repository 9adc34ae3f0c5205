/**
 * Authentication of the billing provider's webhook: the `Billing-Signature` header over the exact
 * bytes of the body, with the signing secret (rule: `checkBillingSignature`, shared/domain/billing.ts).
 * Every failure is 401 `unauthorized`; the detail says which check failed, never anything of the secret.
 */
import { checkBillingSignature } from '#domain/billing.js';
import { UnauthorizedError } from '#kernel/errors.js';
import { billingSecret } from '#auth/billing-secret.js';

/** The 401's challenge: sign the raw body as `Billing-Signature: t=…,v1=…` (RFC 9110 asks every 401 to name one). */
export const BILLING_CHALLENGE = 'Billing-Signature';

const REFUSALS = {
  missing: 'A Billing-Signature header is required.',
  malformed: 'The Billing-Signature header is malformed (t=<unix seconds>,v1=<hex HMAC-SHA256>).',
  mismatch: 'No signature in the Billing-Signature header matches the body.',
  outside_window: 'The Billing-Signature timestamp is more than 5 minutes from now.',
} as const;

export async function assertBillingSignature(header: string | undefined, body: Uint8Array, now = new Date()): Promise<void> {
  // No header, no secret fetch: an unsigned request costs nothing.
  if (header === undefined || header.trim() === '') throw new UnauthorizedError(REFUSALS.missing, BILLING_CHALLENGE);
  const check = checkBillingSignature(header, body, [await billingSecret(now.getTime())], now);
  if (!check.ok) throw new UnauthorizedError(REFUSALS[check.reason], BILLING_CHALLENGE);
}
