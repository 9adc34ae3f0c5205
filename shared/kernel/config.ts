/**
 * Configuration, read once when a module loads and checked there — never `process.env`
 * deep in logic. Only endpoints differ between AWS and the local stack.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') throw new Error(`Missing required environment variable ${name}`);
  return value;
}

function optionalEnv(name: string): string | undefined {
  const value = process.env[name];
  return value === undefined || value === '' ? undefined : value;
}

export interface Config {
  tableName: string;
  region: string;
  /** Set only by the local stack: DynamoDB Local. */
  dynamodbEndpoint?: string;
  /** Set only by the local stack: aws-ses-v2-local. */
  sesEndpoint?: string;
  /** Base URL of the portal; links in emails are built from this, never from request headers. */
  portalUrl: string;
  /** Sender address of every email. */
  emailFrom: string;
  /** HMAC key that signs list cursors. */
  cursorSecret: string;
  /**
   * How long one DynamoDB request may take, and how many tries a call gets: together they stay
   * well under the API functions' 10 s timeout (infra/constructs/function.ts), so a database that
   * is down or stalled is answered 503 by the function, not by API Gateway's own 500 at the timeout.
   * Worst case per call: maxAttempts × max(connection, request) timeout + the SDK's backoff
   * (≤ 0.5 s, then ≤ 1 s) ≈ 3 × 1.5 s + 1.5 s = 6 s. Overridable by environment (tests set small values).
   */
  dynamodbTimeouts: { connectionMs: number; requestMs: number; maxAttempts: number };
  /**
   * The ceiling of invitation emails the whole deployment sends an hour (`PLATFORM_INVITATIONS_PER_HOUR`,
   * default in shared/domain/limits.ts): set it below the SES account's sending quota.
   */
  platformInvitationsPerHour?: number;
  /**
   * Whether an owner may pick a paid plan themself (`SELF_SERVE_PLANS=true`): on in the local stack
   * for demos, off unless a deployment turns it on (CDK context `selfServePlans`). Off, paid plans
   * come from billing alone (`POST /billing/events`) and the owner's request answers 402.
   */
  selfServePlans: boolean;
  /** The EventBridge bus the change feed is published to (`EVENT_BUS_NAME`): the publisher's alone; none in the local stack. */
  eventBusName?: string;
  /**
   * Whether webhook endpoints may be on loopback, over plain HTTP (`WEBHOOKS_ALLOW_LOOPBACK=true`):
   * the local stack's receivers only; never set in AWS (shared/domain/addresses.ts).
   */
  webhooksAllowLoopback: boolean;
}

function positiveIntEnv(name: string, fallback: number): number {
  const value = optionalEnv(name);
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${value}`);
  return n;
}

function booleanEnv(name: string): boolean {
  const value = optionalEnv(name);
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`${name} must be true or false, not ${value}`);
}

let cached: Config | undefined;

/** The process's configuration, checked on first use and then kept. */
export function config(): Config {
  cached ??= {
    tableName: requireEnv('TABLE_NAME'),
    region: optionalEnv('AWS_REGION') ?? 'us-east-1',
    dynamodbEndpoint: optionalEnv('DYNAMODB_ENDPOINT'),
    sesEndpoint: optionalEnv('SES_ENDPOINT'),
    portalUrl: requireEnv('PORTAL_URL').replace(/\/+$/, ''),
    emailFrom: requireEnv('EMAIL_FROM'),
    cursorSecret: requireEnv('CURSOR_SECRET'),
    dynamodbTimeouts: {
      connectionMs: positiveIntEnv('DYNAMODB_CONNECTION_TIMEOUT_MS', 1_000),
      requestMs: positiveIntEnv('DYNAMODB_REQUEST_TIMEOUT_MS', 1_500),
      maxAttempts: positiveIntEnv('DYNAMODB_MAX_ATTEMPTS', 3),
    },
    platformInvitationsPerHour: optionalEnv('PLATFORM_INVITATIONS_PER_HOUR') === undefined ? undefined : positiveIntEnv('PLATFORM_INVITATIONS_PER_HOUR', 1),
    selfServePlans: booleanEnv('SELF_SERVE_PLANS'),
    eventBusName: optionalEnv('EVENT_BUS_NAME'),
    webhooksAllowLoopback: booleanEnv('WEBHOOKS_ALLOW_LOOPBACK'),
  };
  return cached;
}

/** Where the billing webhook's signing secret comes from: only its function gets one of these. */
export type BillingSecretSource =
  /** The local stack: the secret itself (there is no Secrets Manager on this machine). */
  | { kind: 'value'; secret: string }
  /**
   * AWS: the secret's ARN, read through the AWS Parameters and Secrets Lambda Extension on
   * `localhost:<port>` with the function's session token (shared/auth/billing-secret.ts).
   */
  | { kind: 'secretsManager'; arn: string; extensionPort: number; sessionToken: string | undefined };

let cachedBillingSecret: BillingSecretSource | undefined;

/** `BILLING_SECRET` (local) or `BILLING_SECRET_ARN` (AWS); one of the two is required. */
export function billingSecretSource(): BillingSecretSource {
  if (cachedBillingSecret) return cachedBillingSecret;
  const value = optionalEnv('BILLING_SECRET');
  const arn = optionalEnv('BILLING_SECRET_ARN');
  if (value !== undefined) cachedBillingSecret = { kind: 'value', secret: value };
  else if (arn !== undefined) {
    cachedBillingSecret = {
      kind: 'secretsManager',
      arn,
      extensionPort: positiveIntEnv('PARAMETERS_SECRETS_EXTENSION_HTTP_PORT', 2773),
      sessionToken: optionalEnv('AWS_SESSION_TOKEN'),
    };
  } else throw new Error('Missing required environment variable BILLING_SECRET_ARN (or BILLING_SECRET in the local stack)');
  return cachedBillingSecret;
}

/** What the identity-provider functions read besides `config()`: only their rows carry it (`permissions.identityProviders`). */
export interface IdentityProviderConfig {
  /** The deployment's Cognito user pool. */
  userPoolId: string;
  /** The portal's app client, on which an organization's providers are enabled. */
  portalClientId: string;
  /** Set only by the local stack: cognito-local (with the identity-provider extension). */
  cognitoEndpoint?: string;
  /**
   * The deployment's own sign-in providers (comma-separated `RESERVED_PROVIDER_NAMES`, empty by
   * default): no organization may register a provider under one of their names.
   */
  reservedProviderNames: string[];
}

let cachedIdentityProviders: IdentityProviderConfig | undefined;

export function identityProviderConfig(): IdentityProviderConfig {
  cachedIdentityProviders ??= {
    userPoolId: requireEnv('USER_POOL_ID'),
    portalClientId: requireEnv('PORTAL_CLIENT_ID'),
    cognitoEndpoint: optionalEnv('COGNITO_ENDPOINT'),
    reservedProviderNames: (optionalEnv('RESERVED_PROVIDER_NAMES') ?? '').split(',').map((name) => name.trim()).filter((name) => name !== ''),
  };
  return cachedIdentityProviders;
}
