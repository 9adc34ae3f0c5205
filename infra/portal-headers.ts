/**
 * The portal's security headers, defined once: the local portal server (infra/local/portal.ts)
 * sends exactly these, and the CloudFront distribution (infra/constructs/portal.ts) sends the same
 * through its response headers policy. No CDK import here, so the local stack can read it without loading aws-cdk-lib.
 * The portal's runtime configuration and its sign-in redirects are defined here too, for the same readers.
 */

/**
 * Where the portal's scripts may connect: the API's, the user pool endpoint's and the managed
 * login's (its token endpoint) origins, nothing else. Origins, not URLs: in CDK they are deploy-time tokens that cannot be parsed here.
 */
export interface PortalOrigins {
  connect: readonly string[];
}

/** The origins of the API and of Cognito's endpoint, from URLs known now (the local stack). */
export const originsOf = (config: Pick<PortalConfig, 'apiUrl' | 'cognitoEndpoint' | 'managedLogin'>): PortalOrigins => ({
  connect: [...new Set([config.apiUrl, config.cognitoEndpoint, ...(config.managedLogin ? [config.managedLogin.url] : [])].map((u) => new URL(u).origin))],
});

/**
 * A strict CSP (scripts and styles only from the portal's own origin, no inline script, no
 * framing), no MIME sniffing, no referrer beyond the origin, HSTS on HTTPS.
 */
export function portalSecurityHeaders(origins: PortalOrigins, https: boolean): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // Organization logos are any https URL the owner sets; data: for the built-in icons.
    "img-src 'self' data: https:",
    `connect-src 'self' ${origins.connect.join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(https ? { 'strict-transport-security': 'max-age=63072000; includeSubDomains; preload' } : {}),
  };
}

/**
 * The runtime configuration the portal reads from `/config.json` (written at deploy time in AWS,
 * answered by the local portal server here): one build runs against any deployment.
 */
export interface PortalConfig {
  apiUrl: string;
  region: string;
  userPoolId: string;
  clientId: string;
  /** Where the portal sends Cognito's API calls (sign-in, sign-up, refresh). */
  cognitoEndpoint: string;
  /**
   * The user pool domain's managed login (`https://<prefix>.auth.<region>.amazoncognito.com` in
   * AWS; infra/local/managed-login.ts here): sign-in with the authorization code and PKCE, the
   * only way in for federated users. Absent: password sign-in only.
   */
  managedLogin?: { url: string };
}

/**
 * Where the managed login sends a person back to the portal: the portal's route for the code
 * exchange, and the page after signing out. The portal's app client lists exactly these (CDK and
 * the local stand-in alike), and the portal uses them.
 */
export const PORTAL_CALLBACK_PATH = '/auth/callback';
export const PORTAL_SIGNED_OUT_PATH = '/';

/** The callback and sign-out URLs of a portal at `portalUrl` (an origin, no trailing slash). */
export const portalRedirects = (portalUrl: string): { callbackUrls: string[]; logoutUrls: string[] } => ({
  callbackUrls: [`${portalUrl}${PORTAL_CALLBACK_PATH}`],
  logoutUrls: [`${portalUrl}${PORTAL_SIGNED_OUT_PATH}`],
});
