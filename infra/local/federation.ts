/**
 * Federated sign-in on the local stack. cognito-local cannot federate, so this plays what
 * Cognito does on a first sign-in through a provider — the pre sign-up trigger's decision
 * (shared/domain/sign-in.ts, on the users that the trigger's own ListUsers lookup finds in
 * cognito-local): link the identity to the user with the same verified email, create a
 * federated user, or refuse — and then issues the ID token Cognito would: same issuer, same
 * signing key and kid as cognito-local's own tokens, the `identities` claim, `cognito:username`
 * `CorpSAML_…` for a user that exists only through the provider (the linked user's own username
 * otherwise: Cognito signs a linked identity in as that user), and the linked user's `sub`.
 */
import { createHash, createPrivateKey, randomUUID, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import { AdminGetUserCommand, AdminUpdateUserAttributesCommand } from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '#domain/email.js';
import { BUILT_IN_PROVIDERS, decideExternalSignUp, type FederatedIdentity } from '#domain/sign-in.js';
import { cognitoClient, issuerOf, type CognitoTarget, type IssuedToken } from './cognito.js';
import {
  createLocalUser,
  groupsOf,
  LOCAL_EXTERNAL_USERNAME,
  LOCAL_IDENTITIES,
  localUsersWithEmail,
  setGroups,
  type LocalUser,
} from './cognito-users.js';

const signingKey = createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: Record<string, string> };
/** The kid cognito-local signs with (and publishes in its JWKS). */
export const LOCAL_KEY_ID = 'CognitoLocal';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs `claims` as cognito-local signs its ID tokens (RS256, its key, kid CognitoLocal). */
export function signLikeCognitoLocal(claims: Record<string, unknown>): string {
  const head = `${b64({ alg: 'RS256', typ: 'JWT', kid: LOCAL_KEY_ID })}.${b64(claims)}`;
  const signature = sign('sha256', Buffer.from(head), createPrivateKey({ key: signingKey.jwk, format: 'jwk' }));
  return `${head}.${signature.toString('base64url')}`;
}

export interface FederatedTokenOptions {
  /** The provider name as the deployment configures it (`Google`, `CorpSAML`). */
  provider: string;
  /** `SAML` (default for names Cognito does not know), `OIDC`, or the built-in type of a social provider. */
  providerType?: string;
  /** The subject at the provider; default: the email for SAML (a NameID), a stable digest otherwise. */
  subject?: string;
  /** Whether the provider vouches for the email (its email_verified, or the deployment's trustEmail). Default true. */
  emailVerified?: boolean;
  givenName?: string;
  familyName?: string;
  /** The user's groups become exactly these; omitted = left as they are. */
  groups?: string[];
}

export interface FederatedToken extends Pick<IssuedToken, 'idToken' | 'sub'> {
  /** `cognito:username` of the token. */
  username: string;
  /** The identity is linked to a user who had the email before it (now or at an earlier sign-in). */
  linked: boolean;
  identities: FederatedIdentity[];
}

function typeOf(provider: string, given: string | undefined): string {
  if (given !== undefined) return given;
  return (BUILT_IN_PROVIDERS as readonly string[]).includes(provider) ? provider : 'SAML';
}

const subjectOf = (provider: string, type: string, canonicalEmail: string): string =>
  type === 'SAML' ? canonicalEmail : createHash('sha256').update(`${provider}\n${canonicalEmail}`).digest('hex').slice(0, 21);

