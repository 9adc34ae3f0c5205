/**
 * Edits of versioned records (organizations, workspaces, profiles, devices, SIMs): the partial
 * update that bumps `version`, and the one edit pinned to the version read (`If-Match`).
 */
import type { Db } from '#db/client.js';
import type { Key } from '#db/keys.js';
import { StaleRead, tableName, transact, type Cancellation, type TransactItem } from '#db/ops.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '#kernel/errors.js';

/**
 * `SET a = :a, ... , version = version + 1 REMOVE b` for a partial update of a versioned
 * item; a `null` value removes the attribute, `undefined` leaves it alone.
 */
export function versionedUpdate(changes: Record<string, unknown>): {
  UpdateExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues: Record<string, unknown>;
} {
  const sets = ['#version = #version + :one'];
  const removes: string[] = [];
  const names: Record<string, string> = { '#version': 'version' };
  const values: Record<string, unknown> = { ':one': 1 };
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    names[`#${field}`] = field;
    if (value === null) removes.push(`#${field}`);
    else {
      sets.push(`#${field} = :${field}`);
      values[`:${field}`] = value;
    }
  }
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/**
 * The one `If-Match` rule (the header already parsed by the request wrapper): a version other than
 * the one read is 412, nothing written. Absent, anything goes.
 */
export function assertIfMatch(ifMatch: number | undefined, read: { version: number }): void {
  if (ifMatch !== undefined && ifMatch !== read.version) throw new PreconditionFailedError();
}

/**
 * Edits a versioned record in a transaction pinned to the version that was read (plus the
 * items `also` adds, e.g. its audit event). An `If-Match` version other than the current one
 * is 412 at once; without `If-Match`, a concurrent edit makes it re-read and apply again.
 * Returns the record as written.
 */
export async function updateVersioned<T extends { version: number }>(options: {
  current: T;
  key: Key;
  changes: Record<string, unknown>;
  ifMatch?: number;
  /** Extra condition on the item, e.g. `attribute_not_exists(deletedAt)`. */
  condition?: string;
  reload: () => Promise<T | undefined>;
  /** The other items of the transaction, for the record as it will be (`next`) and as read (`current`). */
  also: (next: T, current: T) => TransactItem[];
  /**
   * Why the transaction was refused when an `also` item failed (`failed` counts within `also`):
   * an error to answer, `'retry'` to read again, undefined for a concurrent change (409).
   */
  refusal?: (failed: number[], cancellation: Cancellation) => Error | 'retry' | undefined;
  /** What the record is called in answers ("No such device.", "The device kept changing"). */
  noun?: string;
  db?: Db;
}): Promise<T> {
  let current: T | undefined = options.current;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!current) throw new NotFoundError(options.noun ? `No such ${options.noun}.` : undefined);
    assertIfMatch(options.ifMatch, current);
    const update = versionedUpdate(options.changes);
    const next = { ...current, version: current.version + 1 } as T;
    for (const [field, value] of Object.entries(options.changes)) if (value !== undefined) (next as Record<string, unknown>)[field] = value;
    try {
      await transact(
        [
          {
            Update: {
              TableName: tableName(),
              Key: options.key,
              ...update,
              ConditionExpression: ['attribute_exists(PK)', '#version = :read', options.condition].filter(Boolean).join(' AND '),
              ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':read': current.version },
            },
          },
          ...options.also(next, current),
        ],
        (failed, cancellation) => {
          if (failed.includes(0)) return new StaleRead();
          const refusal = options.refusal?.(failed.map((i) => i - 1), cancellation);
          if (refusal === 'retry') return new StaleRead();
          return refusal ?? new ConflictError('A concurrent change got in the way; try again.');
        },
        options.db,
      );
      return next;
    } catch (error) {
      if (!(error instanceof StaleRead)) throw error;
      current = await options.reload();
    }
  }
  throw new ConflictError(`The ${options.noun ?? 'resource'} kept changing; reload and try again.`);
}
