/** Activation codes (issue 13, defect 3): their form, the scrypt hash they are kept as, and its check. */
import { describe, expect, it } from 'vitest';
import {
  activationCodeMatches, hashActivationCode, isActivationCode, newProvisionedSim, NO_CARD_HASH, normalizeActivationCode, parseCodeHash, SCRYPT_COST,
} from '#domain/provisioned-sims.js';
import { provisionedSimItem, toProvisionedSim } from '#db/records/provisioned-sims.js';

describe('activation codes', () => {
  it('are 8–32 letters and digits, case-insensitive, optionally grouped by single hyphens', () => {
    for (const code of ['ABCDEFGH', 'abcd-efgh', 'K7QP-2XWM-9RTD', '12345678', 'A'.repeat(32), Array.from('A'.repeat(32)).join('-')]) expect(isActivationCode(code), code).toBe(true);
    for (const code of ['', 'ABCDEFG', 'ABC-DEFG', 'A'.repeat(33), 'ABCD--EFGH', '-ABCDEFGH', 'ABCDEFGH-', 'ABCD EFGH', 'ABCDÉFGH', 'ABCD_EFGH', 'ABCDEFGH\n']) {
      expect(isActivationCode(code), JSON.stringify(code)).toBe(false);
    }
    expect(normalizeActivationCode('k7qp-2xwm-9rtd')).toBe('K7QP2XWM9RTD');
  });
});

describe('the stored hash', () => {
  it('verifies the code in any of its typed forms and nothing else', async () => {
    const stored = await hashActivationCode('K7QP-2XWM-9RTD');
    for (const typed of ['K7QP-2XWM-9RTD', 'k7qp2xwm9rtd', 'K7QP2XWM-9RTD']) expect(await activationCodeMatches(typed, stored), typed).toBe(true);
    for (const other of ['K7QP-2XWM-9RTE', 'K7QP2XWM9RT', 'K7QP2XWM9RTDD']) expect(await activationCodeMatches(other, stored), other).toBe(false);
  });

  it('is scrypt at the declared cost with a fresh salt per card, and holds no form of the code', async () => {
    const [a, b] = [await hashActivationCode('ABCDEFGH'), await hashActivationCode('ABCDEFGH')];
    expect(a).not.toBe(b);
    expect(parseCodeHash(a)).toMatchObject(SCRYPT_COST);
    expect(parseCodeHash(a)!.salt).not.toEqual(parseCodeHash(b)!.salt);
    for (const form of ['ABCDEFGH', 'abcdefgh', Buffer.from('ABCDEFGH').toString('base64url')]) expect(a).not.toContain(form);
  });

  it('a claim without a card compares against a stand-in of the same cost that nothing matches', async () => {
    expect(parseCodeHash(NO_CARD_HASH)).toMatchObject(SCRYPT_COST);
    expect(await activationCodeMatches('ABCDEFGH', NO_CARD_HASH)).toBe(false);
  });

  it('a stored value that is not a hash of this scheme never matches (and costs the same work)', async () => {
    for (const stored of ['', 'ABCDEFGH', 'sha256$abc', 'scrypt$13$8$1$AAAA$', `scrypt$30$8$1$${'A'.repeat(22)}$${'A'.repeat(43)}`]) {
      expect(parseCodeHash(stored), stored).toBeUndefined();
      expect(await activationCodeMatches('ABCDEFGH', stored), stored).toBe(false);
    }
  });

  it('the provisioned-card record survives item → record, with its organization in GSI1', async () => {
    const card = newProvisionedSim({ iccid: '8944500102198304826', orgId: 'o1', codeHash: await hashActivationCode('ABCDEFGH'), by: 'op', now: new Date('2026-03-01T00:00:00Z') });
    const item = provisionedSimItem(card);
    expect(item).toMatchObject({ PK: 'SIM#8944500102198304826', SK: 'PROVISIONED', GSI1PK: 'ORG#o1', GSI1SK: 'PROVSIM#8944500102198304826' });
    expect(toProvisionedSim(item)).toEqual(card);
    const claimed = { ...card, claim: { workspaceId: 'w1', userId: 'u1', at: '2026-03-02T00:00:00.000Z' } };
    expect(toProvisionedSim(provisionedSimItem(claimed))).toEqual(claimed);
  });
});
