/** Users: profiles, the email guard, and a user's view of their memberships. */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { OrgRole } from '#domain/roles.js';
import type { OrgMembership } from '#domain/members.js';
import type { Organization } from '#domain/organizations.js';
import type { UserProfile } from '#domain/users.js';
import type { WorkspaceMembership } from '#domain/workspace-members.js';
import type { Workspace } from '#domain/workspaces.js';
import { ConflictError, NotFoundError, PreconditionFailedError } from '#kernel/errors.js';
import { db as defaultDb, type Db } from '#db/client.js';
import { byOwner, keys } from '#db/keys.js';
import { queryAll, StaleRead, tableName, transact, type TransactItem, updateIfPresent } from '#db/ops.js';
import { versionedUpdate } from '#db/versioned.js';
import { membershipItem } from '#db/records/members.js';
import { orgItem } from '#db/records/organizations.js';
import { emailGuardItem, profileItem, toProfile } from '#db/records/users.js';
import { toWorkspaceMembership } from '#db/records/workspace-members.js';
import { workspaceItem } from '#db/records/workspaces.js';
import { charges } from '#db/rate-limits.js';
import { orgCreationLimits } from '#domain/limits.js';
import { auditEvent } from '#db/repositories/audit.js';
import { memberEmailGuard } from '#db/repositories/members.js';

export async function getProfile(userId: string, db: Db = defaultDb): Promise<UserProfile | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName(), Key: keys.user(userId), ConsistentRead: true }));
  return out.Item ? toProfile(out.Item) : undefined;
}

/** The puts that create a profile and claim its email, failing if either exists. */
export function newProfileItems(profile: UserProfile): TransactItem[] {
  return [
    { Put: { TableName: tableName(), Item: profileItem(profile), ConditionExpression: 'attribute_not_exists(PK)' } },
    { Put: { TableName: tableName(), Item: emailGuardItem(profile), ConditionExpression: 'attribute_not_exists(PK)' } },
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
  // The first organization counts against its creator's allowances like every later one.
  const allowance = charges(orgCreationLimits(false).map((limit) => ({ limit, subject: input.profile.id })), new Date(input.org.createdAt));
  await transact(
    [
      ...newProfileItems(input.profile),
      { Put: { TableName: tableName(), Item: orgItem(input.org), ConditionExpression: 'attribute_not_exists(PK)' } },
      { Put: { TableName: tableName(), Item: membershipItem(input.owner), ConditionExpression: 'attribute_not_exists(PK)' } },
      memberEmailGuard(input.org.id, input.owner.email, input.owner.userId),
      { Put: { TableName: tableName(), Item: workspaceItem(input.workspace), ConditionExpression: 'attribute_not_exists(PK)' } },
      auditEvent(input.org.id, {
        actorId: input.profile.id,
        action: 'organization.created',
        target: { type: 'organization', id: input.org.id },
      }),
      ...allowance.items,
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
  options: { ifVersion?: number } = {},
  db: Db = defaultDb,
): Promise<UserProfile> {
  const update = versionedUpdate(changes);
  const pinned = options.ifVersion !== undefined;
  try {
    const out = await db.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        ...update,
        ConditionExpression: pinned ? 'attribute_exists(PK) AND #version = :ifVersion' : 'attribute_exists(PK)',
        ...(pinned ? { ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':ifVersion': options.ifVersion } } : {}),
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return toProfile(out.Attributes ?? {});
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    // The profile there but at another version: If-Match no longer holds.
    if ((error as { Item?: unknown }).Item) throw new PreconditionFailedError();
    throw new NotFoundError('You have not signed up yet.');
  }
}

/**
 * The user's side of GSI1 in one Query: their organizations with their role in each (`ORG#…`)
 * and their explicit workspace roles (`WS#…`). Eventually consistent, like every GSI read: the
 * profile's `orgRoles` is the word on organizations.
 */
export async function listMemberships(
  userId: string,
  db: Db = defaultDb,
): Promise<{ orgRoles: Record<string, OrgRole>; workspaces: WorkspaceMembership[] }> {
  const items = await queryAll(
    {
      IndexName: byOwner.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byOwner.pk },
      ExpressionAttributeValues: { ':pk': byOwner.userPartition(userId) },
    },
    db,
  );
  const sortKey = (item: Record<string, unknown>) => String(item[byOwner.sk]);
  return {
    orgRoles: Object.fromEntries(
      items.filter((item) => sortKey(item).startsWith(byOwner.orgPrefix)).map((item) => [item.orgId as string, item.role as OrgRole]),
    ),
    workspaces: items.filter((item) => sortKey(item).startsWith(byOwner.workspacePrefix)).map(toWorkspaceMembership),
  };
}

/**
 * Makes `workspace` the user's default: the id, a copy of its SSO requirement, and the GSI1
 * entry by which a later change of that setting finds this profile. Written only while the
 * workspace is still at the version read, so an SSO change committed in between cannot leave a
 * stale copy behind (it throws StaleRead; the caller re-reads and tries again).
 */
export async function setDefaultWorkspace(
  userId: string,
  workspace: Pick<Workspace, 'id' | 'version'>,
  requirement: { providerName: string } | null,
  options: { ifVersion?: number } = {},
  db: Db = defaultDb,
): Promise<void> {
  const entry = byOwner.defaultWorkspace(workspace.id, userId);
  const pinned = options.ifVersion !== undefined;
  await transact(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.user(userId),
          UpdateExpression:
            'SET defaultWorkspaceId = :ws, defaultWorkspaceSso = :sso, #gpk = :gpk, #gsk = :gsk, #version = if_not_exists(#version, :zero) + :one',
          ConditionExpression: pinned ? 'attribute_exists(PK) AND #version = :ifVersion' : 'attribute_exists(PK)',
          ExpressionAttributeNames: { '#gpk': byOwner.pk, '#gsk': byOwner.sk, '#version': 'version' },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ExpressionAttributeValues: {
            ...(pinned ? { ':ifVersion': options.ifVersion } : {}),
            ':ws': workspace.id,
            ':sso': requirement,
            ':gpk': entry[byOwner.pk],
            ':gsk': entry[byOwner.sk],
            ':zero': 0,
            ':one': 1,
          },
        },
      },
      {
        ConditionCheck: {
          TableName: tableName(),
          Key: keys.workspace(workspace.id),
          ConditionExpression: 'attribute_exists(PK) AND #version = :read',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':read': workspace.version },
        },
      },
    ],
    (failed, { old }) =>
      failed.includes(0) ? (old[0] ? new PreconditionFailedError() : new NotFoundError('You have not signed up yet.')) : new StaleRead('workspace'),
    db,
  );
}

