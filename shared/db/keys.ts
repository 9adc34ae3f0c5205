/**
 * The keys of the table, in one table of key shapes: every PK/SK and index value a record module
 * (`#db/records/*`), a repository, the purge or the write guard uses is built here. Handlers and
 * services never see PK/SK (a few services still name `keys.*` to batch a read with
 * authorization; see docs/changes.md).
 */
import { TABLE } from '#db/table.js';
import { normalizeEmail } from '#domain/email.js';
import { claimedName } from '#domain/identity-providers.js';

export interface Key {
  PK: string;
  SK: string;
}

const GSI1 = TABLE.indexes.byOwner;
const GSI2 = TABLE.indexes.trials;

export const keys = {
  user: (userId: string): Key => ({ PK: `USER#${userId}`, SK: 'PROFILE' }),
  /** Email uniqueness guard, in the one comparison form (shared/domain/email.ts). */
  email: (email: string): Key => ({ PK: `EMAIL#${normalizeEmail(email)}`, SK: 'EMAIL' }),
  org: (orgId: string): Key => ({ PK: `ORG#${orgId}`, SK: 'META' }),
  orgMember: (orgId: string, userId: string): Key => ({ PK: `ORG#${orgId}`, SK: `MEMBER#${userId}` }),
  workspace: (workspaceId: string): Key => ({ PK: `WS#${workspaceId}`, SK: 'META' }),
  workspaceMember: (workspaceId: string, userId: string): Key => ({ PK: `WS#${workspaceId}`, SK: `MEMBER#${userId}` }),
  invitation: (orgId: string, invitationId: string): Key => ({ PK: `ORG#${orgId}`, SK: `INVITE#${invitationId}` }),
  /** Lookup of a live invitation link by the SHA-256 of its token. */
  invitationToken: (tokenHash: string): Key => ({ PK: `INVTOKEN#${tokenHash}`, SK: 'INVTOKEN' }),
  /**
   * Who holds an email address in an organization: a member or a pending invitation. One
   * guard per (org, email) makes "already a member" and "already invited" one conditional write.
   */
  orgEmail: (orgId: string, email: string): Key => ({ PK: `ORG#${orgId}`, SK: `EMAIL#${normalizeEmail(email)}` }),
  /** One rate counter (shared/domain/limits.ts): a limit's count for one subject in one window. */
  rate: (limit: string, subject: string, window: string): Key => ({ PK: `RATE#${limit}#${subject}`, SK: window }),
  /** A deleted workspace's purge marker (its META item is already gone). */
  workspacePurge: (workspaceId: string): Key => ({ PK: `PURGE#WS#${workspaceId}`, SK: 'PURGE' }),
  /** The trial sweep's own state (its watermark). */
  sweepState: (): Key => ({ PK: 'SWEEP', SK: 'STATE' }),
  /** A device of a workspace; `simIccid` names the SIM attached to it. */
  device: (workspaceId: string, deviceId: string): Key => ({ PK: `WS#${workspaceId}`, SK: `DEVICE#${deviceId}` }),
  /** A SIM held by a workspace: it lives in exactly one workspace's partition. */
  sim: (workspaceId: string, iccid: string): Key => ({ PK: `WS#${workspaceId}`, SK: `SIM#${iccid}` }),
  /**
   * Where an ICCID lives, platform-wide: created with the SIM, moved by transfers (conditioned
   * on the source, so of parallel transfers one wins), with the history usage is attributed by.
   */
  simLocator: (iccid: string): Key => ({ PK: `SIM#${iccid}`, SK: 'LOCATION' }),
  /**
   * A SIM card the platform provisioned to an organization (its activation code hashed), beside
   * the locator: keyed by ICCID, so a card is provisioned to at most one organization.
   */
  provisionedSim: (iccid: string): Key => ({ PK: `SIM#${iccid}`, SK: 'PROVISIONED' }),
  /** One usage record, in the partition of the workspace that held the SIM at `at`, sorted by time. */
  usage: (workspaceId: string, at: string, iccid: string, id: string): Key => ({ PK: `WS#${workspaceId}`, SK: `USAGE#${at}#${iccid}#${id}` }),
  /**
   * Device-name guard: names unique within a workspace, case-insensitively. It carries the
   * device id and key hash, so ingest finds a device by name in the same BatchGet as the rest.
   */
  deviceName: (workspaceId: string, name: string): Key => ({ PK: `WS#${workspaceId}`, SK: `DEVICENAME#${name.toLowerCase()}` }),
  /** A stream of a workspace; the key itself keeps names unique. */
  stream: (workspaceId: string, name: string): Key => ({ PK: `WS#${workspaceId}`, SK: `STREAM#${name}` }),
  /** A per-device grant: user first, so one Query lists a user's grants in a workspace. */
  deviceGrant: (workspaceId: string, userId: string, deviceId: string): Key => ({ PK: `WS#${workspaceId}`, SK: `GRANT#${userId}#${deviceId}` }),
  /** An event of an organization's audit log, sorted by time. */
  auditEvent: (orgId: string, at: string, id: string): Key => ({ PK: `ORG#${orgId}`, SK: `AUDIT#${at}#${id}` }),
  /** An organization's own identity provider (SAML or OIDC), by its name as registered. */
  identityProvider: (orgId: string, name: string): Key => ({ PK: `ORG#${orgId}`, SK: `IDP#${name}` }),
  /**
   * Provider-name claim, deployment-wide (Cognito names are global to the user pool), compared
   * case-insensitively: written in the same transaction as the organization's provider item.
   */
  identityProviderName: (name: string): Key => ({ PK: `IDPNAME#${claimedName(name)}`, SK: 'IDPNAME' }),
  /**
   * The receipt of a billing event, deployment-wide by the provider's event id: written in the
   * transaction that applies the event, on condition that it does not exist (a repeat changes nothing).
   */
  billingEvent: (eventId: string): Key => ({ PK: `BILLINGEVENT#${eventId}`, SK: 'BILLINGEVENT' }),
  /** An organization's webhook endpoint. */
  webhook: (orgId: string, webhookId: string): Key => ({ PK: `ORG#${orgId}`, SK: `WEBHOOK#${webhookId}` }),
  /** One event's delivery to one endpoint, by the event's id (the delivery's `webhook-id`). */
  delivery: (orgId: string, webhookId: string, eventId: string): Key => ({ PK: `ORG#${orgId}`, SK: `DELIVERY#${webhookId}#${eventId}` }),
  /** The short lease that serializes read-modify-writes of the portal client's provider list. */
  portalClientLease: (): Key => ({ PK: 'LEASE#PORTALCLIENT', SK: 'LEASE' }),
} as const;

