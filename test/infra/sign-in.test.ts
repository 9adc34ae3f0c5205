/**
 * Sign-in methods from a deployment's config (infra/sign-in.example.json): the identity
 * providers with their attribute mappings and secrets as references only, the managed-login
 * domain, the portal client on authorization code (+ PKCE), the pre sign-up trigger with exactly
 * its two permissions, cdk-nag clean; and what the config schema refuses.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App, CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.js';
import { IDENTITY_PROVIDER_ACTIONS } from '../../infra/constructs/function.js';
import { PRE_SIGN_UP_ACTIONS } from '../../infra/constructs/identity.js';
import { SAML_CLAIMS } from '../../infra/constructs/sign-in-providers.js';
import { GITHUB_UNSUPPORTED, parseSignInConfig } from '../../infra/sign-in-config.js';
import type { TenancyStack } from '../../infra/stack.js';
import { DEFAULTS, createTenancyApp } from '../../infra/tenancy-app.js';
import { flatTemplateOf, synthContext, type CfnResource } from '../support/cdk.js';

const EXAMPLE = fileURLToPath(new URL('../../infra/sign-in.example.json', import.meta.url));
const example = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, any>;

const context = synthContext;


const id = (stack: TenancyStack, element: unknown): string => stack.getLogicalId(element as CfnElement);

function synth(extra: Record<string, unknown>): { app: App; stack: TenancyStack; template: Template; dir: string } {
  const { app, stack } = createTenancyApp({ context: { ...context, ...extra } });
  // The app carries cdk-nag's AwsSolutionsChecks: synth throws on any unacknowledged error.
  const assembly = app.synth();
  return { app, stack, template: flatTemplateOf(assembly.directory, stack).template, dir: assembly.directory };
}

describe('a deployment with the example sign-in config', () => {
  let app: App;
  let stack: TenancyStack;
  let template: Template;
  let dir: string;
  const providers = () => Object.entries(template.findResources('AWS::Cognito::UserPoolIdentityProvider')) as [string, CfnResource][];
  const provider = (name: string) => providers().find(([, p]) => p.Properties.ProviderName === name)![1].Properties;

  beforeAll(() => {
    ({ app, stack, template, dir } = synth({ signInConfig: EXAMPLE }));
  });

  it('federates every configured provider, and GitHub is not among them', () => {
    expect(providers().map(([, p]) => [p.Properties.ProviderName, p.Properties.ProviderType]).sort()).toEqual([
      ['CorpSAML', 'SAML'],
      ['Google', 'Google'],
      ['LinkedIn', 'OIDC'],
      ['Microsoft', 'OIDC'],
      ['PartnerOIDC', 'OIDC'],
      ['SignInWithApple', 'SignInWithApple'],
    ]);
    expect(provider('Microsoft').ProviderDetails.oidc_issuer).toBe(`https://login.microsoftonline.com/${example.social.microsoft.tenantId}/v2.0`);
    expect(provider('LinkedIn').ProviderDetails.oidc_issuer).toBe('https://www.linkedin.com/oauth');
    expect(provider('PartnerOIDC').ProviderDetails).toMatchObject({ oidc_issuer: 'https://login.partner.example', client_id: 'tenancy-portal' });
    expect(provider('CorpSAML')).toMatchObject({
      ProviderDetails: { MetadataURL: example.enterprise[0].metadataUrl },
      IdpIdentifiers: ['corp.example'],
    });
    expect(provider('Google').ProviderDetails).toMatchObject({ client_id: example.social.google.clientId, authorize_scopes: 'openid email profile' });
    expect(provider('SignInWithApple').ProviderDetails).toMatchObject({ client_id: 'com.example.portal.signin', team_id: 'ABCDE12345', key_id: 'KEY1234567' });
  });

  it('maps email, given_name and family_name for every provider, and email_verified where the provider asserts it', () => {
    for (const [, p] of providers()) {
      expect(Object.keys(p.Properties.AttributeMapping), p.Properties.ProviderName).toEqual(expect.arrayContaining(['email', 'given_name', 'family_name']));
    }
    expect(provider('Google').AttributeMapping).toEqual({ email: 'email', email_verified: 'email_verified', given_name: 'given_name', family_name: 'family_name' });
    expect(provider('SignInWithApple').AttributeMapping).toEqual({ email: 'email', email_verified: 'email_verified', given_name: 'firstName', family_name: 'lastName' });
    expect(provider('LinkedIn').AttributeMapping).toMatchObject({ email_verified: 'email_verified' });
    // Entra ID and SAML assert no email_verified: the trigger decides (trustEmail).
    expect(provider('Microsoft').AttributeMapping.email_verified).toBeUndefined();
    expect(provider('CorpSAML').AttributeMapping).toEqual({ email: SAML_CLAIMS.email, given_name: SAML_CLAIMS.givenName, family_name: SAML_CLAIMS.familyName });
  });

  it('holds no secret: each client secret and key is a Secrets Manager reference resolved at deploy time', () => {
    const secrets = providers().flatMap(([, p]) => ['client_secret', 'private_key'].filter((k) => k in p.Properties.ProviderDetails).map((k) => p.Properties.ProviderDetails[k] as unknown));
    expect(secrets).toEqual([
      '{{resolve:secretsmanager:tenancy/sign-in/google:SecretString:clientSecret::}}',
      '{{resolve:secretsmanager:tenancy/sign-in/apple-key:SecretString:::}}',
      '{{resolve:secretsmanager:tenancy/sign-in/microsoft:SecretString:clientSecret::}}',
      '{{resolve:secretsmanager:tenancy/sign-in/linkedin:SecretString:clientSecret::}}',
      `{{resolve:secretsmanager:${example.enterprise[1].clientSecret.secret}:SecretString:clientSecret::}}`,
    ]);
    expect(JSON.stringify(template.toJSON())).not.toMatch(/PRIVATE KEY|client_secret":"(?!\{\{resolve)/);
  });

  it('has the managed-login domain from the config, with a style for the portal client', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', { Domain: 'tenancy-acme', ManagedLoginVersion: 2 });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: { Ref: id(stack, stack.identity.portalClient.node.defaultChild) },
      UseCognitoProvidedValues: true,
    });
  });

  it('puts the portal client on the authorization code grant only, with the callback URLs and providers of the config', () => {
    const [clientId, client] = Object.entries(template.findResources('AWS::Cognito::UserPoolClient'))[0] as [string, CfnResource];
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: example.callbackUrls,
      LogoutURLs: example.logoutUrls,
      SupportedIdentityProviders: ['COGNITO', 'Google', 'SignInWithApple', 'Microsoft', 'LinkedIn', 'CorpSAML', 'PartnerOIDC'],
    });
    // Created after every provider it names.
    expect(client.DependsOn ?? [], clientId).toEqual(expect.arrayContaining(providers().map(([pid]) => pid)));
  });

  it('wires the pre sign-up trigger, allowed exactly ListUsers and AdminLinkProviderForUser on this pool', () => {
    const poolId = id(stack, stack.identity.userPool.node.defaultChild);
    const fnId = id(stack, stack.identity.preSignUp.function.node.defaultChild);
    const roleId = id(stack, stack.identity.preSignUp.function.role!.node.defaultChild);
    template.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: { 'Fn::GetAtt': [fnId, 'Arn'] } } });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] },
    });
    const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[])
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const cognito = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('cognito-idp:')));
    expect(cognito.map((s) => ({ ...s, Action: [s.Action].flat().sort() }))).toEqual([
      { Effect: 'Allow', Action: [...PRE_SIGN_UP_ACTIONS].sort(), Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } },
    ]);
    expect(PRE_SIGN_UP_ACTIONS).toEqual(['cognito-idp:ListUsers', 'cognito-idp:AdminLinkProviderForUser']);
    // Beyond them only its own logs and X-Ray: no table, no email, no secret.
    const others = statements.filter((s) => !cognito.includes(s)).flatMap((s) => [s.Action].flat());
    expect(others.filter((a) => !/^(logs|xray):/.test(a))).toEqual([]);
    // No other role in the template may call Cognito, but the identity-provider routes' functions
    // (their exact grants: identity-providers.test.ts).
    const idpRoles = new Set(
      routeList
        .filter((route) => route.permissions.identityProviders)
        .map((route) => id(stack, stack.functions.get(route.key)!.function.role!.node.defaultChild)),
    );
    expect(idpRoles.size).toBeGreaterThan(0);
    const cognitoPolicies = (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[]).filter((p) =>
      (p.Properties.PolicyDocument.Statement as { Action: string | string[] }[]).some((st) => [st.Action].flat().some((a) => a.startsWith('cognito-idp:'))),
    );
    for (const policy of cognitoPolicies) {
      const roles = (policy.Properties.Roles as { Ref: string }[]).map((r) => r.Ref);
      expect(roles.every((r) => r === roleId || idpRoles.has(r)), JSON.stringify(roles)).toBe(true);
    }
    const everyCognitoAction = new Set(
      cognitoPolicies
        .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
        .flatMap((st) => [st.Action].flat())
        .filter((a) => a.startsWith('cognito-idp:')),
    );
    expect([...everyCognitoAction].sort()).toEqual([...PRE_SIGN_UP_ACTIONS, ...IDENTITY_PROVIDER_ACTIONS].sort());
  });

  it('tells the trigger the providers and which of them own their addresses, and nothing of the API', () => {
    const fn = template.findResources('AWS::Lambda::Function')[id(stack, stack.identity.preSignUp.function.node.defaultChild)] as CfnResource;
    const env = fn.Properties.Environment.Variables as Record<string, string>;
    expect(JSON.parse(env.SIGN_IN_PROVIDERS!)).toEqual([
      { name: 'Google', trustEmail: false },
      { name: 'SignInWithApple', trustEmail: false },
      { name: 'Microsoft', trustEmail: false },
      { name: 'LinkedIn', trustEmail: false },
      { name: 'CorpSAML', trustEmail: true },
      { name: 'PartnerOIDC', trustEmail: true },
    ]);
    expect(Object.keys(env).sort()).toEqual(['NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'SIGN_IN_PROVIDERS']);
    expect(fn.Properties.Timeout).toBe(5);
  });

  it('passes cdk-nag AwsSolutions with the providers and the trigger', () => {
    const report = JSON.parse(readFileSync(join(dir, VALIDATION_REPORT_FILE), 'utf8')) as {
      pluginReports: { violations: { ruleName: string; severity: string }[] }[];
    };
    expect(report.pluginReports.flatMap((p) => p.violations).filter((v) => v.severity === 'error' || v.severity === 'fatal')).toEqual([]);
    // The same pack run directly on the tree, so an empty report cannot mean "never ran".
    const direct = new AwsSolutionsChecks(app).validateScope(app);
    expect(direct.violations.map((v) => `${v.ruleName} (${v.severity})`)).toEqual([]);
  });
});

describe('a deployment without sign-in config', () => {
  let template: Template;

  beforeAll(() => {
    ({ template } = synth({}));
  });

  it('offers email + password only, through managed login at an account-unique domain, calling back to the portal', () => {
    template.resourceCountIs('AWS::Cognito::UserPoolIdentityProvider', 0);
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Domain: { 'Fn::Join': ['', ['tenancy-', { Ref: 'AWS::AccountId' }]] },
      ManagedLoginVersion: 2,
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      AllowedOAuthFlows: ['code'],
      CallbackURLs: [`${DEFAULTS.portalUrl}/auth/callback`],
      LogoutURLs: [`${DEFAULTS.portalUrl}/`],
      SupportedIdentityProviders: ['COGNITO'],
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreSignUp: Match.anyValue() } });
  });
});

describe('the sign-in config', () => {
  const secret = { secret: 'tenancy/x' };
  const refused = (config: unknown): string => {
    try {
      parseSignInConfig(config);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('accepted');
  };

  it('accepts the example, and nothing at all', () => {
    expect(parseSignInConfig(example).enterprise).toHaveLength(2);
    expect(parseSignInConfig({})).toEqual({ social: {}, enterprise: [] });
  });

  it('refuses GitHub, saying why and what shim it would take', () => {
    expect(refused({ social: { github: { clientId: 'x', clientSecret: secret } } })).toContain(GITHUB_UNSUPPORTED);
    expect(GITHUB_UNSUPPORTED).toMatch(/OAuth 2\.0 without OpenID Connect/);
  });

  it('refuses a secret given as a value instead of a Secrets Manager reference', () => {
    expect(refused({ social: { google: { clientId: 'x', clientSecret: 'GOCSPX-literal' } } })).toContain('social.google.clientSecret');
  });

  it('refuses the Microsoft multi-tenant endpoints, an underscore or reserved name, twice the same name, http callbacks off localhost', () => {
    expect(refused({ social: { microsoft: { tenantId: 'common', clientId: 'x', clientSecret: secret } } })).toContain('social.microsoft.tenantId');
    const saml = { type: 'saml', metadataUrl: 'https://idp.example/metadata' };
    expect(refused({ enterprise: [{ ...saml, name: 'Corp_SAML' }] })).toContain('enterprise.0.name');
    expect(refused({ enterprise: [{ ...saml, name: 'Google' }] })).toContain('reserves');
    expect(refused({ enterprise: [{ ...saml, name: 'Corp' }, { ...saml, name: 'corp' }] })).toContain('unique');
    expect(refused({ callbackUrls: ['http://portal.example.com/cb'] })).toContain('callbackUrls.0');
    expect(parseSignInConfig({ callbackUrls: ['http://localhost:5173/auth/callback'] }).callbackUrls).toHaveLength(1);
    expect(refused({ enterprise: [{ ...saml, name: 'Corp', metadataUrl: 'http://idp.example/metadata' }] })).toContain('must be https');
  });
});
