import { spawnSync } from 'node:child_process';
import { AssetHashType, type BundlingOptions, type DockerImage, Duration, type ILocalBundling, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  ApplicationLogLevel, Architecture, Code, Function as LambdaFunction, LoggingFormat, ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel, ParamsAndSecretsVersions, Runtime,
  SystemLogLevel, Tracing,
} from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { API_FUNCTION } from '../api-settings.js';
import { ENTRY_NAME, projectRoot } from '../bundling/build.js';

/**
 * The runtime every function deploys with: the newest Node.js this aws-cdk-lib knows (cdk-nag's L1
 * asks for exactly that). The benchmark measures the bundles on the same major (bench/bundles.ts).
 */
export const FUNCTION_RUNTIME = Runtime.NODEJS_24_X;

/** What every function's environment holds besides its configuration (the benchmark starts its bundles with it too). */
export const RUNTIME_ENVIRONMENT = {
  POWERTOOLS_SERVICE_NAME: 'tenancy',
  // Stack traces in the logs point at the TypeScript sources, not the minified bundle.
  NODE_OPTIONS: '--enable-source-maps',
} as const;

/**
 * The function's code as infra/bundling/build.ts builds it, the build the benchmark measures
 * (NodejsFunction cannot split code). Local bundling only, run in a child process because esbuild's
 * plugins are asynchronous; the image is never pulled (tryBundle either builds or throws). Skipped,
 * like every asset bundling, for stacks not in `aws:cdk:bundling-stacks` (the infra tests).
 */
class FunctionBundling implements BundlingOptions {
  readonly image: DockerImage = FUNCTION_RUNTIME.bundlingImage;
  readonly local: ILocalBundling;

  /** `handler` is part of the options' JSON, which CDK's asset cache keys bundles by. */
  constructor(readonly handler: string) {
    this.local = {
      tryBundle: (outputDir: string): boolean => {
        const run = spawnSync(process.execPath, ['--import', 'tsx', `${projectRoot}infra/bundling/cli.ts`, handler, outputDir], {
          cwd: projectRoot,
          stdio: ['ignore', 'inherit', 'inherit'],
        });
        if (run.status !== 0) throw new Error(`Bundling functions/${handler}.ts failed (${run.error?.message ?? `exit ${run.status}`})`);
        return true;
      },
    };
  }
}

/** What every function reads through `shared/config.ts`. */
export interface TenancyFunctionEnvironment {
  tableName: string;
  portalUrl: string;
  emailFrom: string;
  /** A deploy-time reference to the secret (never its plaintext), see the stack. */
  cursorSecret: string;
  /** Whether owners may pick paid plans themselves (`SELF_SERVE_PLANS`); off by default. */
  selfServePlans: boolean;
}

/**
 * Exactly what an identity-provider function may do in Cognito, on the user pool alone: register,
 * look at and delete a provider, and read and replace the portal client's configuration (its
 * `SupportedIdentityProviders`).
 */
export const IDENTITY_PROVIDER_ACTIONS = [
  'cognito-idp:CreateIdentityProvider',
  'cognito-idp:DeleteIdentityProvider',
  'cognito-idp:DescribeIdentityProvider',
  'cognito-idp:DescribeUserPoolClient',
  'cognito-idp:UpdateUserPoolClient',
] as const;

/** What the identity-provider functions read besides the rest (`identityProviderConfig()` in shared/kernel/config.ts). */
export interface IdentityProviderEnvironment {
  userPoolId: string;
  portalClientId: string;
  /** The deployment's own sign-in providers, which no organization may take the name of. */
  reservedProviderNames: readonly string[];
}

