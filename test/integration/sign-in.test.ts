/**
 * One user per email across sign-in methods, through the local gateway: a password user who
 * then signs in through a provider is the same user (one `sub`, one profile, the same
 * memberships); a federated first sign-in makes a user that a password sign-up cannot
 * duplicate; unverified and look-alike addresses get nothing. The local pool is
 * case-insensitive like the deployed one. (infra/local/federation.ts plays Cognito's part,
 * deciding as the pre sign-up trigger does; docs/sign-in.md says what only AWS can show.)
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { as, expectProblem, newUser, signedUp } from './support/api.js';
import { inviteAndGetToken } from './support/invitations.js';
import { claimsOf, signLikeCognitoLocal } from './support/sso-token.js';
import { ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient } from '../../infra/local/cognito.js';
import { federatedToken, sesMessages, stack, token } from './support/stack.js';

const unique = (label: string, domain = 'example.com') => `${label}-${randomUUID().slice(0, 8)}@${domain}`;
const meOf = async (idToken: string) => {
  const res = await as(idToken).get('/me');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('a password user who then signs in with Google', () => {
  it('is the same user: one sub, one profile, the same organizations and workspaces', async () => {
    const owner = await signedUp('linker', 'Linker Org');
    const host = await signedUp('host', 'Host Org');
    const { token: link } = await inviteAndGetToken(host.api, host.orgId, { email: owner.email, role: 'member', workspaces: [{ workspaceId: host.workspaceId, role: 'viewer' }] });
    expect((await owner.api.post(`/invitations/${link}/accept`)).status).toBe(200);
    const before = await meOf(owner.token);
    expect(before.organizations).toHaveLength(2);

    const google = await federatedToken(owner.email, { provider: 'Google', givenName: 'Lin', familyName: 'Ker' });

    expect(google).toMatchObject({ sub: owner.userId, linked: true });
    const claims = claimsOf(google.idToken);
    expect(claims).toMatchObject({ sub: owner.userId, email: owner.email, email_verified: true, token_use: 'id' });
    // Signed in as the existing user: its username, not a Google_… one.
    expect(claims['cognito:username']).toBe(claimsOf(owner.token)['cognito:username']);
    expect(claims.identities).toEqual([
      { userId: expect.any(String), providerName: 'Google', providerType: 'Google', issuer: null, primary: 'false', dateCreated: expect.stringMatching(/^\d+$/) },
    ]);
    const after = await meOf(google.idToken);
    expect(after.user.id).toBe(before.user.id);
    expect(after.organizations).toEqual(before.organizations);
    expect(after.workspaces).toEqual(before.workspaces);
    // Signing up again through Google creates nothing.
    const again = await as(google.idToken).post('/signup', { givenName: 'Lin', familyName: 'Ker' });
    expect(again.status).toBe(200);
    expect(again.body.organizations).toEqual(before.organizations);
  });

  it('stays that user on later sign-ins, in any case of the address, and by password', async () => {
    const owner = await signedUp('relinker');
    const first = await federatedToken(owner.email, { provider: 'Google' });

    const later = await federatedToken(owner.email.toUpperCase(), { provider: 'Google' });

    expect(later.sub).toBe(owner.userId);
    expect(claimsOf(later.idToken).identities).toEqual(claimsOf(first.idToken).identities);
    expect((await token(owner.email)).sub).toBe(owner.userId);
  });
});

describe('a first sign-in through an enterprise provider', () => {
  it('creates a federated user (CorpSAML_…) that a password sign-up cannot duplicate, and that Google then links to', async () => {
    const email = unique('alice', 'corp.example');
    const saml = await federatedToken(email, { provider: 'CorpSAML', givenName: 'Alice', familyName: 'Corp' });

    expect(saml.linked).toBe(false);
    expect(claimsOf(saml.idToken)).toMatchObject({
      'cognito:username': `CorpSAML_${email}`,
      email,
      email_verified: true,
      given_name: 'Alice',
      family_name: 'Corp',
      identities: [{ userId: email, providerName: 'CorpSAML', providerType: 'SAML', issuer: 'urn:local:CorpSAML', primary: 'true', dateCreated: expect.any(String) }],
    });
    const signedUpAs = await as(saml.idToken).post('/signup', { givenName: 'Alice', familyName: 'Corp' });
    expect(signedUpAs.status, JSON.stringify(signedUpAs.body)).toBe(201);
    expect(signedUpAs.body.user.id).toBe(saml.sub);

    // The pre sign-up trigger refuses a password sign-up for the address.
    await expect(token(email)).rejects.toThrow(/already uses .* and signs in through CorpSAML: sign in that way/);

    const google = await federatedToken(email, { provider: 'Google' });
    expect(google).toMatchObject({ sub: saml.sub, linked: true, username: `CorpSAML_${email}` });
    expect(google.identities.map((i) => i.providerName)).toEqual(['CorpSAML', 'Google']);
    expect((await meOf(google.idToken)).organizations).toEqual(signedUpAs.body.organizations);
  });
});

describe('refused, and nothing created or linked', () => {
  it('an email the provider does not vouch for', async () => {
    const owner = await signedUp('unvouched');
    const fresh = unique('nobody', 'corp.example');

    await expect(federatedToken(owner.email, { provider: 'CorpSAML', emailVerified: false })).rejects.toThrow(/unverified email address/);
    await expect(federatedToken(fresh, { provider: 'CorpSAML', emailVerified: false })).rejects.toThrow(/unverified email address/);

    // No federated user came of it: a password sign-up for the fresh address is a new user…
    expect((await token(fresh)).sub).toEqual(expect.any(String));
    // …and the owner's account got no identity: the first vouched-for sign-in is the first link.
    expect((await federatedToken(owner.email, { provider: 'CorpSAML' })).identities).toHaveLength(1);
  });

  it('an existing account whose own email is not verified (linking would hand it to whoever created it)', async () => {
    const email = unique('squatted');
    await token(email, { emailVerified: false });

    await expect(federatedToken(email, { provider: 'Google' })).rejects.toThrow(/exists but its email address is not verified/);
  });

  it('look-alike addresses: at sign-in, and 400 invalid_email from the API for a token that carries one', async () => {
    await expect(federatedToken('mar\u212Aus@corp.example', { provider: 'CorpSAML' })).rejects.toThrow(/U\+212A/);
    await expect(token('mar\u212Aus@example.com')).rejects.toThrow(/U\+212A/);

    const user = await newUser('lookalike');
    const forged = signLikeCognitoLocal({ ...claimsOf(user.token), email: user.email.replace('l', '\uFF4C') });
    expectProblem(await as(forged).post('/signup', { givenName: 'L', familyName: 'A' }), 400, 'invalid_email');

    const host = await signedUp('lookalike-host');
    const { token: link } = await inviteAndGetToken(host.api, host.orgId, { email: user.email, role: 'member' });
    expectProblem(await as(forged).post(`/invitations/${link}/accept`), 400, 'invalid_email');
    expect((await user.api.post(`/invitations/${link}/accept`)).status).toBe(200);
  });
});

describe('the local pool', () => {
  it('is case-insensitive like the deployed one, handing the address out in lower case', async () => {
    const local = `Casey-${randomUUID().slice(0, 8)}`;

    const [mixed, lower, upper] = await Promise.all([
      token(`${local}@Example.COM`),
      token(`${local.toLowerCase()}@example.com`),
      token(`${local.toUpperCase()}@EXAMPLE.COM`),
    ]);

    expect(new Set([mixed.sub, lower.sub, upper.sub]).size).toBe(1);
    expect(claimsOf(mixed.idToken).email).toBe(`${local.toLowerCase()}@example.com`);
  });

  it('signs a person up as the portal does: the code emailed to the inbox, the email verified at confirmation, the names in the ID token', async () => {
    const email = unique('self');
    const cognito = cognitoClient(stack().cognitoEndpoint);
    const ClientId = stack().clientId;
    const Password = 'Self-signup-1!';
    try {
      await cognito.send(new SignUpCommand({ ClientId, Username: email, Password, UserAttributes: [{ Name: 'email', Value: email }, { Name: 'given_name', Value: 'Selma' }, { Name: 'family_name', Value: 'Self' }] }));
      const mail = (await sesMessages()).filter((m) => m.destination.to.includes(email));
      expect(mail.map((m) => m.subject)).toEqual(['Your verification code']);
      const code = /\b(\d{6})\b/.exec(mail[0]!.body.text ?? '')?.[1];
      expect(code).toMatch(/^\d{6}$/);
      await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code! }));

      const auth = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: Password } }));
      expect(claimsOf(auth.AuthenticationResult!.IdToken!)).toMatchObject({ email, email_verified: true, given_name: 'Selma', family_name: 'Self', token_use: 'id' });
      expect(claimsOf(auth.AuthenticationResult!.AccessToken!)).not.toHaveProperty('given_name');
      expect((await as(auth.AuthenticationResult!.IdToken!).post('/signup', { givenName: 'Selma', familyName: 'Self' })).status).toBe(201);
    } finally {
      cognito.destroy();
    }
  });
});
