/**
 * The change feed's event source, defined once: the table's stream view, and what Lambda's event
 * source mapping hands the publisher (its filter and batch size). The CDK mapping
 * (infra/constructs/integrations.ts) and the local stack's poller (infra/local/streams.ts) both
 * read it, so the two cannot hand the publisher different records. No CDK import: the local
 * stack loads it too.
 */
export const FEED_SOURCE = {
  /** The new item is all the publisher needs: an audit event is only ever inserted. */
  streamView: 'NEW_IMAGE',
  batchSize: 25,
  /** An EventBridge-style pattern (Lambda's filter syntax): INSERT of an item whose `type` is AuditEvent. */
  filter: { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['AuditEvent'] } } } },
} as const;

type Pattern = { readonly [key: string]: Pattern | readonly string[] };

/**
 * Whether `record` passes a filter pattern made, as FEED_SOURCE's is, of equality lists only (a
 * value must be one of the list's; every named field must be there).
 */
export function matchesPattern(record: unknown, pattern: Pattern): boolean {
  if (record === null || typeof record !== 'object') return false;
  return Object.entries(pattern).every(([key, wanted]) => {
    const value = (record as Record<string, unknown>)[key];
    return Array.isArray(wanted) ? (wanted as readonly unknown[]).includes(value) : matchesPattern(value, wanted as Pattern);
  });
}
