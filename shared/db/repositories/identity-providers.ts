/**
 * An organization's identity providers: the provider item in the org's partition and the
 * deployment-wide claim of its name (Cognito names are global to the user pool), always written
 * and removed together. A provider is `pending` from the claim until it is on the portal client.
 */
import { db as defaultDb, type Db } from '#db/client.js';
import { keys, partitions, type Key } from '#db/keys.js';
import { acquireLease, transactReleasing, type Lease } from '#db/lease.js';
import { batchGet, queryPrefixPage, tableName, transact, transactIfNeeded, type TransactItem } from '#db/ops.js';
import { auditEvent } from '#db/repositories/audit.js';
import type { IdentityProvider } from '#domain/identity-providers.js';
import { identityProviderItem, toIdentityProvider } from '#db/records/identity-providers.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';

/** One provider of the organization, by name (strongly consistent). */
export async function getIdentityProvider(orgId: string, name: string, db: Db = defaultDb): Promise<IdentityProvider | undefined> {
  const [item] = await batchGet([keys.identityProvider(orgId, name)], { consistent: true }, db);
  return item ? toIdentityProvider(item) : undefined;
}

/** The lease on the portal client's provider list (503 `unavailable` when it stays taken). */
export function acquirePortalClientLease(db: Db = defaultDb): Promise<Lease> {
  return acquireLease(keys.portalClientLease(), { what: "the portal client's identity providers" }, db);
}

/** Only the org may free its own claim. */
const claimIsOrgs = (orgId: string) => ({
  ConditionExpression: 'attribute_not_exists(PK) OR orgId = :org',
  ExpressionAttributeValues: { ':org': orgId },
});

/**
 * Claims the provider's name deployment-wide and records it as `pending`, in one transaction:
 * 409 `conflict` when anyone (this organization included) holds the name, without saying who.
 */
export async function claimIdentityProvider(provider: IdentityProvider, db: Db = defaultDb): Promise<void> {
  await transact(
    [
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.identityProviderName(provider.name), type: 'IdentityProviderName', orgId: provider.orgId, name: provider.name, status: 'pending', createdAt: provider.createdAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      { Put: { TableName: tableName(), Item: identityProviderItem(provider), ConditionExpression: 'attribute_not_exists(PK)' } },
    ],
    () => new ConflictError(`The identity provider name "${provider.name}" is taken: choose another.`),
    db,
  );
}

/** Frees a claim whose provider never made it (a failed create): both items, only if still this org's. */
export async function releaseIdentityProvider(orgId: string, name: string, db: Db = defaultDb): Promise<void> {
  await transactIfNeeded(
    [
      { Delete: { TableName: tableName(), Key: keys.identityProviderName(name), ...claimIsOrgs(orgId) } },
      { Delete: { TableName: tableName(), Key: keys.identityProvider(orgId, name) } },
    ],
    db,
  );
}

/**
 * Marks the provider `active` once it is on the portal client, with its audit event, giving the
 * portal client's lease back in the same transaction. 409 when a concurrent delete removed it.
 */
export async function activateIdentityProvider(provider: IdentityProvider, lease: Lease, db: Db = defaultDb): Promise<IdentityProvider> {
  const active: IdentityProvider = { ...provider, status: 'active' };
  const setActive = (key: Key): TransactItem => ({
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET #status = :active',
      ConditionExpression: 'attribute_exists(PK) AND orgId = :org',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: { ':active': 'active', ':org': provider.orgId },
    },
  });
  await transactReleasing(
    [
      setActive(keys.identityProvider(provider.orgId, provider.name)),
      setActive(keys.identityProviderName(provider.name)),
      auditEvent(provider.orgId, {
        actorId: provider.createdBy,
        action: 'identity_provider.created',
        target: { type: 'identity_provider', id: provider.name },
        details: { type: provider.type },
      }),
    ],
    lease,
    () => new ConflictError(`The identity provider "${provider.name}" was removed while it was being added.`),
    db,
  );
  return active;
}

/**
 * Removes the provider item and its name claim with the audit event, giving the portal client's
 * lease back in the same transaction. 404 when it is already gone (a concurrent delete).
 */
export async function deleteIdentityProviderItems(provider: IdentityProvider, actorId: string, lease: Lease, db: Db = defaultDb): Promise<void> {
  await transactReleasing(
    [
      { Delete: { TableName: tableName(), Key: keys.identityProvider(provider.orgId, provider.name), ConditionExpression: 'attribute_exists(PK)' } },
      { Delete: { TableName: tableName(), Key: keys.identityProviderName(provider.name), ...claimIsOrgs(provider.orgId) } },
      auditEvent(provider.orgId, {
        actorId,
        action: 'identity_provider.deleted',
        target: { type: 'identity_provider', id: provider.name },
        details: { type: provider.type },
      }),
    ],
    lease,
    () => new NotFoundError('No such identity provider.'),
    db,
  );
}

/** One page of an organization's identity providers, by name. */
export async function listIdentityProvidersPage(
  orgId: string,
  page: { limit: number; startKey?: Record<string, unknown> },
  db: Db = defaultDb,
): Promise<{ providers: IdentityProvider[]; lastKey?: Record<string, unknown> }> {
  const { items, lastKey } = await queryPrefixPage(partitions.org(orgId), partitions.identityProviderPrefix, page, {}, db);
  return { providers: items.map(toIdentityProvider), lastKey };
}