export interface TenancyFunctionProps {
  /** Module under functions/ without extension, as in the route table's `handler`. */
  handler: string;
  description: string;
  /** What `shared/config.ts` reads; omitted for a function that reads none of it (a Cognito trigger). */
  environment?: TenancyFunctionEnvironment;
  /** Further variables of this function alone. */
  variables?: Record<string, string>;
  /** Only for the rows whose `permissions.identityProviders` is set. */
  identityProviders?: IdentityProviderEnvironment;
  /**
   * Only for the rows whose `permissions.billingSecret` is set: the function may read this secret
   * (and no other), gets its ARN as `BILLING_SECRET_ARN`, and the Parameters and Secrets Lambda
   * Extension it reads it through (shared/auth/billing-secret.ts).
   */
  billingSecret?: ISecret;
  /**
   * Default `API_FUNCTION.timeoutSeconds` (10 s, infra/api-settings.ts, which the local gateway
   * cuts slow handlers by too), right for a request behind API Gateway; only functions no client
   * waits on (scheduled jobs) need more.
   */
  timeout?: Duration;
  /**
   * Where asynchronous invocations (EventBridge targets) go once Lambda's own retries are
   * spent; API functions are invoked synchronously and answer their errors instead.
   */
  deadLetterQueue?: IQueue;
}

/**
 * The one way this project makes a Lambda function, so runtime, architecture, bundling,
 * logging and tracing are decided once. Permissions are not: the role starts empty and
 * the stack grants each function only what its route row asks for.
 */
export class TenancyFunction extends Construct {
  readonly function: LambdaFunction;

  constructor(scope: Construct, id: string, props: TenancyFunctionProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    // An explicit role instead of the default one, which would carry the managed
    // AWSLambdaBasicExecutionRole (CreateLogGroup and writes to any log group of the account).
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.handler}`,
    });
    logGroup.grantWrite(role);

    this.function = new LambdaFunction(this, 'Function', {
      // The AWS SDK is bundled, not taken from the runtime: the runtime's version lags and moves
      // under us, while lib-dynamodb, client-sesv2 and Powertools are pinned together in
      // package-lock.json and tested as a set.
      code: Code.fromAsset(projectRoot, { assetHashType: AssetHashType.OUTPUT, bundling: new FunctionBundling(props.handler) }),
      handler: `${ENTRY_NAME}.handler`,
      description: props.description,
      runtime: FUNCTION_RUNTIME,
      architecture: Architecture.ARM_64,
      memorySize: API_FUNCTION.memoryMb,
      // API Gateway gives up after 30 s; a request that needs more than 10 s is a bug.
      timeout: props.timeout ?? Duration.seconds(API_FUNCTION.timeoutSeconds),
      deadLetterQueue: props.deadLetterQueue,
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      applicationLogLevelV2: ApplicationLogLevel.INFO,
      systemLogLevelV2: SystemLogLevel.WARN,
      tracing: Tracing.ACTIVE,
      // The extension's own cache keeps the secret 5 minutes too; it listens on localhost:2773.
      paramsAndSecrets: props.billingSecret
        ? ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
            cacheSize: 10,
            secretsManagerTtl: Duration.minutes(5),
            secretsManagerTimeout: Duration.seconds(2),
            logLevel: ParamsAndSecretsLogLevel.WARN,
          })
        : undefined,
      environment: {
        ...(props.environment === undefined
          ? {}
          : {
              TABLE_NAME: props.environment.tableName,
              PORTAL_URL: props.environment.portalUrl,
              EMAIL_FROM: props.environment.emailFrom,
              CURSOR_SECRET: props.environment.cursorSecret,
              SELF_SERVE_PLANS: String(props.environment.selfServePlans),
            }),
        ...props.variables,
        ...(props.identityProviders
          ? {
              USER_POOL_ID: props.identityProviders.userPoolId,
              PORTAL_CLIENT_ID: props.identityProviders.portalClientId,
              RESERVED_PROVIDER_NAMES: props.identityProviders.reservedProviderNames.join(','),
            }
          : {}),
        ...(props.billingSecret ? { BILLING_SECRET_ARN: props.billingSecret.secretArn } : {}),
        ...RUNTIME_ENVIRONMENT,
      },
    });

    props.billingSecret?.grantRead(role);

    // X-Ray's PutTraceSegments/PutTelemetryRecords take no resource-level permissions, so
    // active tracing can only be granted on "*". The rest of the role is scoped.
    Validations.of(this).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; granted by Tracing.ACTIVE.',
    });
  }
}
