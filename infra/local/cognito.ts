/**
 * cognito-local: the user pool, the portal's app client and the operators' group, plus a
 * way to get a real ID token for any email (what the portal gets after sign-in). The pool is
 * case-insensitive like the deployed one (cognito-users.ts), and federated sign-in, which
 * cognito-local cannot do, is in federation.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  AddCustomAttributesCommand,
  AdminDeleteUserAttributesCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  InitiateAuthCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  type AttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '#domain/email.js';
import { decidePasswordSignUp } from '#domain/sign-in.js';
import { createLocalUser, ensureGroups, LOCAL_CUSTOM_ATTRIBUTES, localUsersWithEmail, setGroups } from './cognito-users.js';
import { answers, spawnChild, waitUntil, type Child } from './process.js';

export const USER_POOL_NAME = 'tenancy-local';
export const CLIENT_NAME = 'portal';
export const OPERATORS_GROUP = 'platform-operators';
/** Every local user signs in with this password: local tokens are for development only. */
export const LOCAL_PASSWORD = 'Local-Passw0rd!';

/** Where a Cognito user pool is reached: enough to sign users in. */
export interface CognitoTarget {
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
}

export interface IssueTokenOptions {
  /** The user's groups become exactly these; omitted = left as they are. */
  groups?: string[];
  /** Default true: the API only trusts verified emails. */
  emailVerified?: boolean;
  givenName?: string;
  familyName?: string;
}

export interface IssuedToken {
  idToken: string;
  accessToken: string;
  sub: string;
}

export function cognitoClient(endpoint: string, maxAttempts?: number): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    maxAttempts,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** The issuer of the pool's tokens, as cognito-local writes it (see the IssuerDomain config). */
export function issuerOf(target: Pick<CognitoTarget, 'cognitoEndpoint' | 'userPoolId'>): string {
  return `${target.cognitoEndpoint}/${target.userPoolId}`;
}

/** The pool's signing keys, fetched over plain http (aws-jwt-verify itself only fetches over https). */
export async function fetchJwks(target: Pick<CognitoTarget, 'cognitoEndpoint' | 'userPoolId'>): Promise<unknown> {
  const response = await fetch(`${issuerOf(target)}/.well-known/jwks.json`);
  if (!response.ok) throw new Error(`JWKS of ${issuerOf(target)}: HTTP ${response.status}`);
  return response.json();
}

export interface CognitoLocal {
  child: Child;
  endpoint: string;
}

/**
 * Starts cognito-local on `port`. It keeps its config and users in `<dataDir>/.cognito`
 * (relative to its working directory, which is why it runs with cwd = dataDir).
 */
export async function startCognito(opts: { port: number; dataDir: string; sesEndpoint?: string; emailFrom?: string }): Promise<CognitoLocal> {
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const configDir = join(opts.dataDir, '.cognito');
  await mkdir(configDir, { recursive: true });
  // The issuer must name the address the gateway verifies against and clients really use.
  await writeFile(
    join(configDir, 'config.json'),
    `${JSON.stringify({ TokenConfig: { IssuerDomain: endpoint } }, null, 2)}\n`,
  );
  const bin = createRequire(import.meta.url).resolve('./cognito-extensions.cjs');
  const child = spawnChild('cognito-local', process.execPath, [bin], {
    cwd: opts.dataDir,
    env: {
      ...process.env,
      PORT: String(opts.port),
      HOST: '127.0.0.1',
      // Confirmation codes go to the local inbox (cognito-extensions.cjs).
      ...(opts.sesEndpoint === undefined ? {} : { TENANCY_SES_ENDPOINT: opts.sesEndpoint, TENANCY_EMAIL_FROM: opts.emailFrom ?? '' }),
    },
  });
  try {
    await waitUntil(child, () => answers(`${endpoint}/health`, (s) => s === 200));
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, endpoint };
}

