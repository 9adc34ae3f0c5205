/**
 * The user pool as the sign-up decisions (shared/domain/sign-in.ts) see it: the users with an
 * email, and linking an identity to one of them. The pre sign-up trigger uses it against the
 * deployed pool; the local stack uses the same lookup against cognito-local.
 */
import {
  AdminLinkProviderForUserCommand,
  ListUsersCommand,
  type CognitoIdentityProviderClient,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { parseIdentities, type PoolUser, type ProviderIdentity } from '#domain/sign-in.js';

/** The attribute that holds a user's linked identities (cognito-local keeps them in a custom one). */
export const IDENTITIES_ATTRIBUTE = 'identities';

const attribute = (user: UserType, name: string): string | undefined => user.Attributes?.find((a) => a.Name === name)?.Value;

export function toPoolUser(user: UserType, identitiesAttribute = IDENTITIES_ATTRIBUTE): PoolUser {
  return {
    username: user.Username ?? '',
    sub: attribute(user, 'sub'),
    email: attribute(user, 'email'),
    emailVerified: attribute(user, 'email_verified') === 'true',
    status: user.UserStatus,
    enabled: user.Enabled !== false,
    identities: parseIdentities(attribute(user, identitiesAttribute)),
    createdAt: user.UserCreateDate,
  };
}

/** A value inside a ListUsers filter string: quotes and backslashes escaped. */
const quoted = (value: string): string => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * The pool's users whose `email` equals `canonicalEmail` (normalized by the caller). A
 * case-insensitive pool compares the email attribute without regard to case; the caller still
 * compares each answer in the normalized form (`withEmail`).
 */
export async function listUsersByEmail(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  canonicalEmail: string,
): Promise<UserType[]> {
  const users: UserType[] = [];
  let token: string | undefined;
  do {
    const page = await client.send(
      new ListUsersCommand({ UserPoolId: userPoolId, Filter: `email = ${quoted(canonicalEmail)}`, PaginationToken: token }),
    );
    users.push(...(page.Users ?? []));
    token = page.PaginationToken;
  } while (token !== undefined && users.length < 60);
  return users;
}

/**
 * Links the provider identity to an existing user, so that signing in through the provider
 * signs in as that user (same `sub`). A password user is named by its username under the
 * provider `Cognito`; a federated user by its own primary identity.
 */
export async function linkIdentity(
  client: CognitoIdentityProviderClient,
  userPoolId: string,
  to: PoolUser,
  source: ProviderIdentity,
): Promise<void> {
  const own = to.status === 'EXTERNAL_PROVIDER' ? (to.identities.find((i) => i.primary === 'true') ?? to.identities[0]) : undefined;
  await client.send(
    new AdminLinkProviderForUserCommand({
      UserPoolId: userPoolId,
      DestinationUser: own
        ? { ProviderName: own.providerName, ProviderAttributeValue: own.userId }
        : { ProviderName: 'Cognito', ProviderAttributeValue: to.username },
      SourceUser: {
        ProviderName: source.providerName,
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: source.providerUserId,
      },
    }),
  );
}