/** Partitions and prefixes for Queries. */
export const partitions = {
  org: (orgId: string) => `ORG#${orgId}`,
  workspace: (workspaceId: string) => `WS#${workspaceId}`,
  user: (userId: string) => `USER#${userId}`,
  memberPrefix: 'MEMBER#',
  invitationPrefix: 'INVITE#',
  simPrefix: 'SIM#',
  devicePrefix: 'DEVICE#',
  streamPrefix: 'STREAM#',
  grantPrefix: 'GRANT#',
  auditPrefix: 'AUDIT#',
  /** The audit log's key range from an instant on (the events at it included), to its end. */
  auditFrom: (at: string) => `AUDIT#${at}`,
  auditTo: 'AUDIT#\uffff',
  /** An organization's webhook endpoints. */
  webhookPrefix: 'WEBHOOK#',
  /** An organization's deliveries to one endpoint, or to all of them. */
  deliveryPrefix: (webhookId?: string) => (webhookId === undefined ? 'DELIVERY#' : `DELIVERY#${webhookId}#`),
  /** An organization's identity providers (sorts before `INVITE#`, outside the member directory's range). */
  identityProviderPrefix: 'IDP#',
  /** One user's grants in a workspace's partition. */
  userGrantPrefix: (userId: string) => `GRANT#${userId}#`,
  /** Usage records in a workspace's partition between two instants (ISO strings sort by time). */
  usageAt: (at: string) => `USAGE#${at}`,
  /**
   * The member directory's key range in an org partition: pending invitations (`INVITE#…`)
   * then members (`MEMBER#…`); nothing else sorts between them.
   */
  directoryFrom: 'INVITE#',
  directoryTo: 'MEMBER#\uffff',
} as const;

