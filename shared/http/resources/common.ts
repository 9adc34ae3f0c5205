/**
 * What the resources' schemas share: ids, timestamps, names, roles, paging, and the problem
 * document every error answer is. Not a resource of its own.
 */
import * as z from 'zod';

/** IDs are UUIDs; anything else in a path is answered 400 before any lookup. */
export const Id = z.uuid({ version: 'v4', error: 'must be a UUID' });

export const Timestamp = z.iso.datetime({ offset: false }).meta({ description: 'ISO-8601 UTC timestamp' });

/**
 * Characters that make a name read other than it is stored, refused in every name (they land in
 * email subjects and other people's screens): the bidirectional embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069), and the zero-width characters (U+200B–U+200D,
 * U+2060 word joiner, U+FEFF).
 */
const INVISIBLE_OR_BIDI = /[\u200b-\u200d\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

/** The refinement every name schema carries: no control, invisible or bidirectional-control characters. */
const visibleText = <T extends z.ZodString>(schema: T) =>
  schema
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters')
    .refine((s) => !INVISIBLE_OR_BIDI.test(s), 'must not contain zero-width or bidirectional-control characters');

/** Trimmed, non-empty, single-line human text (display, organization, workspace and provider names). */
export const Name = (max = 100) =>
  visibleText(z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

export const Description = z.string().trim().max(1000, 'must be at most 1000 characters');

export const HttpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https URL' })
  .max(2048, 'must be at most 2048 characters');

export const OrgRole = z.enum(['owner', 'admin', 'editor', 'member']).meta({ id: 'OrgRole' });
/** Roles that can be granted or changed through the API: never `owner` (ownership is transferred). */
export const AssignableOrgRole = z.enum(['admin', 'editor', 'member']).meta({ id: 'AssignableOrgRole' });
export const WorkspaceRole = z.enum(['admin', 'editor', 'viewer']).meta({ id: 'WorkspaceRole' });
export const Plan = z.enum(['trial', 'free', 'pro', 'enterprise']).meta({ id: 'Plan' });
export const WorkspaceState = z.enum(['enabled', 'disabled']).meta({ id: 'WorkspaceState' });

/** `limit` and `cursor` of every list. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int('must be an integer').min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem document' });
