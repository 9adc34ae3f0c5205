/**
 * The one definition of the Tenancy table: key attributes, indexes, TTL.
 * Read by the CDK stack (infra/constructs/data.ts) and by the local stack
 * (infra/local/dynamodb.ts), so AWS and this machine can never disagree on the shape.
 */
export const TABLE = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Items with this attribute (epoch seconds) are removed by DynamoDB TTL. */
  ttlAttribute: 'ttl',
  indexes: {
    /** Inverted memberships (USER#u → ORG#o / WS#w), an org's workspaces (ORG#o → WS#w), an endpoint's deliveries (DELIVERIES#o#h → <eventAt>#<eventId>). */
    byOwner: { name: 'GSI1', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /**
     * Sparse index of work due at a time: organizations still on trial (TRIAL#<day> → <trialEndsAt>#<orgId>),
     * unfinished purges (PURGE), webhook deliveries still to try (WEBHOOKDUE#<shard> → <nextAttemptAt>#…).
     */
    trials: { name: 'GSI2', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
  },
} as const;

export type IndexName = (typeof TABLE.indexes)[keyof typeof TABLE.indexes]['name'];

/** Every key attribute is a string. */
export const KEY_ATTRIBUTES: string[] = [
  TABLE.partitionKey,
  TABLE.sortKey,
  ...Object.values(TABLE.indexes).flatMap((i) => [i.partitionKey, i.sortKey]),
];
