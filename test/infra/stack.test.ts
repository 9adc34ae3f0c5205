import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, NestedStack, Stack, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { VALIDATION_REPORT_FILE } from 'aws-cdk-lib/cx-api';
import { AwsSolutionsChecks } from 'cdk-nag';
import { beforeAll, describe, expect, it } from 'vitest';
import { routeList } from '#functions/routes.js';
import { API_FUNCTION, AWS_LIMITS, DEVICE_THROTTLE, THROTTLE } from '../../infra/api-settings.js';
import { corsPolicy } from '../../infra/cors.js';
import type { TenancyFunction } from '../../infra/constructs/function.js';
import { TenancyStack } from '../../infra/stack.js';
import { DEFAULTS, createTenancyApp } from '../../infra/tenancy-app.js';
import type { Route } from '#http/route.js';
import { TABLE } from '#db/table.js';
import { flatTemplateOf, synthContext, tenancyFunctions, type CfnResource } from '../support/cdk.js';

const context = synthContext;


const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'];
const SEND_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

function logicalId(stack: TenancyStack, element: unknown): string {
  return stack.getLogicalId(element as CfnElement);
}

/** Every IAM action granted to the role of the function behind `routeKey`. */
function actionsOf(template: Template, stack: TenancyStack, routeKey: string): string[] {
  return actionsOfFunction(template, stack, stack.functions.get(routeKey)!);
}

