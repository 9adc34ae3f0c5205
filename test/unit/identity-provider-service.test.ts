/**
 * The identity-provider operations against mocked DynamoDB and Cognito (aws-sdk-client-mock):
 * the order of the calls, what UpdateUserPoolClient is given back, and the undo of every failure
 * that cognito-local cannot produce (throttling, a lease that stays taken, a duplicate in the pool).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DeleteCommand, DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import {
  type UserPoolClientType,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  DuplicateProviderException,
  InvalidParameterException,
  ResourceNotFoundException,
  TooManyRequestsException,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { handler as create } from '#functions/identity-providers/create.js';
import { handler as remove } from '#functions/identity-providers/delete.js';
import { context, event, idClaims, json } from '../support/events.js';

process.env.USER_POOL_ID = 'us-east-1_Pool';
process.env.PORTAL_CLIENT_ID = 'portal-client';
process.env.RESERVED_PROVIDER_NAMES = 'CorpGoogle, Entra';

const TABLE = 'tenancy-unit';
const ORG = '11111111-1111-4111-8111-111111111111';
const ME = 'me-1';
const AT = '2026-01-01T00:00:00.000Z';
const ddb = mockClient(DynamoDBDocumentClient);
const idp = mockClient(CognitoIdentityProviderClient);

const org = { PK: `ORG#${ORG}`, SK: 'META', id: ORG, name: 'Acme', plan: 'pro', ownerId: ME, createdAt: AT, version: 1 };
const member = { PK: `ORG#${ORG}`, SK: `MEMBER#${ME}`, orgId: ORG, userId: ME, role: 'admin', email: 'me@example.com', memberSince: AT, workspaces: {}, version: 1 };
const profile = { PK: `USER#${ME}`, SK: 'PROFILE', id: ME, email: 'me@example.com', givenName: 'M', familyName: 'E', orgRoles: { [ORG]: 'admin' }, createdAt: AT, version: 1 };
const providerItem = {
  PK: `ORG#${ORG}`, SK: 'IDP#CorpSAML', type: 'IdentityProvider', providerType: 'SAML', orgId: ORG, name: 'CorpSAML', status: 'active',
  metadataUrl: 'https://idp.example.com/m', attributeMapping: {}, createdAt: AT, createdBy: ME,
};
/** The portal client as DescribeUserPoolClient answers it, read-only fields included. */
const portal = {
  UserPoolId: 'us-east-1_Pool', ClientId: 'portal-client', ClientName: 'PortalClient', ClientSecret: 'never-sent-back',
  CreationDate: new Date(AT), LastModifiedDate: new Date(AT), ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH'], SupportedIdentityProviders: ['COGNITO'],
  CallbackURLs: ['https://portal.example.com/cb'], AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], AllowedOAuthFlowsUserPoolClient: true,
  IdTokenValidity: 60, TokenValidityUnits: { IdToken: 'minutes' }, PreventUserExistenceErrors: 'ENABLED', EnableTokenRevocation: true,
} satisfies UserPoolClientType;

const cognitoCalls = () => idp.calls().map((c) => (c.args[0] as object).constructor.name.replace('Command', ''));
const dynamoCalls = () => ddb.calls().map((c) => (c.args[0] as object).constructor.name.replace('Command', ''));
const transactItems = (n: number) => ddb.commandCalls(TransactWriteCommand)[n]!.args[0].input.TransactItems!;

const post = (body: unknown) =>
  create(event({ method: 'POST', path: `/orgs/${ORG}/identity-providers`, pathParameters: { orgId: ORG }, body, claims: idClaims(ME, 'me@example.com') }), context()) as Promise<{ statusCode: number; body?: string; headers?: Record<string, string> }>;
const del = (name: string) =>
  remove(event({ method: 'DELETE', path: `/orgs/${ORG}/identity-providers/${name}`, pathParameters: { orgId: ORG, name }, claims: idClaims(ME, 'me@example.com') }), context()) as Promise<{ statusCode: number; body?: string }>;

const samlBody = { name: 'CorpSAML', type: 'SAML', metadataUrl: 'https://idp.example.com/m' };
const oidcBody = { name: 'Okta', type: 'OIDC', issuer: 'https://corp.okta.com', clientId: 'cid', clientSecret: 'top-secret' };

beforeEach(() => {
  ddb.reset();
  idp.reset();
  ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [org, member, profile] } });
  ddb.on(TransactWriteCommand).resolves({});
  ddb.on(PutCommand).resolves({});
  ddb.on(DeleteCommand).resolves({});
  idp.on(CreateIdentityProviderCommand).resolves({});
  idp.on(DescribeUserPoolClientCommand).resolves({ UserPoolClient: { ...portal } });
  idp.on(UpdateUserPoolClientCommand).resolves({});
  idp.on(DescribeIdentityProviderCommand).resolves({ IdentityProvider: { ProviderName: 'CorpSAML', ProviderType: 'SAML', ProviderDetails: { MetadataURL: 'https://idp.example.com/m' } } });
  idp.on(DeleteIdentityProviderCommand).resolves({});
});

