/**
 * The users of the local pool as the deployed pool would have them. cognito-local stores
 * `UsernameConfiguration: { CaseSensitive: false }` but does not honour it (it matches emails
 * exactly), so the local stack flattens addresses to lower case itself, as a case-insensitive
 * Cognito pool does with every attribute it hands out ("User pool case sensitivity" in the
 * Cognito guide). It cannot federate either: a federated user's identities live in the custom
 * attribute `custom:identities` (Cognito's `identities` attribute, same JSON), and a user that
 * exists only through a provider carries the username Cognito would give it in
 * `custom:external_username` (`CorpSAML_alice@corp.example`).
 */
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  ListGroupsCommand,
  UsernameExistsException,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { listUsersByEmail, toPoolUser } from '#functions/identity/pool-users.js';
import type { PoolUser } from '#domain/sign-in.js';

export const LOCAL_IDENTITIES = 'custom:identities';
export const LOCAL_EXTERNAL_USERNAME = 'custom:external_username';
/** The pool schema's custom attributes that stand in for what cognito-local cannot do. */
export const LOCAL_CUSTOM_ATTRIBUTES = [
  { Name: 'identities', AttributeDataType: 'String' as const, Mutable: true },
  { Name: 'external_username', AttributeDataType: 'String' as const, Mutable: true },
];

/** A case-insensitive pool's output form of an address. */
export const poolCase = (email: string): string => email.toLowerCase();

export interface LocalUser extends PoolUser {
  /** What Cognito calls the user (`cognito:username`): the federated username for a provider-only user. */
  cognitoUsername: string;
}

/**
 * The local users with the (normalized) email, found as the pre sign-up trigger finds them in
 * AWS: ListUsers with an `email =` filter.
 */
export async function localUsersWithEmail(client: CognitoIdentityProviderClient, userPoolId: string, canonicalEmail: string): Promise<LocalUser[]> {
  const users = await listUsersByEmail(client, userPoolId, canonicalEmail);
  return users.map((raw) => {
    const user = toPoolUser(raw, LOCAL_IDENTITIES);
    const external = raw.Attributes?.find((a) => a.Name === LOCAL_EXTERNAL_USERNAME)?.Value;
    return external ? { ...user, status: 'EXTERNAL_PROVIDER', cognitoUsername: external } : { ...user, cognitoUsername: user.username };
  });
}

/**
 * Creates a user with `email` (in the pool's case) and `attributes`, or finds the one a
 * parallel caller created a moment before; returns its (cognito-local) username.
 */
export async function createLocalUser(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  email: string,
  attributes: AttributeType[],
): Promise<string> {
  try {
    const created = await client.send(
      new AdminCreateUserCommand({
        UserPoolId: userPoolId,
        Username: poolCase(email),
        UserAttributes: [{ Name: 'email', Value: poolCase(email) }, ...attributes],
        MessageAction: 'SUPPRESS',
      }),
    );
    if (created.User?.Username === undefined) throw new Error(`cognito-local created ${email} without a username`);
    return created.User.Username;
  } catch (error) {
    if (!(error instanceof UsernameExistsException)) throw error;
    const [existing] = await listUsersByEmail(client, userPoolId, poolCase(email));
    if (existing?.Username === undefined) throw error;
    return existing.Username;
  }
}

export async function ensureGroups(client: CognitoIdentityProviderClient, userPoolId: string, names: string[]): Promise<void> {
  const existing = await client.send(new ListGroupsCommand({ UserPoolId: userPoolId }));
  const known = new Set((existing.Groups ?? []).map((g) => g.GroupName));
  for (const name of names) {
    if (!known.has(name)) await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName: name }));
  }
}

export async function groupsOf(client: CognitoIdentityProviderClient, userPoolId: string, username: string): Promise<string[]> {
  const current = await client.send(new AdminListGroupsForUserCommand({ UserPoolId: userPoolId, Username: username }));
  return (current.Groups ?? []).flatMap((g) => (g.GroupName === undefined ? [] : [g.GroupName]));
}

/** Makes the user's groups exactly `groups`. */
export async function setGroups(client: CognitoIdentityProviderClient, userPoolId: string, username: string, groups: string[]): Promise<void> {
  await ensureGroups(client, userPoolId, groups);
  const have = new Set(await groupsOf(client, userPoolId, username));
  for (const group of groups) {
    if (!have.has(group)) {
      await client.send(new AdminAddUserToGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }));
    }
  }
  for (const group of have) {
    if (!groups.includes(group)) {
      await client.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: userPoolId, Username: username, GroupName: group }));
    }
  }
}