/** Every IAM action granted to the role of `tenancyFunction`. */
function actionsOfFunction(template: Template, stack: TenancyStack, tenancyFunction: TenancyFunction): string[] {
  const fn = tenancyFunction.function;
  const roleId = logicalId(stack, fn.role!.node.defaultChild);
  const policies = Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[];
  return policies
    .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
    .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
    .flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

describe('TenancyStack', () => {
  let app: App;
  let stack: TenancyStack;
  let template: Template;
  let templates: Map<Stack, { Resources: Record<string, unknown> }>;
  let assemblyDir: string;

  beforeAll(() => {
    ({ app, stack } = createTenancyApp({ context }));
    // The app carries cdk-nag's AwsSolutionsChecks: synth throws on any unacknowledged error.
    const assembly = app.synth();
    assemblyDir = assembly.directory;
    ({ template, templates } = flatTemplateOf(assembly.directory, stack));
  });

  it('keeps every template well under CloudFormation\'s 500 resources: the routes sit in one nested stack per tag', () => {
    expect(templates.size).toBe(1 + new Set(routeList.map((r) => r.tag)).size);
    for (const [of, own] of templates) expect(Object.keys(own.Resources).length, of.node.path).toBeLessThanOrEqual(AWS_LIMITS.resourcesPerStack * 0.8);
    for (const row of routeList) expect(Stack.of(stack.functions.get(row.key)!), row.key).toBeInstanceOf(NestedStack);
  });

  describe('API routes', () => {
    const routes = () => Object.entries(template.findResources('AWS::ApiGatewayV2::Route')) as [string, CfnResource][];
    const integrations = () => template.findResources('AWS::ApiGatewayV2::Integration') as Record<string, CfnResource>;

    it('has exactly one route per row of the route table and no other', () => {
      const keys = routes().map(([, r]) => r.Properties.RouteKey as string);
      expect(keys.sort()).toEqual(routeList.map((r) => r.key).sort());
    });

    it.each(routeList.map((r) => [r.key, r] as const))('%s invokes its own function', (key) => {
      const [, route] = routes().find(([, r]) => r.Properties.RouteKey === key)!;
      const integrationId = route.Properties.Target['Fn::Join'][1][1].Ref as string;
      const functionId = integrations()[integrationId]!.Properties.IntegrationUri['Fn::GetAtt'][0] as string;
      expect(functionId).toBe(logicalId(stack, stack.functions.get(key)!.function.node.defaultChild));
    });

    it('gives every route a distinct function', () => {
      const targets = Object.values(integrations()).map((i) => i.Properties.IntegrationUri['Fn::GetAtt'][0]);
      expect(new Set(targets).size).toBe(routeList.length);
      // One per route, plus the scheduled sweep (asserted below to be behind no route), the user
      // pool's pre sign-up trigger (test/infra/sign-in.test.ts), the change feed's publisher and the
      // webhook retry job (test/infra/integrations.test.ts); and CDK's own handler of the portal's
      // BucketDeployment, apart.
      expect(tenancyFunctions(template)).toHaveLength(routeList.length + 4);
      template.resourceCountIs('AWS::Lambda::Function', routeList.length + 5);
    });

    it('puts the JWT authorizer on every auth:user route and none on auth:none routes', () => {
      const [authorizerId] = Object.keys(template.findResources('AWS::ApiGatewayV2::Authorizer'));
      for (const row of routeList) {
        const [, route] = routes().find(([, r]) => r.Properties.RouteKey === row.key)!;
        if (row.auth === 'user') {
          expect(route.Properties, row.key).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } });
        } else {
          expect(route.Properties.AuthorizationType, row.key).toBe('NONE');
          expect(route.Properties.AuthorizerId, row.key).toBeUndefined();
        }
      }
    });

    it('accepts only ID tokens of the portal client, issued by the user pool', () => {
      const userPoolId = logicalId(stack, stack.identity.userPool.node.defaultChild);
      template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
      template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
        AuthorizerType: 'JWT',
        IdentitySource: ['$request.header.Authorization'],
        JwtConfiguration: {
          Audience: [{ Ref: logicalId(stack, stack.identity.portalClient.node.defaultChild) }],
          Issuer: {
            'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: userPoolId }]],
          },
        },
      });
    });

    it('logs every request as JSON to a log group with retention', () => {
      const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as CfnResource;
      const settings = stage.Properties.AccessLogSettings;
      expect(settings.DestinationArn).toEqual({ 'Fn::GetAtt': [logicalId(stack, stack.api.accessLogs.node.defaultChild), 'Arn'] });
      const fields = Object.keys(JSON.parse(settings.Format as string) as object);
      expect(fields).toEqual(expect.arrayContaining(['requestId', 'routeKey', 'status', 'latency', 'integrationError']));
      template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
    });

    it('throttles the default stage', () => {
      template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
        StageName: '$default',
        AutoDeploy: true,
        DefaultRouteSettings: { ThrottlingRateLimit: THROTTLE.rateLimit, ThrottlingBurstLimit: THROTTLE.burstLimit },
      });
    });

    it('puts no JWT authorizer on device routes and throttles each of them on its own', () => {
      const deviceRows = routeList.filter((r) => r.auth === 'device');
      expect(deviceRows.map((r) => r.key)).toContain('POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}');
      const [stageId, stage] = Object.entries(template.findResources('AWS::ApiGatewayV2::Stage'))[0] as [string, CfnResource & { DependsOn?: string[] }];
      for (const row of deviceRows) {
        const [routeId, route] = routes().find(([, r]) => r.Properties.RouteKey === row.key)!;
        expect(route.Properties.AuthorizationType, row.key).toBe('NONE');
        expect(route.Properties.AuthorizerId, row.key).toBeUndefined();
        expect(stage.Properties.RouteSettings?.[row.key], row.key).toEqual({
          ThrottlingRateLimit: DEVICE_THROTTLE.rateLimit,
          ThrottlingBurstLimit: DEVICE_THROTTLE.burstLimit,
        });
        // The stage names the route in its settings, so the route must exist before the stage deploys.
        expect(stage.DependsOn ?? [], `${stageId} depends on ${routeId}`).toContain(routeId);
      }
      const userRoute = routeList.find((r) => r.auth === 'user')!;
      expect(stage.Properties.RouteSettings?.[userRoute.key]).toBeUndefined();
    });

    it('takes its CORS from the one definition the local gateway applies (infra/cors.ts): the portal only, Retry-After readable', () => {
      const cors = corsPolicy(DEFAULTS.portalUrl);
      const [api] = Object.values(template.findResources('AWS::ApiGatewayV2::Api')) as CfnResource[];
      expect(api!.Properties.CorsConfiguration).toEqual({
        AllowOrigins: cors.allowOrigins,
        AllowMethods: cors.allowMethods,
        AllowHeaders: cors.allowHeaders,
        ExposeHeaders: cors.exposeHeaders,
        AllowCredentials: cors.allowCredentials,
        MaxAge: cors.maxAgeSeconds,
      });
      expect(cors.allowOrigins).toEqual([DEFAULTS.portalUrl]);
      expect(cors.allowHeaders).toEqual(expect.arrayContaining(['authorization', 'content-type', 'if-match', 'idempotency-key']));
      expect(cors.exposeHeaders).toEqual(expect.arrayContaining(['etag', 'location', 'retry-after']));
      // Every method of the route table, and the preflight's.
      expect(cors.allowMethods).toEqual(expect.arrayContaining([...new Set(routeList.map((r) => r.method)), 'OPTIONS']));
    });

    it("gives every route's function the timeout and memory the local gateway runs it with (infra/api-settings.ts)", () => {
      for (const row of routeList) {
        const fn = stack.functions.get(row.key)!.function.node.defaultChild as CfnElement;
        const [, resource] = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) => id === logicalId(stack, fn))! as [string, CfnResource];
        expect(resource.Properties.Timeout, row.key).toBe(API_FUNCTION.timeoutSeconds);
        expect(resource.Properties.MemorySize, row.key).toBe(API_FUNCTION.memoryMb);
      }
      expect(API_FUNCTION.timeoutSeconds).toBeLessThan(AWS_LIMITS.integrationTimeoutSeconds);
    });
  });

  describe('table', () => {
    it('is built from TABLE: keys, GSIs with ALL projection, TTL', () => {
      const indexes = Object.values(TABLE.indexes);
      template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
        KeySchema: [
          { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayWith(
          [TABLE.partitionKey, TABLE.sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]
            .map((name) => ({ AttributeName: name, AttributeType: 'S' })),
        ),
        GlobalSecondaryIndexes: indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      });
    });

    it('is on-demand, point-in-time recoverable, deletion-protected and retained', () => {
      template.hasResource('AWS::DynamoDB::GlobalTable', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          BillingMode: 'PAY_PER_REQUEST',
          Replicas: [Match.objectLike({
            DeletionProtectionEnabled: true,
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
          })],
        }),
      });
    });
  });

  describe('identity', () => {
    it('signs users up by email with a strong password policy, and keeps them on stack deletion', () => {
      template.hasResource('AWS::Cognito::UserPool', {
        DeletionPolicy: 'Retain',
        Properties: Match.objectLike({
          UsernameAttributes: ['email'],
          AutoVerifiedAttributes: ['email'],
          AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
          DeletionProtection: 'ACTIVE',
          Policies: {
            PasswordPolicy: Match.objectLike({
              MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true,
            }),
          },
        }),
      });
    });

    it('has a secretless portal client with SRP and password auth, and the operators group', () => {
      template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH']),
        // Managed login by authorization code (+ PKCE), never the implicit grant (sign-in.test.ts).
        AllowedOAuthFlows: ['code'],
      });
      template.hasResourceProperties('AWS::Cognito::UserPoolGroup', { GroupName: 'platform-operators' });
    });
  });

  describe('functions', () => {
    const functions = () => tenancyFunctions(template);

    it('run Node.js 22 or newer on arm64 with active tracing', () => {
      for (const [id, fn] of functions()) {
        const major = Number(/^nodejs(\d+)\.x$/.exec(fn.Properties.Runtime as string)?.[1]);
        expect(major, id).toBeGreaterThanOrEqual(22);
        expect(fn.Properties.Architectures, id).toEqual(['arm64']);
        expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
        expect(fn.Properties.LoggingConfig.LogGroup, id).toBeDefined();
      }
    });

    it('get the configuration shared/config.ts reads, the cursor key only as a deploy-time reference', () => {
      // The pre sign-up trigger reads none of it, and gets none of it (sign-in.test.ts).
      const trigger = logicalId(stack, stack.identity.preSignUp.function.node.defaultChild);
      for (const [id, fn] of functions().filter(([id]) => id !== trigger)) {
        const env = fn.Properties.Environment.Variables as Record<string, unknown>;
        expect(env, id).toMatchObject({
          TABLE_NAME: { Ref: logicalId(stack, stack.data.table.node.defaultChild) },
          PORTAL_URL: DEFAULTS.portalUrl,
          EMAIL_FROM: DEFAULTS.emailFrom,
          POWERTOOLS_SERVICE_NAME: expect.any(String),
          NODE_OPTIONS: '--enable-source-maps',
        });
        expect(JSON.stringify(env.CURSOR_SECRET), id).toMatch(/^\{"Fn::Join":\["",\["\{\{resolve:secretsmanager:",\{"Ref":"CursorSecret[0-9A-F]+"\},":SecretString:::\}\}"\]\]\}$/);
      }
    });

    it.each(routeList.map((r) => [r.key, r] as const))('%s gets exactly the table access its row asks for', (key, row) => {
      const actions = actionsOf(template, stack, key);
      if (row.permissions.table === undefined) expect(actions.filter((a) => a.startsWith('dynamodb:'))).toEqual([]);
      if (row.permissions.table === 'read') {
        expect(actions).toContain('dynamodb:Query');
        expect(actions.filter((a) => WRITE_ACTIONS.includes(a))).toEqual([]);
      }
      if (row.permissions.table === 'readWrite') expect(actions).toEqual(expect.arrayContaining(WRITE_ACTIONS));
      if (row.permissions.email !== true) expect(actions.filter((a) => a.startsWith('ses:'))).toEqual([]);
    });
  });

  describe('trial sweep schedule', () => {
    const sweepId = () => logicalId(stack, stack.schedules.sweep.function.node.defaultChild);
    const queueId = () => logicalId(stack, stack.schedules.sweepDeadLetters.node.defaultChild);

    it('runs the sweep function hourly, with retries and a dead-letter queue', () => {
      // Its own rule; the other is the webhook retry job's (test/infra/integrations.test.ts).
      const rules = (Object.values(template.findResources('AWS::Events::Rule')) as CfnResource[]).filter((r) => r.Properties.ScheduleExpression === 'rate(1 hour)');
      expect(rules).toHaveLength(1);
      expect(rules[0]!.Properties).toMatchObject({
        ScheduleExpression: 'rate(1 hour)',
        State: 'ENABLED',
        Targets: [{
          Arn: { 'Fn::GetAtt': [sweepId(), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queueId(), 'Arn'] } },
        }],
      });
      // EventBridge may invoke it, and only from this rule.
      template.hasResourceProperties('AWS::Lambda::Permission', {
        Action: 'lambda:InvokeFunction',
        FunctionName: { 'Fn::GetAtt': [sweepId(), 'Arn'] },
        Principal: 'events.amazonaws.com',
        SourceArn: { 'Fn::GetAtt': [logicalId(stack, stack.schedules.sweepRule.node.defaultChild), 'Arn'] },
      });
    });

    it('sends runs that fail after Lambda\'s retries to the same encrypted, TLS-only queue', () => {
      const fn = template.findResources('AWS::Lambda::Function')[sweepId()] as CfnResource;
      expect(fn.Properties.DeadLetterConfig).toEqual({ TargetArn: { 'Fn::GetAtt': [queueId(), 'Arn'] } });
      expect(fn.Properties.Handler).toBe('index.handler');
      template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
        FunctionName: { Ref: sweepId() },
        MaximumRetryAttempts: 2,
        MaximumEventAgeInSeconds: 3600,
      });
      template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: queueId() }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
            Match.objectLike({ Effect: 'Allow', Action: 'sqs:SendMessage', Principal: { Service: 'events.amazonaws.com' } }),
          ]),
        },
      });
    });

    it('may read and write the table and send email', () => {
      const actions = actionsOfFunction(template, stack, stack.schedules.sweep);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', ...WRITE_ACTIONS, 'ses:SendEmail']));
    });

    it('is behind no API route', () => {
      expect([...stack.functions.values()]).not.toContain(stack.schedules.sweep);
      const integrations = Object.values(template.findResources('AWS::ApiGatewayV2::Integration')) as CfnResource[];
      expect(integrations.map((i) => i.Properties.IntegrationUri['Fn::GetAtt'][0])).not.toContain(sweepId());
      const permissions = Object.values(template.findResources('AWS::Lambda::Permission')) as CfnResource[];
      const invokers = permissions
        .filter((p) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [sweepId(), 'Arn'] }))
        .map((p) => p.Properties.Principal as string);
      expect(invokers).toEqual(['events.amazonaws.com']);
    });
  });

  it('passes cdk-nag AwsSolutions with every finding fixed or acknowledged', () => {
    const report = JSON.parse(readFileSync(join(assemblyDir, VALIDATION_REPORT_FILE), 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
    };
    const errors = report.pluginReports.flatMap((p) => p.violations).filter((v) => v.severity === 'error' || v.severity === 'fatal');
    expect(errors).toEqual([]);
    // The same pack run directly on the tree, so an empty report cannot mean "never ran".
    const direct = new AwsSolutionsChecks(app).validateScope(app);
    expect(direct.violations.map((v) => `${v.ruleName} (${v.severity})`)).toEqual([]);
  });
});

