/**
 * The pre sign-up trigger against a mocked Cognito (aws-sdk-client-mock), on the events in
 * test/fixtures/cognito/: a federated first sign-in is linked to the user with the same
 * verified email, refused for an unverified one, and never becomes a second user; a password
 * sign-up is refused for an email a user already has.
 */
import { readFileSync } from 'node:fs';
import {
  AdminLinkProviderForUserCommand,
  CognitoIdentityProviderClient,
  LimitExceededException,
  ListUsersCommand,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { preSignUp, type TriggerProviders } from '#functions/identity/pre-signup.js';
import { parseFederatedUsername, parseIdentities } from '#domain/sign-in.js';

const fixture = (name: string): PreSignUpTriggerEvent =>
  JSON.parse(readFileSync(new URL(`../fixtures/cognito/${name}.json`, import.meta.url), 'utf8')) as PreSignUpTriggerEvent;

const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', credentials: { accessKeyId: 'unit', secretAccessKey: 'unit' } });
const cognito = mockClient(client);
const PROVIDERS: TriggerProviders = [
  { name: 'Google', trustEmail: false },
  { name: 'CorpSAML', trustEmail: true },
  { name: 'PartnerSAML', trustEmail: false },
];
const run = (event: PreSignUpTriggerEvent, providers = PROVIDERS) => preSignUp(event, { client, providers });

function user(overrides: { username?: string; email?: string; verified?: boolean; status?: string; identities?: unknown[]; created?: string } = {}): UserType {
  const attributes = [
    { Name: 'sub', Value: `sub-of-${overrides.username ?? 'casey'}` },
    { Name: 'email', Value: overrides.email ?? 'casey@example.com' },
    { Name: 'email_verified', Value: String(overrides.verified ?? true) },
    ...(overrides.identities ? [{ Name: 'identities', Value: JSON.stringify(overrides.identities) }] : []),
  ];
  return {
    Username: overrides.username ?? 'casey',
    Attributes: attributes,
    Enabled: true,
    UserStatus: (overrides.status ?? 'CONFIRMED') as UserType['UserStatus'],
    UserCreateDate: new Date(overrides.created ?? '2026-01-01T00:00:00Z'),
  };
}

const googleSignIn = (attributes: Record<string, string> = {}): PreSignUpTriggerEvent => {
  const event = fixture('pre-signup-external-provider');
  event.request.userAttributes = { ...event.request.userAttributes, ...attributes };
  return event;
};
const samlSignIn = (provider: string, attributes: Record<string, string> = {}): PreSignUpTriggerEvent => {
  const event = fixture('pre-signup-external-provider');
  event.userName = `${provider.toLowerCase()}_alice@corp.example`;
  event.request.userAttributes = { 'cognito:user_status': 'EXTERNAL_PROVIDER', email: 'alice@corp.example', ...attributes };
  return event;
};
const linkCalls = () => cognito.commandCalls(AdminLinkProviderForUserCommand).map((c) => c.args[0].input);

beforeEach(() => {
  cognito.reset();
  cognito.on(ListUsersCommand).resolves({ Users: [] });
  cognito.on(AdminLinkProviderForUserCommand).resolves({});
});

describe('a first sign-in through a provider', () => {
  it('links the identity to the password user with the same verified email, and lets the sign-in go on as that user', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [user({ username: '5f0c1a2e-password-user' })] });
    const event = googleSignIn();

    await expect(run(event)).resolves.toBe(event);

    expect(cognito.commandCalls(ListUsersCommand)[0]!.args[0].input).toMatchObject({ UserPoolId: 'eu-west-1_EXAMPLE', Filter: 'email = "casey@example.com"' });
    expect(linkCalls()).toEqual([{
      UserPoolId: 'eu-west-1_EXAMPLE',
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: '5f0c1a2e-password-user' },
      // The pool hands the username lower-cased (google_…): the provider is named as configured.
      SourceUser: { ProviderName: 'Google', ProviderAttributeName: 'Cognito_Subject', ProviderAttributeValue: '109876543210987654321' },
    }]);
    expect(event.response).toEqual({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it('links to a user who signed up through another provider, named by that provider\'s identity', async () => {
    const samlUser = user({
      username: 'CorpSAML_alice@corp.example',
      email: 'alice@corp.example',
      status: 'EXTERNAL_PROVIDER',
      identities: [{ userId: 'alice@corp.example', providerName: 'CorpSAML', providerType: 'SAML', issuer: 'urn:corp', primary: 'true', dateCreated: '1700000000000' }],
    });
    cognito.on(ListUsersCommand).resolves({ Users: [samlUser] });

    await run(googleSignIn({ email: 'Alice@Corp.example' }));

    expect(linkCalls()[0]).toMatchObject({ DestinationUser: { ProviderName: 'CorpSAML', ProviderAttributeValue: 'alice@corp.example' } });
  });

  it('prefers the password user, then the oldest, when legacy duplicates share the email', async () => {
    cognito.on(ListUsersCommand).resolves({
      Users: [
        user({ username: 'Google_1', status: 'EXTERNAL_PROVIDER', created: '2025-01-01T00:00:00Z', identities: [{ providerName: 'PartnerSAML', userId: 'x' }] }),
        user({ username: 'newer', created: '2026-02-01T00:00:00Z' }),
        user({ username: 'older', created: '2025-06-01T00:00:00Z' }),
      ],
    });

    await run(googleSignIn());

    expect(linkCalls()[0]!.DestinationUser).toEqual({ ProviderName: 'Cognito', ProviderAttributeValue: 'older' });
  });

  it('creates the federated user when no user has the email (nothing linked)', async () => {
    const event = googleSignIn();

    await expect(run(event)).resolves.toBe(event);

    expect(linkCalls()).toEqual([]);
    expect(event.response.autoVerifyEmail).toBe(false);
  });

  it('counts the email of a provider the deployment trusts as verified, and says so in the response', async () => {
    const event = samlSignIn('CorpSAML');

    await run(event);

    expect(event.response.autoVerifyEmail).toBe(true);
  });
});

describe('refuses, creating and linking nothing', () => {
  it('an email the provider does not vouch for', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [user()] });

    await expect(run(googleSignIn({ email_verified: 'false' }))).rejects.toThrow(/Google did not confirm that casey@example.com is verified/);
    await expect(run(samlSignIn('PartnerSAML'))).rejects.toThrow(/not confirm/);

    expect(linkCalls()).toEqual([]);
  });

  it('an existing account whose own address is unverified (linking would hand it to whoever created it)', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [user({ verified: false, status: 'UNCONFIRMED' })] });

    await expect(run(googleSignIn())).rejects.toThrow(/exists but its email address is not verified/);
    expect(linkCalls()).toEqual([]);
  });

  it('a second identity of the same provider for one account', async () => {
    cognito.on(ListUsersCommand).resolves({
      Users: [user({ identities: [{ userId: '555', providerName: 'Google', providerType: 'Google', issuer: null, primary: 'false', dateCreated: '1' }] })],
    });

    await expect(run(googleSignIn())).rejects.toThrow(/already linked to another Google identity/);
    expect(linkCalls()).toEqual([]);
  });

  it('when Cognito cannot link (the sign-up stops rather than making a second user)', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [user()] });
    cognito.on(AdminLinkProviderForUserCommand).rejects(new LimitExceededException({ message: 'five identities at most', $metadata: {} }));

    await expect(run(googleSignIn())).rejects.toThrow('five identities at most');
  });

  it('a look-alike address, before asking the pool anything', async () => {
    await expect(run(googleSignIn({ email: 'casey@\u212Aexample.com' }))).rejects.toThrow(/U\+212A/);
    expect(cognito.commandCalls(ListUsersCommand)).toEqual([]);
  });

  it('a sign-up without email (a provider that maps none)', async () => {
    const event = googleSignIn();
    delete event.request.userAttributes.email;

    await expect(run(event)).rejects.toThrow(/No email address came with this sign-up/);
  });
});

