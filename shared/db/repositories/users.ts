/** Users: profiles, the email guard, and a user's view of their memberships. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgMembership, Organization, UserProfile, Workspace } from '../../domain/model.js';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { db as defaultDb, type Db } from '../client.js';
import { byOwner, keys } from '../keys.js';
import { queryAll, tableName, transact, versionedUpdate, type TransactItem } from '../ops.js';
import { membershipItem, orgItem, profileItem, toProfile, toWorkspaceMembership, workspaceItem } from './records.js';
import type { WorkspaceMembership } from '../../domain/model.js';
import { auditEvent } from './audit.js';
import { memberEmailGuard } from './members.js';

export async function getProfile(userId: string, db: Db = defaultDb): Promise<UserProfile | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.user(userId), ConsistentRead: true }));
  return out.Item ? toProfile(out.Item) : undefined;
}

/** The puts that create a profile and claim its email, failing if either exists. */
export function newProfileItems(profile: UserProfile): TransactItem[] {
  return [
    { Put: { TableName: tableName(), Item: profileItem(profile), ConditionExpression: 'attribute_not_exists(PK)' } },
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.email(profile.email), type: 'EmailGuard', userId: profile.id },
        ConditionExpression: 'attribute_not_exists(PK)',
      },
    },
  ];
}

/**
 * Sign-up in one transaction: profile, email guard, organization, owner membership and the
 * first workspace. Answers which guard stopped it when it fails.
 */
export async function createSignup(
  input: { profile: UserProfile; org: Organization; owner: OrgMembership; workspace: Workspace },
  db: Db = defaultDb,
): Promise<void> {
  await transact(
    [
      ...newProfileItems(input.profile),
      { Put: { TableName: tableName(), Item: orgItem(input.org), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: tableName(), Item: membershipItem(input.owner), ConditionExpression: 'attribute_not_exists(PK)' } },
      memberEmailGuard(input.org.id, input.owner.email, input.owner.userId),
      { Put: { TableName: tableName(), Item: workspaceItem(input.workspace), ConditionExpression: 'attribute_not_exists(PK)' } },
      auditEvent(input.org.id, { actorId: input.profile.id, action: 'organization.created', target: { type: 'organization', id: input.org.id } }),
    ],
    (failed) =>
      failed.includes(0)
        ? new ConflictError('You have already signed up.', 'already_signed_up')
        : failed.includes(1)
          ? new ConflictError('Another account already uses this email address.')
          : new ConflictError('Sign-up collided with another request; try again.'),
    db,
  );
}

/** Changes name fields or the default workspace; bumps the version. */
export async function updateProfile(
  userId: string,
  changes: Partial<Pick<UserProfile, 'givenName' | 'familyName' | 'defaultWorkspaceId'>>,
  db: Db = defaultDb,
): Promise<UserProfile> {
  try {
    const out = await db.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        ...versionedUpdate(changes),
        ConditionExpression: 'attribute_exists(PK)',
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toProfile(out.Attributes ?? {});
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new NotFoundError('You have not signed up yet.');
    throw error;
  }
}

/** The user's explicit workspace memberships (GSI1, the user's side). */
export async function listWorkspaceMemberships(userId: string, db: Db = defaultDb): Promise<WorkspaceMembership[]> {
  const items = await queryAll(
    {
      IndexName: byOwner.index,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :ws)',
      ExpressionAttributeNames: { '#pk': byOwner.pk, '#sk': byOwner.sk },
      ExpressionAttributeValues: { ':pk': byOwner.userPartition(userId), ':ws': byOwner.workspacePrefix },
    },
    db,
  );
  return items.map(toWorkspaceMembership);
}
