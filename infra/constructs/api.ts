import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CfnStage, CorsHttpMethod, HttpApi, type CorsPreflightOptions, HttpMethod, HttpNoneAuthorizer, HttpRoute, HttpRouteKey, HttpStage,
  LogGroupLogDestination, type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { UserPool, UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { Route } from '#http/route.js';
import { BILLING_THROTTLE, DEVICE_THROTTLE, routeThrottle, THROTTLE } from '../api-settings.js';
import { corsPolicy } from '../cors.js';

export { BILLING_THROTTLE, DEVICE_THROTTLE, THROTTLE };

export interface ApiProps {
  userPool: UserPool;
  /** The only client whose ID tokens the API accepts (the token's `aud`). */
  portalClient: UserPoolClient;
  /** The only origin browsers may call the API from. */
  portalUrl: string;
}

/** One JSON object per request, so CloudWatch Logs Insights can query fields directly. */
const ACCESS_LOG_FIELDS = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  sourceIp: '$context.identity.sourceIp',
  httpMethod: '$context.httpMethod',
  path: '$context.path',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationStatus: '$context.integrationStatus',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

/** `corsPolicy` as the HTTP API's `corsPreflight`. */
export function corsPreflightOf(portalUrl: string): CorsPreflightOptions {
  const cors = corsPolicy(portalUrl);
  return {
    allowOrigins: cors.allowOrigins,
    allowMethods: cors.allowMethods.map((method) => CorsHttpMethod[method as keyof typeof CorsHttpMethod]),
    allowHeaders: cors.allowHeaders,
    exposeHeaders: cors.exposeHeaders,
    allowCredentials: cors.allowCredentials,
    maxAge: Duration.seconds(cors.maxAgeSeconds),
  };
}

/**
 * The HTTP API: one route per row of the route table, the Cognito JWT authorizer on every
 * `auth: 'user'` row (device and billing rows check their own credential), access logs, stage throttling and CORS for the portal only.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  private readonly userAuthorizer: IHttpRouteAuthorizer;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);

    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `${Stack.of(this).stackName}-api`,
      description: 'Tenancy: organizations, workspaces, members, invitations, trials',
      // The default stage is created below, where throttling and access logs can be set.
      createDefaultStage: false,
      // The one CORS definition (infra/cors.ts), which the local gateway applies the same way.
      corsPreflight: corsPreflightOf(props.portalUrl),
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG_FIELDS)),
      },
    });

    this.userAuthorizer = new HttpUserPoolAuthorizer('PortalUser', props.userPool, {
      userPoolClients: [props.portalClient],
      identitySource: ['$request.header.Authorization'],
    });

    new CfnOutput(scope, 'ApiUrl', { value: this.stage.url, description: 'Base URL of the API' });
  }

  /** Gives one route its own throttling on the stage (route settings name a route that must exist first). */
  private throttleRoute(routeKey: string, httpRoute: HttpRoute, limits: { rateLimit: number; burstLimit: number }): void {
    const stage = this.stage.node.defaultChild as CfnStage;
    stage.routeSettings = {
      ...(stage.routeSettings as Record<string, unknown> | undefined),
      [routeKey]: { ThrottlingRateLimit: limits.rateLimit, ThrottlingBurstLimit: limits.burstLimit },
    };
    stage.node.addDependency(httpRoute);
  }

  /**
   * Routes `route` to `handler`, behind the user authorizer unless the row is public; the route and
   * its integration live in `scope` (the row's route group), on this API.
   */
  addRoute(scope: Construct, id: string, route: Route, handler: IFunction): HttpRoute {
    const httpRoute = new HttpRoute(scope, `${id}Route`, {
      httpApi: this.httpApi,
      routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
      integration: new HttpLambdaIntegration('Integration', handler),
      authorizer: route.auth === 'user' ? this.userAuthorizer : new HttpNoneAuthorizer(),
    });
    if (route.auth === 'none') {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.key} is public by design (route table auth: 'none', API.md Conventions): ${route.summary}.`,
      });
    }
    if (route.auth === 'device') {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.key} is called by devices, which hold a device key, not a Cognito token: the handler checks the key (route table auth: 'device').`,
      });
    }
    if (route.auth === 'billing') {
      Validations.of(httpRoute).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `${route.key} is the billing provider's webhook, which holds the signing secret, not a Cognito token: the function checks its Billing-Signature over the raw body (route table auth: 'billing').`,
      });
    }
    const own = routeThrottle(route);
    if (own) this.throttleRoute(route.key, httpRoute, own);
    return httpRoute;
  }
}
