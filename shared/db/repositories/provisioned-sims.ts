/**
 * Provisioned SIM cards in the table: read one by ICCID, provision a batch to an organization (one
 * transaction), the claim's item of the registration transaction, and an organization's cards for
 * its purge.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { NO_SUCH_CARD, type ProvisionedSim, type SimClaim } from '#domain/provisioned-sims.js';
import { ConflictError, NotFoundError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { byOwner, keys, type Key } from '#db/keys.js';
import { queryAll, tableName, transact, type TransactItem } from '#db/ops.js';
import { provisionedSimItem, toProvisionedSim } from '#db/records/provisioned-sims.js';
import { auditEvent } from '#db/repositories/audit.js';

export async function getProvisionedSim(iccid: string, db: Db = defaultDb): Promise<ProvisionedSim | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.provisionedSim(iccid), ConsistentRead: true }));
  return out.Item ? toProvisionedSim(out.Item) : undefined;
}

/**
 * Provisions `cards` to the organization in one transaction, all or nothing: while the organization
 * exists and is not being deleted, each card new (no item for the ICCID) or, in `replacing`, still
 * the card as read of an organization that is gone; one audit event in the organization's log.
 */
export async function provisionSims(
  orgId: string,
  cards: ProvisionedSim[],
  replacing: Map<string, ProvisionedSim>,
  actorId: string,
  now: Date,
  db: Db = defaultDb,
): Promise<void> {
  const items: TransactItem[] = [
    {
      ConditionCheck: {
        TableName: tableName(),
        Key: keys.org(orgId),
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(deletedAt)',
      },
    },
    ...cards.map((card): TransactItem => {
      const previous = replacing.get(card.iccid);
      return {
        Put: {
          TableName: tableName(),
          Item: provisionedSimItem(card),
          ...(previous
            ? { ConditionExpression: 'orgId = :org AND codeHash = :hash', ExpressionAttributeValues: { ':org': previous.orgId, ':hash': previous.codeHash } }
            : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      };
    }),
    auditEvent(orgId, { actorId, action: 'sim.provisioned', target: { type: 'organization', id: orgId }, details: { iccids: cards.map((c) => c.iccid) } }, now),
  ];
  await transact(
    items,
    (failed) =>
      failed.includes(0)
        ? new NotFoundError('No such organization.')
        : new ConflictError('A card of this batch was provisioned meanwhile; nothing was provisioned. Try again.'),
    db,
  );
}

/**
 * The claim's item of the registration transaction: the card still provisioned to the workspace's
 * organization with the code that was checked, and the claim recorded on it. Its failure answers
 * as a card that is not there does (`claimRefusal`).
 */
export function claimItem(card: ProvisionedSim, orgId: string, claim: SimClaim): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.provisionedSim(card.iccid),
      UpdateExpression: 'SET claim = :claim',
      ConditionExpression: 'orgId = :org AND codeHash = :hash',
      ExpressionAttributeValues: { ':claim': claim, ':org': orgId, ':hash': card.codeHash },
    },
  };
}

export const claimRefusal = (): NotFoundError => new NotFoundError(NO_SUCH_CARD);

/** The keys of an organization's provisioned cards (GSI1, for its purge). */
export async function provisionedSimKeysOf(orgId: string, db: Db = defaultDb): Promise<Key[]> {
  const items = await queryAll(byOwner.query(byOwner.orgPartition(orgId), byOwner.provisionedSimPrefix), db);
  return items.map((i) => keys.provisionedSim(i.iccid as string));
}