/** The profiles whose default is `workspaceId` (GSI1; eventually consistent, like every GSI read). */
export async function listProfilesWithDefault(workspaceId: string, db: Db = defaultDb): Promise<UserProfile[]> {
  const items = await queryAll(
    {
      IndexName: byOwner.index,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': byOwner.pk },
      ExpressionAttributeValues: { ':pk': byOwner.defaultWorkspacePartition(workspaceId) },
    },
    db,
  );
  return items.map(toProfile);
}

/**
 * Copies a workspace's SSO requirement onto every profile whose default it is (found on GSI1),
 * after the setting changed or the workspace went away (`null`). Each write is conditioned on
 * the default still being this workspace, so a concurrent change of default wins. Idempotent:
 * running it again after an interruption finishes the job.
 */
export async function copySsoToDefaultProfiles(
  workspaceId: string,
  requirement: { providerName: string } | null,
  db: Db = defaultDb,
): Promise<number> {
  const userIds = (await listProfilesWithDefault(workspaceId, db)).map((p) => p.id);
  for (let i = 0; i < userIds.length; i += 25) {
    await Promise.all(
      userIds
        .slice(i, i + 25)
        .map((userId) =>
          updateIfPresent(
            {
              Key: keys.user(userId),
              UpdateExpression: 'SET defaultWorkspaceSso = :sso',
              ConditionExpression: 'defaultWorkspaceId = :ws',
              ExpressionAttributeValues: { ':sso': requirement, ':ws': workspaceId },
            },
            db,
          ),
        ),
    );
  }
  return userIds.length;
}

/**
 * Clears the default workspace of users who lost access to it (moved out of their reach), with
 * its SSO copy: a workspace one cannot open binds one to nothing. Conditioned on the default
 * still being that workspace.
 */
export async function clearDefaultWorkspace(userIds: string[], workspaceId: string, db: Db = defaultDb): Promise<void> {
  await Promise.all(
    userIds.map((userId) =>
      updateIfPresent(
        {
          Key: keys.user(userId),
          UpdateExpression: 'SET defaultWorkspaceId = :none, defaultWorkspaceSso = :none REMOVE #gpk, #gsk',
          ConditionExpression: 'defaultWorkspaceId = :ws',
          ExpressionAttributeNames: { '#gpk': byOwner.pk, '#gsk': byOwner.sk },
          ExpressionAttributeValues: { ':none': null, ':ws': workspaceId },
        },
        db,
      ),
    ),
  );
}
