import { createHmac, timingSafeEqual } from 'node:crypto';
import { config } from '#kernel/config.js';
import { BadRequestError } from '#kernel/errors.js';

/**
 * Opaque, tamper-checked list cursors: the position, base64url-encoded, plus an HMAC over
 * the position and the list's scope (caller + list + filters). A cursor edited, forged, or
 * taken from another list or caller fails the check and answers 400.
 */
function sign(scope: string, payload: string): string {
  return createHmac('sha256', config().cursorSecret).update(scope).update('\n').update(payload).digest('base64url');
}

export function encodeCursor(scope: string, position: Record<string, unknown>): string {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${payload}.${sign(scope, payload)}`;
}

export function decodeCursor<T extends Record<string, unknown>>(scope: string, cursor: string | undefined): T | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () => new BadRequestError('The cursor is not valid for this list.', [{ path: 'cursor', message: 'is not valid for this list' }]);
  const [payload, mac, extra] = cursor.split('.');
  if (!payload || !mac || extra !== undefined) throw invalid();
  const expected = Buffer.from(sign(scope, payload));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
  try {
    const position: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (position === null || typeof position !== 'object' || Array.isArray(position)) throw invalid();
    return position as T;
  } catch {
    throw invalid();
  }
}