/** GSI1 attributes: the user's side of a membership, and an organization's workspaces. */
export const byOwner = {
  index: GSI1.name,
  pk: GSI1.partitionKey,
  sk: GSI1.sortKey,
  orgMembership: (userId: string, orgId: string) => ({ [GSI1.partitionKey]: `USER#${userId}`, [GSI1.sortKey]: `ORG#${orgId}` }),
  workspaceMembership: (userId: string, workspaceId: string) => ({
    [GSI1.partitionKey]: `USER#${userId}`,
    [GSI1.sortKey]: `WS#${workspaceId}`,
  }),
  orgWorkspace: (orgId: string, workspaceId: string) => ({ [GSI1.partitionKey]: `ORG#${orgId}`, [GSI1.sortKey]: `WS#${workspaceId}` }),
  /**
   * On a profile: whose default workspace this is, so a change of the workspace's SSO setting
   * can find (Query) the profiles that carry a copy of it.
   */
  defaultWorkspace: (workspaceId: string, userId: string) => ({
    [GSI1.partitionKey]: `DEFAULTWS#${workspaceId}`,
    [GSI1.sortKey]: `USER#${userId}`,
  }),
  defaultWorkspacePartition: (workspaceId: string) => `DEFAULTWS#${workspaceId}`,
  userPartition: (userId: string) => `USER#${userId}`,
  /** The Query of one GSI1 partition's items under a prefix (a user's workspaces, an org's workspaces). */
  query: (partition: string, prefix: string) => ({
    IndexName: GSI1.name,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: { '#pk': GSI1.partitionKey, '#sk': GSI1.sortKey },
    ExpressionAttributeValues: { ':pk': partition, ':prefix': prefix },
  }),
  /** On a provisioned SIM: the organization's cards, so its purge can find them. */
  orgProvisionedSim: (orgId: string, iccid: string) => ({ [GSI1.partitionKey]: `ORG#${orgId}`, [GSI1.sortKey]: `PROVSIM#${iccid}` }),
  orgPartition: (orgId: string) => `ORG#${orgId}`,
  orgPrefix: 'ORG#',
  workspacePrefix: 'WS#',
  provisionedSimPrefix: 'PROVSIM#',
} as const;

/** GSI1 entries of deliveries: one endpoint's, newest event first, in a partition named by its organization too. */
export const byWebhook = {
  index: GSI1.name,
  pk: GSI1.partitionKey,
  sk: GSI1.sortKey,
  entry: (orgId: string, webhookId: string, eventAt: string, eventId: string) => ({ [GSI1.partitionKey]: `DELIVERIES#${orgId}#${webhookId}`, [GSI1.sortKey]: `${eventAt}#${eventId}` }),
  partition: (orgId: string, webhookId: string) => `DELIVERIES#${orgId}#${webhookId}`,
} as const;

/** How many partitions the due deliveries spread over (each delivery's by its id), so no one partition runs hot. */
export const DUE_SHARDS = 4;

/**
 * GSI2 entries of deliveries the schedule still has to try (sparse: only while `pending`), sorted
 * by when, so the retry job reads exactly what is due with one Query per shard.
 */
export const dueDeliveries = {
  index: GSI2.name,
  pk: GSI2.partitionKey,
  sk: GSI2.sortKey,
  entry: (shard: number, nextAttemptAt: string, orgId: string, webhookId: string, eventId: string) => ({
    [GSI2.partitionKey]: `WEBHOOKDUE#${shard}`,
    [GSI2.sortKey]: `${nextAttemptAt}#${orgId}#${webhookId}#${eventId}`,
  }),
  partition: (shard: number) => `WEBHOOKDUE#${shard}`,
  /** Everything due at `at` sorts at or below this. */
  until: (at: string) => `${at}#\uffff`,
} as const;

/** GSI2, the sparse trial index, sharded by the day the trial ends. */
export const trials = {
  index: GSI2.name,
  pk: GSI2.partitionKey,
  sk: GSI2.sortKey,
  entry: (orgId: string, trialEndsAt: string) => ({
    [GSI2.partitionKey]: `TRIAL#${trialEndsAt.slice(0, 10)}`,
    [GSI2.sortKey]: `${trialEndsAt}#${orgId}`,
  }),
  day: (isoDay: string) => `TRIAL#${isoDay}`,
  /**
   * Deleted organizations whose purge has not finished share one partition of the same sparse
   * index, so the sweep can find and finish an interrupted purge without a Scan.
   */
  purgeEntry: (kind: 'ORG' | 'WS', id: string) => ({ [GSI2.partitionKey]: 'PURGE', [GSI2.sortKey]: `${kind}#${id}` }),
  purgePartition: 'PURGE',
} as const;
