/**
 * An organization's own identity providers through the local gateway, against cognito-local with
 * the identity-provider extension (infra/local/cognito-extensions.cjs): the provider really is in
 * the pool and on the portal client, the OIDC secret never comes back, names are unique across
 * organizations, the role boundaries, the SSO guard on delete, and the portal client's lease.
 */
import { randomUUID } from 'node:crypto';
import { DescribeIdentityProviderCommand, DescribeUserPoolClientCommand, ResourceNotFoundException } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { cognitoClient } from '../../infra/local/cognito.js';
import { call, expectGatewayAnswer, expectProblem, signedUp, type Tenant } from './support/api.js';
import { addMember } from './support/seed.js';
import { viaSso } from './support/sso-token.js';
import { stack } from './support/stack.js';

const cognito = cognitoClient(stack().cognitoEndpoint);
afterAll(() => cognito.destroy());

/** Provider names are global to the pool (and the pool outlives a test file): unique per case. */
const providerName = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;
const saml = (name: string) => ({ name, type: 'SAML', metadataUrl: 'https://idp.example.com/saml/metadata' });
const oidc = (name: string) => ({
  name,
  type: 'OIDC',
  issuer: 'https://login.example.com',
  clientId: 'portal-client',
  clientSecret: `secret-${randomUUID()}`,
});

async function portalClient() {
  const { UserPoolClient } = await cognito.send(new DescribeUserPoolClientCommand({ UserPoolId: stack().userPoolId, ClientId: stack().clientId }));
  return UserPoolClient!;
}

