/**
 * The one comparison form of email addresses (shared/domain/email.ts): NFKC + case folding, and
 * the refusal (400 invalid_email) of addresses with look-alike or invisible characters —
 * wherever addresses are compared: the invitee check, the table's email guards, sign-up.
 */
import { describe, expect, it } from 'vitest';
import { keys } from '#db/keys.js';
import { lookalikesIn, normalizeEmail } from '#domain/email.js';
import { assertInvitee } from '#domain/invitations.js';
import type { Invitation } from '#domain/invitations.js';
import { ForbiddenError, HttpError, InvalidEmailError } from '#kernel/errors.js';
import { signUp } from '#services/me.js';
import { invitationEmail } from '#email/templates.js';
import type { Principal } from '#auth/principal.js';

function refusal(typed: string): HttpError {
  try {
    normalizeEmail(typed);
  } catch (error) {
    return error as HttpError;
  }
  throw new Error(`${typed} was accepted`);
}

describe('normalizeEmail', () => {
  it('folds case: one address however it is capitalized', () => {
    expect(normalizeEmail('Casey@Example.COM')).toBe('casey@example.com');
    expect(normalizeEmail('ÉLODIE@exemple.fr')).toBe('élodie@exemple.fr');
    // The final sigma folds like any sigma, as Unicode case folding has it.
    expect(normalizeEmail('ΣΑΣ@example.gr')).toBe(normalizeEmail('σασ@example.gr'));
  });

  it('composes an accent typed as a combining mark: the letters stay, so it is accepted', () => {
    expect(normalizeEmail('e\u0301lodie@exemple.fr')).toBe('\u00e9lodie@exemple.fr');
  });

  it.each([
    ['U+212A KELVIN SIGN for k', 'mar\u212Aus@example.com', 'U+212A'],
    ['U+212B ANGSTROM SIGN for Å', '\u212Bsa@example.se', 'U+212B'],
    ['fullwidth letters', '\uFF41lice@example.com', 'U+FF41'],
    ['a fullwidth @', 'alice\uFF20example.com', 'U+FF20'],
    ['the ligature fi', '\uFB01nn@example.com', 'U+FB01'],
    ['a superscript digit', 'user\u00B2@example.com', 'U+00B2'],
    ['the long s', '\u017Fam@example.com', 'U+017F'],
    ['a mathematical bold letter', '\u{1D41A}lice@example.com', 'U+1D41A'],
    ['a zero-width space', 'ali\u200Bce@example.com', 'U+200B'],
    ['a no-break space', 'alice\u00A0@example.com', 'U+00A0'],
  ])('refuses %s with 400 invalid_email, naming the character', (_, typed, named) => {
    const error = refusal(typed);
    expect(error).toBeInstanceOf(InvalidEmailError);
    expect(error).toMatchObject({ status: 400, code: 'invalid_email' });
    expect(error.message).toContain(named);
  });

  it('would otherwise have compared look-alikes equal to the real address', () => {
    expect('mar\u212Aus@example.com'.normalize('NFKC').toLowerCase()).toBe('markus@example.com');
    expect(lookalikesIn('mar\u212Aus@example.com')).toEqual(['\u212A']);
    expect(lookalikesIn('markus@example.com')).toEqual([]);
  });
});

describe('where addresses are compared', () => {
  const invitation = { email: 'casey@example.com' } as Invitation;

  it('the invitee check compares normalized addresses, and refuses a look-alike with 400', () => {
    expect(() => assertInvitee(invitation, { email: 'CASEY@example.com', emailVerified: true })).not.toThrow();
    expect(() => assertInvitee(invitation, { email: 'other@example.com', emailVerified: true })).toThrow(ForbiddenError);
    expect(() => assertInvitee(invitation, { email: 'casey@example.com', emailVerified: false })).toThrow(ForbiddenError);
    expect(() => assertInvitee(invitation, { email: 'case\uFF59@example.com', emailVerified: true })).toThrow(InvalidEmailError);
  });

  it('the table\'s email guards key on the normalized address', () => {
    expect(keys.email('Casey@Example.com')).toEqual(keys.email('casey@example.com'));
    expect(keys.orgEmail('o1', 'e\u0301lodie@exemple.fr')).toEqual(keys.orgEmail('o1', '\u00c9LODIE@exemple.fr'));
    expect(() => keys.email('\uFF41lice@example.com')).toThrow(InvalidEmailError);
  });

  it('sign-up refuses a token with a look-alike address before reading anything', async () => {
    const principal: Principal = { userId: 'u1', email: 'mar\u212Aus@example.com', emailVerified: true, groups: [], identityProviders: [] };

    await expect(signUp(principal, { givenName: 'M', familyName: 'K' })).rejects.toMatchObject({ status: 400, code: 'invalid_email' });
  });
});

describe('the plain-text part of an email', () => {
  const invitation = (message: string, emailFooter?: string) =>
    invitationEmail({
      to: 'casey@example.com',
      organizationName: 'Acme',
      inviterName: 'Ada',
      role: 'member',
      message,
      link: 'https://portal.test/invitations/t',
      expiresAt: '2030-01-01T00:00:00.000Z',
      logoUrl: null,
      branding: emailFooter === undefined ? null : { emailFooter },
    });

  it('has one line end, however the message was typed: every line of the quote prefixed once', () => {
    for (const message of ['one\r\ntwo\r\nthree', 'one\ntwo\nthree', 'one\rtwo\rthree', 'one\u2028two\u2029three']) {
      const { text } = invitation(message, 'Acme Ltd\r\nLondon');
      expect(text, JSON.stringify(message)).toContain('\n\n> one\n> two\n> three\n\n');
      expect(text, JSON.stringify(message)).not.toMatch(/[\r\u2028\u2029]/);
      expect(text.endsWith('\n\nAcme Ltd\nLondon')).toBe(true);
    }
  });
});