/** Finds or creates the pool, the portal client and the operators' group (found by name). */
export async function ensureUserPool(endpoint: string): Promise<CognitoTarget> {
  const client = cognitoClient(endpoint);
  try {
    const pools = await client.send(new ListUserPoolsCommand({ MaxResults: 60 }));
    let userPoolId = pools.UserPools?.find((p) => p.Name === USER_POOL_NAME)?.Id;
    if (userPoolId === undefined) {
      const created = await client.send(
        new CreateUserPoolCommand({
          PoolName: USER_POOL_NAME,
          // As in AWS: people sign in with their email, and the username is an opaque id.
          UsernameAttributes: ['email'],
          AutoVerifiedAttributes: ['email'],
          // As deployed (signInCaseSensitive: false). cognito-local keeps it without acting on
          // it, so cognito-users.ts flattens case itself.
          UsernameConfiguration: { CaseSensitive: false },
          Schema: LOCAL_CUSTOM_ATTRIBUTES,
        }),
      );
      userPoolId = created.UserPool?.Id;
      if (userPoolId === undefined) throw new Error('cognito-local created a user pool without an id');
    } else {
      // A pool kept from before federation was emulated lacks the custom attributes.
      const { UserPool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
      const have = new Set((UserPool?.SchemaAttributes ?? []).map((a) => a.Name));
      const missing = LOCAL_CUSTOM_ATTRIBUTES.filter((a) => !have.has(`custom:${a.Name}`));
      if (missing.length > 0) await client.send(new AddCustomAttributesCommand({ UserPoolId: userPoolId, CustomAttributes: missing }));
    }

    const clients = await client.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: 60 }));
    let clientId = clients.UserPoolClients?.find((c) => c.ClientName === CLIENT_NAME)?.ClientId;
    if (clientId === undefined) {
      const created = await client.send(
        new CreateUserPoolClientCommand({
          UserPoolId: userPoolId,
          ClientName: CLIENT_NAME,
          GenerateSecret: false,
          ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
        }),
      );
      clientId = created.UserPoolClient?.ClientId;
      if (clientId === undefined) throw new Error('cognito-local created an app client without an id');
    }

    await ensureGroups(client, userPoolId, [OPERATORS_GROUP]);
    return { cognitoEndpoint: endpoint, userPoolId, clientId };
  } finally {
    client.destroy();
  }
}

function decodePayload(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1];
  if (payload === undefined) throw new Error('cognito-local returned a malformed token');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * Signs `email` in, creating the user first if needed (with a permanent password, so no
 * NEW_PASSWORD_REQUIRED challenge), and returns its tokens. Safe to call repeatedly:
 * attributes and groups are brought to what `opts` asks for each time. The address is found
 * whatever its case, as in a case-insensitive pool, and creating a user for it goes through the
 * pre sign-up trigger's decision: refused (an Error with the trigger's message) when a user who
 * signs in through a provider has it, and for look-alike addresses.
 */
export async function issueToken(
  target: CognitoTarget,
  email: string,
  opts: IssueTokenOptions = {},
): Promise<IssuedToken> {
  const client = cognitoClient(target.cognitoEndpoint);
  const { userPoolId } = target;
  const verified = opts.emailVerified ?? true;
  // cognito-local turns the attribute into a claim with Boolean(value), so "false" would read
  // as verified: an unverified email is expressed by leaving the attribute out.
  const attributes: AttributeType[] = [
    ...(verified ? [{ Name: 'email_verified', Value: 'true' }] : []),
    ...(opts.givenName === undefined ? [] : [{ Name: 'given_name', Value: opts.givenName }]),
    ...(opts.familyName === undefined ? [] : [{ Name: 'family_name', Value: opts.familyName }]),
  ];
  try {
    const canonicalEmail = normalizeEmail(email);
    const users = await localUsersWithEmail(client, userPoolId, canonicalEmail);
    // The pool signs people in by email, so the username is an opaque id: admin calls below
    // use it, because cognito-local matches group members by username only.
    let username = users.find((u) => u.status !== 'EXTERNAL_PROVIDER')?.username;
    const stored = users.find((u) => u.username === username)?.email;
    if (username === undefined) {
      const decision = decidePasswordSignUp({ canonicalEmail, users });
      if (decision.kind === 'refuse') throw new Error(`PreSignUp failed with error ${decision.reason}`);
      username = await createLocalUser(client, userPoolId, email, attributes);
    } else {
      if (attributes.length > 0) {
        // cognito-local refuses email_verified without the email itself in the same update.
        await client.send(
          new AdminUpdateUserAttributesCommand({
            UserPoolId: userPoolId,
            Username: username,
            UserAttributes: [{ Name: 'email', Value: stored ?? email }, ...attributes],
          }),
        );
      }
      if (!verified) {
        await client.send(
          new AdminDeleteUserAttributesCommand({
            UserPoolId: userPoolId,
            Username: username,
            UserAttributeNames: ['email_verified'],
          }),
        );
      }
    }
    await client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: userPoolId,
        Username: username,
        Password: LOCAL_PASSWORD,
        Permanent: true,
      }),
    );

    if (opts.groups !== undefined) await setGroups(client, userPoolId, username, opts.groups);

    const auth = await client.send(
      new InitiateAuthCommand({
        ClientId: target.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        // The username itself: cognito-local matches an email alias exactly, case and all.
        AuthParameters: { USERNAME: username, PASSWORD: LOCAL_PASSWORD },
      }),
    );
    const idToken = auth.AuthenticationResult?.IdToken;
    const accessToken = auth.AuthenticationResult?.AccessToken;
    if (idToken === undefined || accessToken === undefined) {
      throw new Error(`cognito-local did not sign ${email} in (challenge: ${auth.ChallengeName ?? 'none'})`);
    }
    const sub = decodePayload(idToken).sub;
    if (typeof sub !== 'string') throw new Error('cognito-local issued an ID token without sub');
    return { idToken, accessToken, sub };
  } finally {
    client.destroy();
  }
}
