/**
 * One declaration per record kind, in the spirit of an ElectroDB entity but hand-built: the
 * item's `type`, its key (built by `#db/keys.ts`, the one table of key shapes), its attributes —
 * required, defaulted (the domain module's defaults, which its factory starts from too), optional,
 * computed — and what else the item carries (index entries, search text). From the declaration
 * come `item(record)` and `from(item)`; the compiler refuses a declaration that leaves out an
 * attribute of the record.
 */
import type { Key } from '#db/keys.js';
import type { Item } from '#db/ops.js';

type Attribute<R> = Extract<keyof R, string>;

export interface RecordDeclaration<R, Required extends Attribute<R>, Defaults extends Partial<R>, Optional extends Attribute<R>, Computed extends Attribute<R>> {
  /** The item's `type` attribute. */
  type: string;
  key: (record: R) => Key;
  /** Attributes every item of the kind holds. */
  required: readonly Required[];
  /** The domain's defaults: what an attribute an older item lacks reads as (a fresh object each call). */
  defaults?: () => Defaults;
  /** Attributes that are there or not (copied when present). */
  optional?: readonly Optional[];
  /** Attributes the item keeps in another form: `read` derives them; never written as they are. */
  computed?: readonly Computed[];
  read?: (item: Item) => Partial<Pick<R, Computed>>;
  /** More attributes of the item, derived from the record (index entries, search text); never read back. */
  derived?: (record: R) => Item;
  /** Leave null attributes out of the item (absent, so that a condition can say `attribute_not_exists`). */
  omitNull?: boolean;
}

/** The attributes of `R` a declaration does not name, as a property the compiler then asks for. */
type Complete<R, Named> = [Exclude<Attribute<R>, Named>] extends [never] ? unknown : { unlisted: Exclude<Attribute<R>, Named> };

export interface RecordKind<R> {
  type: string;
  /** The item that stores `record`: key, type, attributes, derived attributes. */
  item: (record: R) => Item;
  /** The record an item holds, with the defaults for attributes an older item lacks. */
  from: (item: Item) => R;
}

/** `recordKind<Organization>()({ … })`: the record type first, the rest inferred from the declaration. */
export function recordKind<R extends object>() {
  return <Required extends Attribute<R>, Defaults extends Partial<R> = Record<never, never>, Optional extends Attribute<R> = never, Computed extends Attribute<R> = never>(
    declaration: RecordDeclaration<R, Required, Defaults, Optional, Computed> &
      Complete<R, Required | Extract<keyof Defaults, string> | Optional | Computed>,
  ): RecordKind<R> => {
    const { required, defaults = () => ({}), optional = [], computed = [], read, derived, omitNull = false } = declaration;
    const skipped = new Set<string>(computed);
    const stored = (record: R): Item =>
      Object.fromEntries(
        Object.entries(record).filter(([name, value]) => !skipped.has(name) && value !== undefined && !(omitNull && value === null)),
      );
    return {
      type: declaration.type,
      item: (record) => ({ ...declaration.key(record), type: declaration.type, ...stored(record), ...derived?.(record) }),
      from: (item) => {
        const record: Item = {};
        for (const name of required) record[name] = item[name];
        for (const [name, fallback] of Object.entries(defaults())) record[name] = item[name] === undefined ? fallback : item[name];
        for (const name of optional) if (item[name] !== undefined) record[name] = item[name];
        return { ...record, ...read?.(item) } as R;
      },
    };
  };
}
