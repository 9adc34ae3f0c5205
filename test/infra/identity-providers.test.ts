/**
 * The identity-provider routes' grants (issue 12): exactly five Cognito actions, on the user pool
 * alone, for the rows whose `permissions.identityProviders` is set, and the pool's ids in their
 * environment; no other function gets either. The full stack's cdk-nag run is in stack.test.ts.
 */
import { readFileSync } from 'node:fs';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.js';
import { IDENTITY_PROVIDER_ACTIONS } from '../../infra/constructs/function.js';
import { TenancyStack } from '../../infra/stack.js';
import { DEFAULTS } from '../../infra/tenancy-app.js';
import { flatTemplateOf } from '../support/cdk.js';

const context: Record<string, unknown> = {
  ...(JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: object }).context,
  'aws:cdk:bundling-stacks': [],
};

interface Statement {
  Action: string | string[];
  Resource: unknown;
  Effect: string;
}

const IDP_ROUTES = ['GET /orgs/{orgId}/identity-providers', 'POST /orgs/{orgId}/identity-providers', 'DELETE /orgs/{orgId}/identity-providers/{name}'];

describe('identity-provider grants', () => {
  let stack: TenancyStack;
  let template: Template;
  const rows = routeList.filter((r) => IDP_ROUTES.includes(r.key) || r.key === 'GET /orgs/{orgId}/audit');

  const statementsOf = (routeKey: string): Statement[] => {
    const fn = stack.functions.get(routeKey)!.function;
    const roleId = stack.getLogicalId(fn.role!.node.defaultChild as CfnElement);
    return Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
  };
  const cognitoStatements = (routeKey: string) =>
    statementsOf(routeKey).filter((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]).some((a) => a.startsWith('cognito-idp:')));
  const environmentOf = (routeKey: string): Record<string, unknown> => {
    const id = stack.getLogicalId(stack.functions.get(routeKey)!.function.node.defaultChild as CfnElement);
    return template.toJSON().Resources[id].Properties.Environment.Variables;
  };

  beforeAll(() => {
    const app = new App({ context });
    stack = new TenancyStack(app, 'IdentityProviderGrants', {
      portalUrl: DEFAULTS.portalUrl,
      emailFrom: DEFAULTS.emailFrom,
      reservedProviderNames: ['CorpGoogle', 'Entra'],
      routes: rows,
    });
    template = flatTemplateOf(app.synth().directory, stack).template;
  });

  it('is asked for by exactly the routes that change the pool', () => {
    expect(routeList.filter((r) => r.permissions.identityProviders).map((r) => r.key).sort()).toEqual([
      'DELETE /orgs/{orgId}/identity-providers/{name}',
      'POST /orgs/{orgId}/identity-providers',
    ]);
  });

  it.each(['POST /orgs/{orgId}/identity-providers', 'DELETE /orgs/{orgId}/identity-providers/{name}'])(
    '%s may do exactly the five provider actions, on the user pool only',
    (key) => {
      const userPoolId = stack.getLogicalId(stack.identity.userPool.node.defaultChild as CfnElement);
      expect(cognitoStatements(key)).toEqual([
        { Effect: 'Allow', Action: [...IDENTITY_PROVIDER_ACTIONS], Resource: { 'Fn::GetAtt': [userPoolId, 'Arn'] } },
      ]);
    },
  );

  it.each(['GET /orgs/{orgId}/identity-providers', 'GET /orgs/{orgId}/audit'])('%s may do nothing in Cognito', (key) => {
    expect(cognitoStatements(key)).toEqual([]);
  });

  it('hands the pool, the portal client and the reserved names to those functions only', () => {
    const userPoolId = stack.getLogicalId(stack.identity.userPool.node.defaultChild as CfnElement);
    const clientId = stack.getLogicalId(stack.identity.portalClient.node.defaultChild as CfnElement);
    for (const key of ['POST /orgs/{orgId}/identity-providers', 'DELETE /orgs/{orgId}/identity-providers/{name}']) {
      expect(environmentOf(key), key).toMatchObject({
        USER_POOL_ID: { Ref: userPoolId },
        PORTAL_CLIENT_ID: { Ref: clientId },
        RESERVED_PROVIDER_NAMES: 'CorpGoogle,Entra',
      });
    }
    for (const key of ['GET /orgs/{orgId}/identity-providers', 'GET /orgs/{orgId}/audit']) {
      expect(Object.keys(environmentOf(key)), key).not.toEqual(expect.arrayContaining(['USER_POOL_ID']));
      expect(Object.keys(environmentOf(key)), key).not.toContain('PORTAL_CLIENT_ID');
    }
  });

  it('leaves cdk-nag nothing to report on these functions', () => {
    const direct = new AwsSolutionsChecks(stack).validateScope(stack);
    const errors = direct.violations.filter((v) => v.severity === 'error' || v.severity === 'fatal');
    expect(errors.map((v) => `${v.ruleName} ${v.violatingResources.map((r) => r.locations.join('/')).join(', ')}`)).toEqual([]);
  });
});