async function poolProvider(name: string) {
  try {
    return (await cognito.send(new DescribeIdentityProviderCommand({ UserPoolId: stack().userPoolId, ProviderName: name }))).IdentityProvider;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

const base = (t: Tenant) => `/orgs/${t.orgId}/identity-providers`;

describe('an organization registers its own identity provider', () => {
  it('creates a SAML provider in the pool, enables it on the portal client and lists it', async () => {
    const owner = await signedUp('idp-saml');
    const name = providerName('CorpSAML');
    const created = await owner.api.post(base(owner), saml(name));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({
      name,
      type: 'SAML',
      status: 'active',
      metadataUrl: 'https://idp.example.com/saml/metadata',
      attributeMapping: {
        email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
        given_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
        family_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
      },
      createdAt: expect.any(String),
      createdBy: owner.userId,
    });

    const inPool = await poolProvider(name);
    expect(inPool).toMatchObject({ ProviderName: name, ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://idp.example.com/saml/metadata' } });
    expect(inPool!.AttributeMapping).toEqual(created.body.attributeMapping);
    const client = await portalClient();
    expect(client.SupportedIdentityProviders).toContain(name);
    // UpdateUserPoolClient replaces the whole configuration: what the portal signs in with survived.
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']));

    const listed = await owner.api.get(base(owner));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({ items: [created.body], nextCursor: null });
    const audit = await owner.api.get(`/orgs/${owner.orgId}/audit`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('identity_provider.created');
  });

  it('creates an OIDC provider with its scopes and mapping overrides, and never answers or keeps the secret', async () => {
    const owner = await signedUp('idp-oidc');
    const name = providerName('Entra');
    const body = { ...oidc(name), scopes: ['openid', 'email'], attributeMapping: { given_name: 'first_name' } };
    const created = await owner.api.post(base(owner), body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name,
      type: 'OIDC',
      issuer: 'https://login.example.com',
      clientId: 'portal-client',
      scopes: ['openid', 'email'],
      attributeMapping: { email: 'email', email_verified: 'email_verified', given_name: 'first_name', family_name: 'family_name' },
    });
    const listed = await owner.api.get(base(owner));
    for (const answer of [created, listed]) {
      expect(JSON.stringify(answer.body)).not.toContain(body.clientSecret);
      expect(JSON.stringify(answer.body)).not.toMatch(/secret/i);
    }
    // Cognito holds it (it must, to call the provider's token endpoint); our table does not.
    expect((await poolProvider(name))!.ProviderDetails).toMatchObject({ client_secret: body.clientSecret, oidc_issuer: 'https://login.example.com', authorize_scopes: 'openid email' });
    const { configureRepositories } = await import('./support/env.js');
    configureRepositories();
    const [{ QueryCommand }, { db, tableName }] = await Promise.all([import('@aws-sdk/lib-dynamodb'), import('#db/client.js')]);
    const items = await db.send(new QueryCommand({ TableName: tableName(), KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `ORG#${owner.orgId}` } }));
    expect(JSON.stringify(items.Items)).not.toContain(body.clientSecret);
  });

  it('refuses a name another organization holds (409, without saying who), in any case', async () => {
    const [first, second] = await Promise.all([signedUp('idp-first'), signedUp('idp-second')]);
    const name = providerName('Shared');
    expect((await first.api.post(base(first), saml(name))).status).toBe(201);
    for (const taken of [name, name.toUpperCase()]) {
      const res = await second.api.post(base(second), saml(taken));
      expectProblem(res, 409, 'conflict');
      expect(JSON.stringify(res.body)).not.toContain(first.orgId);
    }
    expect((await second.api.get(base(second))).body.items).toEqual([]);
  });

  it("refuses Cognito's reserved names and malformed bodies with 400 and the field", async () => {
    const owner = await signedUp('idp-bad');
    for (const name of ['COGNITO', 'Google', 'facebook', 'SignInWithApple']) {
      const res = await owner.api.post(base(owner), saml(name));
      expectProblem(res, 400, 'bad_request');
      expect(res.body.errors).toEqual([{ path: 'body.name', message: expect.stringContaining('reserved') }]);
    }
    const cases: [unknown, string][] = [
      [{ ...saml('ab'), name: 'ab' }, 'body.name'],
      [{ ...saml(providerName('X')), name: 'has_underscore' }, 'body.name'],
      [{ ...saml(providerName('X')), metadataUrl: 'http://idp.example.com/metadata' }, 'body.metadataUrl'],
      [{ ...oidc(providerName('X')), issuer: 'not a url' }, 'body.issuer'],
      [{ ...oidc(providerName('X')), clientSecret: undefined }, 'body.clientSecret'],
      [{ ...oidc(providerName('X')), scopes: ['email'] }, 'body.scopes'],
      [{ ...saml(providerName('X')), type: 'LDAP' }, 'body.type'],
      [{ ...saml(providerName('X')), attributeMapping: { phone_number: 'phone' } }, 'body.attributeMapping.phone_number'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.api.post(base(owner), body);
      expectProblem(res, 400, 'bad_request');
      expect(res.body.errors.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
    }
  });

  it("answers Cognito's own refusal (metadata it cannot fetch) with 400 and its message, and frees the name", async () => {
    const owner = await signedUp('idp-unfetchable');
    const name = providerName('Broken');
    const res = await owner.api.post(base(owner), { ...saml(name), metadataUrl: 'https://idp.example.invalid/metadata' });
    expectProblem(res, 400, 'bad_request');
    expect(res.body.detail).toContain('Unable to retrieve metadata');
    expect(await poolProvider(name)).toBeUndefined();
    expect((await owner.api.get(base(owner))).body.items).toEqual([]);
    expect((await owner.api.post(base(owner), saml(name))).status).toBe(201);
  });
});

describe('who may manage identity providers', () => {
  it('lets the owner and admins in; editors and members 403; another tenant 404; no token 401', async () => {
    const [owner, admin, editor, member, stranger] = await Promise.all(
      ['owner', 'admin', 'editor', 'member', 'stranger'].map((role) => signedUp(`idp-${role}`)),
    );
    await addMember(owner!, admin!, 'admin');
    await addMember(owner!, editor!, 'editor');
    await addMember(owner!, member!, 'member');
    const path = base(owner!);
    const kept = providerName('Kept');
    expect((await owner!.api.post(path, saml(kept))).status).toBe(201);

    expect((await admin!.api.get(path)).status).toBe(200);
    const byAdmin = providerName('ByAdmin');
    expect((await admin!.api.post(path, oidc(byAdmin))).status).toBe(201);
    expect((await admin!.api.delete(`${path}/${byAdmin}`)).status).toBe(204);

    for (const caller of [editor!, member!]) {
      expectProblem(await caller.api.get(path), 403, 'forbidden');
      expectProblem(await caller.api.post(path, saml(providerName('No'))), 403, 'forbidden');
      expectProblem(await caller.api.delete(`${path}/${kept}`), 403, 'forbidden');
    }
    for (const res of [await stranger!.api.get(path), await stranger!.api.post(path, saml(providerName('No'))), await stranger!.api.delete(`${path}/${kept}`)]) {
      expectProblem(res, 404, 'not_found');
    }
    for (const res of [await call('GET', path), await call('POST', path, { body: saml(providerName('No')) }), await call('DELETE', `${path}/${kept}`)]) {
      expectGatewayAnswer(res, 401);
    }
    expect((await owner!.api.get(path)).body.items.map((p: { name: string }) => p.name)).toEqual([kept]);
    expect(await poolProvider(kept)).toBeDefined();
  });
});

describe('removing an identity provider', () => {
  it('is refused while a workspace requires SSO through it; then it leaves the client and the pool, and the name is free', async () => {
    const owner = await signedUp('idp-remove');
    const name = providerName('CorpSSO');
    expect((await owner.api.post(base(owner), saml(name))).status).toBe(201);
    const sso = viaSso(owner, name);
    const ws = await sso.post(`/orgs/${owner.orgId}/workspaces`, { name: 'Secure' });
    expect(ws.status, JSON.stringify(ws.body)).toBe(201);
    expect((await sso.patch(`/workspaces/${ws.body.id}`, { sso: { required: true, providerName: name } })).status).toBe(200);

    const refused = await sso.delete(`${base(owner)}/${name}`);
    expectProblem(refused, 409, 'conflict');
    expect(refused.body.detail).toContain('Secure');
    expect((await portalClient()).SupportedIdentityProviders).toContain(name);

    expect((await sso.patch(`/workspaces/${ws.body.id}`, { sso: null })).status).toBe(200);
    expect((await owner.api.delete(`${base(owner)}/${name}`)).status).toBe(204);
    expect((await portalClient()).SupportedIdentityProviders).not.toContain(name);
    expect(await poolProvider(name)).toBeUndefined();
    expect((await owner.api.get(base(owner))).body.items).toEqual([]);
    expectProblem(await owner.api.delete(`${base(owner)}/${name}`), 404, 'not_found');
    const audit = await owner.api.get(`/orgs/${owner.orgId}/audit`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('identity_provider.deleted');

    const other = await signedUp('idp-reuse');
    expect((await other.api.post(base(other), oidc(name))).status).toBe(201);
    expect((await poolProvider(name))!.ProviderType).toBe('OIDC');
  });
});

describe("the portal client's lease", () => {
  it('keeps every name when one organization adds several at once', async () => {
    const owner = await signedUp('idp-race');
    const names = [providerName('RaceA'), providerName('RaceB'), providerName('RaceC')];
    const answers = await Promise.all(names.map((name, i) => owner.api.post(base(owner), i % 2 ? oidc(name) : saml(name))));
    expect(answers.map((a) => a.status), JSON.stringify(answers.map((a) => a.body))).toEqual([201, 201, 201]);
    expect((await portalClient()).SupportedIdentityProviders).toEqual(expect.arrayContaining(names));
    const removed = await Promise.all(names.slice(0, 2).map((name) => owner.api.delete(`${base(owner)}/${name}`)));
    expect(removed.map((r) => r.status)).toEqual([204, 204]);
    const client = await portalClient();
    expect(client.SupportedIdentityProviders).toContain(names[2]);
    expect(client.SupportedIdentityProviders).not.toEqual(expect.arrayContaining([names[0]]));
    expect(client.SupportedIdentityProviders).not.toEqual(expect.arrayContaining([names[1]]));
  });
});
