import { PreconditionFailedError } from '#kernel/errors.js';

/** Strong ETag from an item's version counter. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version an `If-Match` header requires, `undefined` when the header is absent or `*`.
 * A header that names no version of ours can never match: 412. `If-Match` uses the strong
 * comparison (RFC 9110 §13.1.1): a weak tag (`W/"3"`) never matches, so it is 412 too.
 */
export function requiredVersion(ifMatch: string | undefined): number | undefined {
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const match = /^\s*"(\d{1,15})"\s*$/.exec(ifMatch);
  if (!match?.[1]) throw new PreconditionFailedError('If-Match must be an ETag returned by this API.');
  return Number(match[1]);
}
