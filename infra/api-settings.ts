/**
 * The API's settings in AWS that the local gateway must behave by: the functions' timeout and
 * memory (infra/constructs/function.ts), the stage's throttling (infra/constructs/api.ts), and
 * the service limits of API Gateway and Lambda that no setting changes. The CDK constructs read
 * them from here, and so does the local gateway (infra/local/gateway.ts), so the two cannot
 * drift. No CDK import, so the local gateway does not load aws-cdk-lib.
 */

/**
 * Every API function: 10 s, well under API Gateway's 30 s integration timeout (a request that
 * needs more is a bug), so a slow handler is cut by Lambda's timeout, which API Gateway answers
 * with its own 500.
 */
export const API_FUNCTION = { timeoutSeconds: 10, memoryMb: 512 } as const;

/**
 * Throttling of the default stage, applied to each route (the stage's default route settings):
 * steady requests per second and burst. Generous for a tenancy API (people clicking in a
 * portal), low enough that a runaway client cannot run up the Lambda bill or exhaust the
 * account's concurrency.
 */
export const THROTTLE = { rateLimit: 50, burstLimit: 100 } as const;

/**
 * Route-level throttling of the routes devices call (`auth: 'device'`): no Cognito authorizer
 * stands in front of them, and machines send steadily, so they get their own budget instead of
 * sharing (and possibly exhausting) the portal's.
 */
export const DEVICE_THROTTLE = { rateLimit: 100, burstLimit: 200 } as const;

/**
 * Route-level throttling of the billing webhook (`auth: 'billing'`): a provider sends a few events
 * a minute; anyone can reach the route, so a flood of forged requests is capped well below the
 * portal's budget (each costs an HMAC and, once per cold start, a secret fetch). A throttled
 * provider delivery gets 429 and is retried by the provider.
 */
export const BILLING_THROTTLE = { rateLimit: 10, burstLimit: 20 } as const;

/** The throttle of a route beside the stage's: devices and the billing provider have their own. */
export function routeThrottle(route: { auth: string }): { rateLimit: number; burstLimit: number } | undefined {
  return route.auth === 'device' ? DEVICE_THROTTLE : route.auth === 'billing' ? BILLING_THROTTLE : undefined;
}

/** Limits of the services themselves (API Gateway and Lambda quotas), not settings of ours. */
export const AWS_LIMITS = {
  /** An HTTP API's request payload (the body): past it, API Gateway answers 413 itself. */
  apiPayloadBytes: 10 * 1024 * 1024,
  /**
   * A synchronous Lambda invocation's request: the whole payload v2.0 event as JSON (headers,
   * a base64 body a third larger than the bytes sent). Lambda refuses a larger one and API
   * Gateway answers 413.
   */
  lambdaRequestBytes: 6 * 1024 * 1024,
  /** What a synchronous invocation may return (6 MB and 100 bytes); past it, API Gateway's 500. */
  lambdaResponseBytes: 6 * 1024 * 1024 + 100,
  /** How long API Gateway waits for an integration (HTTP API, the maximum). */
  integrationTimeoutSeconds: 30,
  /** Resources in one CloudFormation template (a nested stack counts once in its parent). */
  resourcesPerStack: 500,
} as const;
