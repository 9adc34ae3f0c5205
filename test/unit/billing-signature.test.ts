/**
 * The billing webhook's signature scheme (Stripe's: HMAC-SHA256 of "<t>.<raw body>", hex, in
 * `Billing-Signature: t=…,v1=…`) against fixed vectors computed outside this code
 * (`printf '%s' "1700000000.<body>" | openssl dgst -sha256 -hmac <secret>`), the 5-minute window
 * both ways, several `v1` entries (secret rotation), and who may set which plan.
 */
import { describe, expect, it } from 'vitest';
import { billingSignature, billingSignatureHeader, checkBillingSignature, SIGNATURE_TOLERANCE_SECONDS, takesPayment } from '#domain/billing.js';

const SECRET = 'whsec_test_secret';
const ROTATED = 'whsec_rotated_secret';
const T = 1_700_000_000;
const BODY = '{"id":"evt_1","type":"plan.changed","organizationId":"11111111-1111-4111-8111-111111111111","plan":"pro"}';
/** openssl's answers for BODY at T with SECRET, with ROTATED, and for BODY plus one trailing space with SECRET. */
const V1 = '9178bc6a48636ea292ef0b06d5c44f24ea87d6742365f0274af63c60b7b1823d';
const V1_ROTATED = '9a04b0172581982b8ac4c008373758797d9c97853f30c699c5003df47e5b41ed';
const V1_TRAILING_SPACE = '1303273e54b032bd95b27ac8faf09f9710b2139c67b2708a4236b64df2ab55e4';

const at = (seconds: number) => new Date(seconds * 1000);
const bytes = (text: string) => Buffer.from(text, 'utf8');
const check = (header: string | undefined, body = BODY, secrets = [SECRET], now = at(T)) => checkBillingSignature(header, bytes(body), secrets, now);

describe('billing signature: the fixed vectors', () => {
  it('signs as openssl does', () => {
    expect(billingSignature(SECRET, T, BODY)).toBe(V1);
    expect(billingSignature(ROTATED, T, BODY)).toBe(V1_ROTATED);
    expect(billingSignature(SECRET, T, `${BODY} `)).toBe(V1_TRAILING_SPACE);
    expect(billingSignatureHeader(SECRET, BODY, at(T))).toBe(`t=${T},v1=${V1}`);
    expect(billingSignatureHeader([SECRET, ROTATED], BODY, at(T))).toBe(`t=${T},v1=${V1},v1=${V1_ROTATED}`);
  });

  it('accepts the vector, with spaces around the parts and in upper-case hex', () => {
    expect(check(`t=${T},v1=${V1}`)).toEqual({ ok: true, timestamp: T });
    expect(check(` t=${T} , v1=${V1.toUpperCase()} `)).toEqual({ ok: true, timestamp: T });
    expect(check(`v1=${V1},t=${T}`)).toEqual({ ok: true, timestamp: T });
  });

  it('is over the exact bytes: one more space, another key order, another secret do not match', () => {
    expect(check(`t=${T},v1=${V1}`, `${BODY} `)).toEqual({ ok: false, reason: 'mismatch' });
    expect(check(`t=${T},v1=${V1_TRAILING_SPACE}`, `${BODY} `)).toEqual({ ok: true, timestamp: T });
    const reordered = JSON.stringify({ type: 'plan.changed', id: 'evt_1', organizationId: '11111111-1111-4111-8111-111111111111', plan: 'pro' });
    expect(check(`t=${T},v1=${V1}`, reordered)).toEqual({ ok: false, reason: 'mismatch' });
    expect(check(`t=${T},v1=${V1_ROTATED}`)).toEqual({ ok: false, reason: 'mismatch' });
    // The timestamp is signed too: the same v1 under another t does not match.
    expect(check(`t=${T + 1},v1=${V1}`, BODY, [SECRET], at(T))).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('tolerates several v1 entries (a provider rotating its secret signs with both), and junk v1 beside a good one', () => {
    expect(check(`t=${T},v1=${V1_ROTATED},v1=${V1}`)).toEqual({ ok: true, timestamp: T });
    expect(check(`t=${T},v1=${V1},v1=${V1_ROTATED}`, BODY, [ROTATED])).toEqual({ ok: true, timestamp: T });
    expect(check(`t=${T},v1=zz,v1=${'0'.repeat(64)},v0=abc,v1=${V1}`)).toEqual({ ok: true, timestamp: T });
    expect(check(`t=${T},v1=${'0'.repeat(64)},v1=${V1_ROTATED}`)).toEqual({ ok: false, reason: 'mismatch' });
  });
});

describe('billing signature: the 5-minute window, both ways', () => {
  it('accepts up to 300 s before or after now', () => {
    expect(SIGNATURE_TOLERANCE_SECONDS).toBe(300);
    expect(check(`t=${T},v1=${V1}`, BODY, [SECRET], at(T + 300))).toEqual({ ok: true, timestamp: T });
    expect(check(`t=${T},v1=${V1}`, BODY, [SECRET], at(T - 300))).toEqual({ ok: true, timestamp: T });
  });

  it('refuses a signature older than 5 minutes (a replay) and one from more than 5 minutes ahead', () => {
    expect(check(`t=${T},v1=${V1}`, BODY, [SECRET], at(T + 301))).toEqual({ ok: false, reason: 'outside_window' });
    expect(check(`t=${T},v1=${V1}`, BODY, [SECRET], at(T - 301))).toEqual({ ok: false, reason: 'outside_window' });
    expect(check(`t=${T},v1=${V1}`, BODY, [SECRET], at(T + 86_400 * 365))).toEqual({ ok: false, reason: 'outside_window' });
  });

  it('says "mismatch", not the window, to a wrong signature with a stale timestamp', () => {
    expect(check(`t=${T},v1=${V1_ROTATED}`, BODY, [SECRET], at(T + 1000))).toEqual({ ok: false, reason: 'mismatch' });
  });
});

describe('billing signature: malformed and missing headers', () => {
  it.each([
    ['no header', undefined, 'missing'],
    ['an empty header', '  ', 'missing'],
    ['no t', `v1=${V1}`, 'malformed'],
    ['two t', `t=${T},t=${T},v1=${V1}`, 'malformed'],
    ['a t that is not digits', `t=${T}.5,v1=${V1}`, 'malformed'],
    ['a negative t', `t=-${T},v1=${V1}`, 'malformed'],
    ['no v1 (only v0)', `t=${T},v0=${V1}`, 'malformed'],
    ['a v1 that is not 64 hex digits', `t=${T},v1=${V1.slice(2)}`, 'malformed'],
    ['a part without =', `t=${T},${V1}`, 'malformed'],
    ['a header over 2 KB', `t=${T},${'v1=00,'.repeat(400)}v1=${V1}`, 'malformed'],
  ] as const)('%s: %s', (_name, header, reason) => {
    expect(check(header)).toEqual({ ok: false, reason });
  });
});

describe('who pays for which plan', () => {
  it('any change to a paid plan other than the current one takes a payment; free and staying put do not', () => {
    const plans = ['trial', 'free', 'pro', 'enterprise'] as const;
    const paying = plans.flatMap((from) => plans.filter((to) => takesPayment(from, to)).map((to) => `${from}→${to}`));
    expect(paying.sort()).toEqual(['enterprise→pro', 'free→enterprise', 'free→pro', 'pro→enterprise', 'trial→enterprise', 'trial→pro'].sort());
  });
});
