/**
 * The one form in which email addresses are compared: Unicode NFKC, then case-folded. Every
 * comparison of two addresses (one user per email, the invitee check, the sign-up trigger's
 * linking, the table's email guards) goes through `normalizeEmail`.
 *
 * An address is refused (400 `invalid_email`) when a character of it is not its own NFKC form,
 * that is when normalizing would put other letters in its place: U+212A KELVIN SIGN (→ `K`),
 * fullwidth `ａ` (→ `a`), the ligature `ﬁ` (→ `fi`), U+212B ANGSTROM SIGN, superscripts, the long
 * s. Such an address looks like another one and would compare equal to it, so accepting it
 * would let one person pass for another. Accents typed decomposed (`e` + U+0301) are not
 * refused: NFKC only composes them, the letters stay. Characters that do not show (control and
 * format characters such as U+200B ZERO WIDTH SPACE) and spaces are refused too.
 *
 * Case folding here is Unicode lowercasing (the locale-independent `toLowerCase`) with the final
 * sigma folded to `σ`; for the letters that survive the NFKC check it agrees with Unicode's
 * simple case folding (Cherokee aside). Full folding's `ß` → `ss` is not applied: mail systems
 * treat those as different mailboxes.
 */
import { InvalidEmailError } from '#kernel/errors.js';

const INVISIBLE_OR_SPACE = /[\p{Cc}\p{Cf}\p{Z}\s]/u;

const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The characters of `typed` that NFKC would replace, or that do not show; each once. */
export function lookalikesIn(typed: string): string[] {
  return [...new Set([...typed].filter((c) => c.normalize('NFKC') !== c || INVISIBLE_OR_SPACE.test(c)))];
}

/**
 * The comparison form of `typed` (NFKC, case-folded), or a 400 `invalid_email` for an address
 * with look-alike or invisible characters.
 */
export function normalizeEmail(typed: string): string {
  const refused = lookalikesIn(typed);
  if (refused.length > 0) {
    throw new InvalidEmailError(
      `This email address holds characters that stand for other letters or do not show (${refused.map(codePoint).join(', ')}): type it with plain letters.`,
    );
  }
  return typed.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ').normalize('NFKC');
}
