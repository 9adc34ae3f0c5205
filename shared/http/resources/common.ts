/**
 * What the resources' schemas share: ids, timestamps, names, roles, paging, and the problem
 * document every error answer is. Not a resource of its own.
 */
import * as z from 'zod';
import { ASSIGNABLE_ORG_ROLES } from '#domain/roles.js';

/** IDs are UUIDs; anything else in a path is answered 400 before any lookup. */
export const Id = z.uuid({ version: 'v4', error: 'must be a UUID' });

export const Timestamp = z.iso.datetime({ offset: false }).meta({ description: 'ISO-8601 UTC timestamp' });

/** Control characters (C0 and DEL): no name holds them. */
const CONTROL = '\\u0000-\\u001f\\u007f';
/**
 * Characters that make a name read other than it is stored, refused in every name (they land in
 * email subjects and other people's screens): the bidirectional embeddings and overrides
 * (U+202A–U+202E) and isolates (U+2066–U+2069), and the zero-width characters (U+200B–U+200D,
 * U+2060 word joiner, U+FEFF).
 */
const INVISIBLE_OR_BIDI = '\\u200b-\\u200d\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff';

/**
 * The refinement every name schema carries: no control, invisible or bidirectional-control
 * characters. The OpenAPI document shows it as the pattern it amounts to (built from the same
 * ranges); validation keeps its two messages.
 */
const HAS_CONTROL = new RegExp(`[${CONTROL}]`);
const HAS_INVISIBLE_OR_BIDI = new RegExp(`[${INVISIBLE_OR_BIDI}]`, 'u');
const visibleText = <T extends z.ZodString>(schema: T) =>
  schema
    .refine((s) => !HAS_CONTROL.test(s), 'must not contain control characters')
    .refine((s) => !HAS_INVISIBLE_OR_BIDI.test(s), 'must not contain zero-width or bidirectional-control characters')
    .meta({ pattern: `^[^${CONTROL}${INVISIBLE_OR_BIDI}]*$`, description: 'trimmed; single-line: no control, zero-width or bidirectional-control characters' });

/** Trimmed, non-empty, single-line human text (display, organization, workspace and provider names). */
export const Name = (max = 100) =>
  visibleText(z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`));

export const Description = z.string().trim().max(1000, 'must be at most 1000 characters');

export const HttpsUrl = z
  .url({ protocol: /^https$/, error: 'must be an https URL' })
  .max(2048, 'must be at most 2048 characters');

export const OrgRole = z.enum(['owner', 'admin', 'editor', 'member']).meta({ id: 'OrgRole' });
/** Roles that can be granted or changed through the API: never `owner` (ownership is transferred). */
export const AssignableOrgRole = z.enum(ASSIGNABLE_ORG_ROLES).meta({ id: 'AssignableOrgRole' });
export const WorkspaceRole = z.enum(['admin', 'editor', 'viewer']).meta({ id: 'WorkspaceRole' });
export const Plan = z.enum(['trial', 'free', 'pro', 'enterprise']).meta({ id: 'Plan' });
export const WorkspaceState = z.enum(['enabled', 'disabled']).meta({ id: 'WorkspaceState' });

/** `limit` and `cursor` of every list. */
export const PageQuery = z.strictObject({
  limit: z.coerce.number().int('must be an integer').min(1).max(100).default(50),
  cursor: z.string().max(2048).optional(),
});

/** A page of a list; its example is a page of the item's own example. */
export const page = <T extends z.ZodType>(item: T) => {
  const example = (z.globalRegistry.get(item)?.examples as unknown[] | undefined)?.[0];
  return z
    .object({ items: z.array(item), nextCursor: z.string().nullable() })
    .meta(example === undefined ? {} : { examples: [{ items: [example], nextCursor: null }] });
};

/** The ids and instants the schemas' examples share, so that one example's references fit the others'. */
export const EXAMPLE = {
  userId: '2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
  otherUserId: '7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d',
  orgId: '5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70',
  otherOrgId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
  workspaceId: '0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c',
  otherWorkspaceId: '3c5e7a9b-1d2f-4b4c-8d6e-0f2a4c6e8a0b',
  deviceId: 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
  invitationId: 'e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8',
  iccid: '89882280000000000006',
  at: '2026-03-02T09:30:00.000Z',
  later: '2026-03-16T09:30:00.000Z',
} as const;

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

/**
 * What API Gateway answers itself in AWS before any function runs (no or a refused token, stage
 * throttling, a body past its 10 MB, an unknown route, a function that failed): its own body, as
 * `application/json`.
 */
export const GatewayMessage = z
  .object({ message: z.string() })
  .meta({ id: 'GatewayMessage', description: "API Gateway's own answer (in AWS), not a problem document", examples: [{ message: 'Unauthorized' }] });