describe('POST /orgs/{orgId}/identity-providers', () => {
  it('claims, creates, enables on the portal client under the lease, then activates', async () => {
    const res = await post(oidcBody);
    expect(res.statusCode, res.body).toBe(201);
    expect(dynamoCalls()).toEqual(['BatchGet', 'TransactWrite', 'Put', 'TransactWrite']);
    expect(cognitoCalls()).toEqual(['CreateIdentityProvider', 'DescribeUserPoolClient', 'UpdateUserPoolClient']);
    expect(idp.commandCalls(CreateIdentityProviderCommand)[0]!.args[0].input).toEqual({
      UserPoolId: 'us-east-1_Pool', ProviderName: 'Okta', ProviderType: 'OIDC',
      ProviderDetails: { client_id: 'cid', client_secret: 'top-secret', authorize_scopes: 'openid email profile', oidc_issuer: 'https://corp.okta.com', attributes_request_method: 'GET' },
      AttributeMapping: { email: 'email', email_verified: 'email_verified', given_name: 'given_name', family_name: 'family_name' },
    });
    // UpdateUserPoolClient replaces the configuration: everything read goes back but the read-only fields.
    const { ClientSecret: _s, CreationDate: _c, LastModifiedDate: _m, ...settings } = portal;
    expect(idp.commandCalls(UpdateUserPoolClientCommand)[0]!.args[0].input).toEqual({ ...settings, SupportedIdentityProviders: ['COGNITO', 'Okta'] });
    // The claim and the pending provider in one transaction, each only if new; nothing secret stored.
    expect(transactItems(0).map((i) => [i.Put!.Item!.PK, i.Put!.ConditionExpression])).toEqual([
      ['IDPNAME#okta', 'attribute_not_exists(PK)'],
      [`ORG#${ORG}`, 'attribute_not_exists(PK)'],
    ]);
    expect(JSON.stringify(ddb.calls().map((c) => c.args[0].input))).not.toContain('top-secret');
    // Active, the audit event and the lease given back, together.
    expect(transactItems(1).map((i) => Object.keys(i)[0])).toEqual(['Update', 'Update', 'Put', 'Delete']);
    expect(transactItems(1)[3]!.Delete!.Key).toEqual({ PK: 'LEASE#PORTALCLIENT', SK: 'LEASE' });
    expect(json(res as never)).toMatchObject({ name: 'Okta', status: 'active', clientId: 'cid' });
    expect(res.body).not.toContain('top-secret');
  });

  it("refuses the deployment's own provider names (RESERVED_PROVIDER_NAMES) before anything is written", async () => {
    const res = await post({ ...samlBody, name: 'entra' });
    expect(res.statusCode).toBe(400);
    expect(json(res as never).errors).toEqual([{ path: 'body.name', message: expect.stringContaining("deployment's own") }]);
    expect(dynamoCalls()).toEqual(['BatchGet']);
    expect(cognitoCalls()).toEqual([]);
  });

  it('answers a taken name 409 without calling Cognito', async () => {
    ddb.on(TransactWriteCommand).rejects(Object.assign(new Error('cancelled'), { name: 'TransactionCanceledException', CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }] }));
    const res = await post(samlBody);
    expect(res.statusCode).toBe(409);
    expect(json(res as never).code).toBe('conflict');
    expect(cognitoCalls()).toEqual([]);
  });

  it("answers Cognito's InvalidParameterException 400 with its message and frees the name", async () => {
    idp.on(CreateIdentityProviderCommand).rejects(new InvalidParameterException({ message: 'Could not retrieve metadata', $metadata: {} }));
    idp.on(DescribeIdentityProviderCommand).rejects(new ResourceNotFoundException({ message: 'none', $metadata: {} }));
    const res = await post(samlBody);
    expect(res.statusCode).toBe(400);
    expect(json(res as never)).toMatchObject({ code: 'bad_request', detail: expect.stringContaining('Could not retrieve metadata') });
    expect(cognitoCalls()).toEqual(['CreateIdentityProvider', 'DescribeIdentityProvider']);
    expect(transactItems(1).map((i) => i.Delete!.Key)).toEqual([{ PK: 'IDPNAME#corpsaml', SK: 'IDPNAME' }, { PK: `ORG#${ORG}`, SK: 'IDP#CorpSAML' }]);
  });

  it("answers DuplicateProviderException 409 and never deletes the pool's provider of that name", async () => {
    idp.on(CreateIdentityProviderCommand).rejects(new DuplicateProviderException({ message: 'exists', $metadata: {} }));
    const res = await post(samlBody);
    expect(res.statusCode).toBe(409);
    expect(cognitoCalls()).toEqual(['CreateIdentityProvider']);
    expect(dynamoCalls()).toEqual(['BatchGet', 'TransactWrite', 'TransactWrite']);
  });

  it('undoes everything when the portal client cannot be changed: 503, provider deleted, name freed, lease given back', async () => {
    idp.on(UpdateUserPoolClientCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: {} }));
    const res = await post(samlBody);
    expect(res.statusCode).toBe(503);
    expect(res.headers?.['Retry-After']).toBeDefined();
    expect(cognitoCalls()).toEqual(['CreateIdentityProvider', 'DescribeUserPoolClient', 'UpdateUserPoolClient', 'DescribeIdentityProvider', 'DeleteIdentityProvider']);
    expect(dynamoCalls()).toEqual(['BatchGet', 'TransactWrite', 'Put', 'TransactWrite', 'Delete']);
    expect(ddb.commandCalls(DeleteCommand)[0]!.args[0].input.Key).toEqual({ PK: 'LEASE#PORTALCLIENT', SK: 'LEASE' });
  });

  it('answers 503 with Retry-After when the lease stays taken, and undoes the create', async () => {
    ddb.on(PutCommand).rejects(Object.assign(new Error('taken'), { name: 'ConditionalCheckFailedException' }));
    const res = await post(samlBody);
    expect(res.statusCode).toBe(503);
    expect(json(res as never).code).toBe('unavailable');
    expect(res.headers?.['Retry-After']).toBe('1');
    expect(ddb.commandCalls(PutCommand).length).toBeGreaterThan(3);
    expect(cognitoCalls()).toEqual(['CreateIdentityProvider', 'DescribeIdentityProvider', 'DeleteIdentityProvider']);
  }, 10_000);

  it('leaves a provider it could not delete pending, for DELETE to finish', async () => {
    idp.on(UpdateUserPoolClientCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: {} }));
    idp.on(DeleteIdentityProviderCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: {} }));
    const res = await post(samlBody);
    expect(res.statusCode).toBe(503);
    // Only the claim's transaction: the name is not freed while the pool may still hold the provider.
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});