describe('TenancyStack email grants', () => {
  it('lets only email routes send, and only through the sender identity', () => {
    const health = routeList.find((r) => r.key === 'GET /health')!;
    // Two rows sharing an existing handler: one that sends email, one that does not.
    const routes: Route[] = [
      { ...health, key: 'POST /mail', method: 'POST', path: '/mail', permissions: { table: 'readWrite', email: true } },
      { ...health, key: 'GET /quiet', method: 'GET', path: '/quiet', permissions: { table: 'read' } },
    ];
    const app = new App({ context });
    const stack = new TenancyStack(app, 'EmailGrants', {
      portalUrl: DEFAULTS.portalUrl, emailFrom: 'hello@mail.example.com', emailDomain: 'mail.example.com', routes,
    });
    const { template } = flatTemplateOf(app.synth().directory, stack);

    expect(actionsOf(template, stack, 'POST /mail')).toEqual(expect.arrayContaining(SEND_ACTIONS));
    expect(actionsOf(template, stack, 'GET /quiet').filter((a) => a.startsWith('ses:'))).toEqual([]);
    const identityId = logicalId(stack, stack.email.identity.node.defaultChild);
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'mail.example.com' });
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([{
          Action: SEND_ACTIONS,
          Effect: 'Allow',
          Resource: { 'Fn::Join': ['', Match.arrayWith([`:identity/`, { Ref: identityId }])] },
        }]),
      },
    });
  });
});