describe('a password sign-up', () => {
  it('goes on when no user has the email', async () => {
    const event = fixture('pre-signup-sign-up');

    await expect(run(event)).resolves.toBe(event);
    expect(event.response.autoConfirmUser).toBe(false);
  });

  it('is refused for an email that signs in through a provider, naming it', async () => {
    cognito.on(ListUsersCommand).resolves({
      Users: [user({ username: 'Google_1', status: 'EXTERNAL_PROVIDER', identities: [{ providerName: 'Google', userId: '1' }] })],
    });

    await expect(run(fixture('pre-signup-sign-up'))).rejects.toThrow('An account already uses casey@example.com and signs in through Google: sign in that way.');
    expect(linkCalls()).toEqual([]);
  });

  it('is refused when any user has the email in another case or composition; an administrator\'s create alike', async () => {
    cognito.on(ListUsersCommand).resolves({ Users: [user({ email: 'OPS@Example.com' })] });

    await expect(run(fixture('pre-signup-admin-create-user'))).rejects.toThrow('An account already uses ops@example.com: sign in with it.');
  });
});

describe('reading what the pool hands over', () => {
  it('splits a federated username at the configured provider, the longest first', () => {
    expect(parseFederatedUsername('google_1234', ['Google'])).toEqual({ providerName: 'Google', providerUserId: '1234' });
    expect(parseFederatedUsername('corp-saml-eu_a_b@corp.example', ['Corp', 'Corp-SAML-EU'])).toEqual({ providerName: 'Corp-SAML-EU', providerUserId: 'a_b@corp.example' });
    expect(parseFederatedUsername('Unknown_x', [])).toEqual({ providerName: 'Unknown', providerUserId: 'x' });
    expect(parseFederatedUsername('nounderscore', [])).toBeUndefined();
  });

  it('reads the identities attribute, and nothing from what is not one', () => {
    expect(parseIdentities('[{"userId":"1","providerName":"Google","providerType":"Google","issuer":null,"primary":true,"dateCreated":1}]')).toEqual([
      { userId: '1', providerName: 'Google', providerType: 'Google', issuer: null, primary: 'true', dateCreated: '1' },
    ]);
    expect(parseIdentities('not json')).toEqual([]);
    expect(parseIdentities('{"providerName":"x"}')).toEqual([]);
    expect(parseIdentities(undefined)).toEqual([]);
  });
});