describe('DELETE /orgs/{orgId}/identity-providers/{name}', () => {
  beforeEach(() => {
    ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [org, member, profile, providerItem] } });
    idp.on(DescribeUserPoolClientCommand).resolves({ UserPoolClient: { ...portal, SupportedIdentityProviders: ['COGNITO', 'CorpSAML'] } });
    ddb.on(QueryCommand).resolves({ Items: [{ PK: 'WS#w', SK: 'META', id: 'w', orgId: ORG, name: 'Plain', sso: null }] });
  });

  it('takes the provider off the client, deletes it from the pool and removes the items', async () => {
    const res = await del('CorpSAML');
    expect(res.statusCode, res.body).toBe(204);
    expect(dynamoCalls()).toEqual(['BatchGet', 'Query', 'Put', 'TransactWrite']);
    expect(cognitoCalls()).toEqual(['DescribeIdentityProvider', 'DescribeUserPoolClient', 'UpdateUserPoolClient', 'DeleteIdentityProvider']);
    expect(idp.commandCalls(UpdateUserPoolClientCommand)[0]!.args[0].input.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(transactItems(0).map((i) => Object.keys(i)[0])).toEqual(['Delete', 'Delete', 'Put', 'Delete']);
  });

  it('is refused 409 while a workspace requires SSO through it, touching nothing', async () => {
    ddb.on(QueryCommand).resolves({ Items: [{ PK: 'WS#w', SK: 'META', id: 'w', orgId: ORG, name: 'Secure', sso: { required: true, providerName: 'CorpSAML' } }] });
    const res = await del('CorpSAML');
    expect(res.statusCode).toBe(409);
    expect(json(res as never).detail).toContain('Secure');
    expect(cognitoCalls()).toEqual([]);
    expect(dynamoCalls()).toEqual(['BatchGet', 'Query']);
  });

  it('finishes a removal that stopped half-way (already gone from the pool and the client)', async () => {
    idp.on(DescribeIdentityProviderCommand).rejects(new ResourceNotFoundException({ message: 'none', $metadata: {} }));
    idp.on(DescribeUserPoolClientCommand).resolves({ UserPoolClient: { ...portal } });
    const res = await del('CorpSAML');
    expect(res.statusCode).toBe(204);
    expect(cognitoCalls()).toEqual(['DescribeIdentityProvider', 'DescribeUserPoolClient']);
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });

  it("leaves a pool provider of that name that is not the one registered (the deployment's own) alone", async () => {
    idp.on(DescribeIdentityProviderCommand).resolves({ IdentityProvider: { ProviderName: 'CorpSAML', ProviderType: 'OIDC', ProviderDetails: { oidc_issuer: 'https://elsewhere' } } });
    const res = await del('CorpSAML');
    expect(res.statusCode).toBe(204);
    expect(cognitoCalls()).toEqual(['DescribeIdentityProvider']);
  });

  it('answers 404 for a provider the organization does not have', async () => {
    ddb.on(BatchGetCommand).resolves({ Responses: { [TABLE]: [org, member, profile] } });
    const res = await del('Nope-123');
    expect(res.statusCode).toBe(404);
    expect(cognitoCalls()).toEqual([]);
  });
});