/** An ID token for `email` as if signed in through `opts.provider`; refused as the trigger would refuse. */
export async function issueFederatedToken(target: CognitoTarget, email: string, opts: FederatedTokenOptions): Promise<FederatedToken> {
  const client = cognitoClient(target.cognitoEndpoint);
  const { userPoolId } = target;
  try {
    const canonicalEmail = normalizeEmail(email);
    const providerType = typeOf(opts.provider, opts.providerType);
    const subject = opts.subject ?? subjectOf(opts.provider, providerType, canonicalEmail);
    const names = [
      ...(opts.givenName === undefined ? [] : [{ Name: 'given_name', Value: opts.givenName }]),
      ...(opts.familyName === undefined ? [] : [{ Name: 'family_name', Value: opts.familyName }]),
    ];
    const users = await localUsersWithEmail(client, userPoolId, canonicalEmail);
    const isThisIdentity = (i: FederatedIdentity) => i.providerName.toLowerCase() === opts.provider.toLowerCase() && i.userId === subject;
    const identity = (primary: boolean): FederatedIdentity => ({
      userId: subject,
      providerName: opts.provider,
      providerType,
      issuer: providerType === 'SAML' ? `urn:local:${opts.provider}` : null,
      primary: primary ? 'true' : 'false',
      dateCreated: String(Date.now()),
    });

    let user: LocalUser | undefined = users.find((u) => u.identities.some(isThisIdentity));
    let identities = user?.identities ?? [];
    if (user === undefined) {
      // A first sign-in through the provider: the pre sign-up trigger's decision.
      const decision = decideExternalSignUp({
        canonicalEmail,
        emailVerified: opts.emailVerified ?? true,
        source: { providerName: opts.provider, providerUserId: subject },
        users,
      });
      if (decision.kind === 'refuse') throw new Error(`PreSignUp failed with error ${decision.reason}`);
      if (decision.kind === 'link') {
        user = users.find((u) => u.username === decision.to.username)!;
        identities = [...user.identities, identity(false)];
        await client.send(new AdminUpdateUserAttributesCommand({
          UserPoolId: userPoolId,
          Username: user.username,
          UserAttributes: [{ Name: LOCAL_IDENTITIES, Value: JSON.stringify(identities) }],
        }));
      } else {
        identities = [identity(true)];
        const cognitoUsername = `${opts.provider}_${subject}`;
        const username = await createLocalUser(client, userPoolId, email, [
          { Name: 'email_verified', Value: 'true' },
          { Name: LOCAL_IDENTITIES, Value: JSON.stringify(identities) },
          { Name: LOCAL_EXTERNAL_USERNAME, Value: cognitoUsername },
          ...names,
        ]);
        user = { username, cognitoUsername, emailVerified: true, enabled: true, identities, status: 'EXTERNAL_PROVIDER' };
      }
    }
    // Each sign-in through the provider writes its mapped attributes onto the (linked) user.
    if (names.length > 0) await client.send(new AdminUpdateUserAttributesCommand({ UserPoolId: userPoolId, Username: user.username, UserAttributes: names }));
    if (opts.groups !== undefined) await setGroups(client, userPoolId, user.username, opts.groups);

    const { UserAttributes = [] } = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: user.username }));
    const attribute = (name: string) => UserAttributes.find((a) => a.Name === name)?.Value;
    const groups = await groupsOf(client, userPoolId, user.username);
    const sub = attribute('sub');
    if (sub === undefined) throw new Error(`cognito-local has no sub for ${email}`);
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      sub,
      ...(groups.length > 0 ? { 'cognito:groups': groups } : {}),
      email_verified: attribute('email_verified') === 'true',
      iss: issuerOf(target),
      'cognito:username': user.cognitoUsername,
      origin_jti: randomUUID(),
      aud: target.clientId,
      identities,
      event_id: randomUUID(),
      token_use: 'id',
      auth_time: now,
      exp: now + 3600,
      iat: now,
      jti: randomUUID(),
      email: attribute('email'),
      ...(attribute('given_name') === undefined ? {} : { given_name: attribute('given_name') }),
      ...(attribute('family_name') === undefined ? {} : { family_name: attribute('family_name') }),
    };
    const linked = identities.find(isThisIdentity)?.primary !== 'true';
    return { idToken: signLikeCognitoLocal(claims), sub, username: user.cognitoUsername, linked, identities };
  } finally {
    client.destroy();
  }
}
