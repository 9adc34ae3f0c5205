import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ForbiddenError, UnauthorizedError } from '#kernel/errors.js';

/** Who is calling, from the claims the API Gateway authorizer verified. */
export interface Principal {
  userId: string;
  email: string;
  emailVerified: boolean;
  groups: string[];
  /** Identity providers the user signed in through (`identities` claim), e.g. for SSO. */
  identityProviders: string[];
  /** Name claims, when the identity provider has them. */
  givenName?: string;
  familyName?: string;
}

export const PLATFORM_OPERATORS_GROUP = 'platform-operators';

/**
 * The HTTP API JWT authorizer hands every claim over as a string: booleans as "true",
 * arrays as "[a b]", objects as JSON. Direct invocations may carry native values. Accept both.
 */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string' || value === '') return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
    } catch {
      return trimmed.slice(1, -1).split(/\s+/).filter(Boolean);
    }
  }
  return [trimmed];
}

/**
 * The `identities` claim (the providers a Cognito user signed in through), in whichever form it
 * arrives: a real array (direct invocations), JSON text, API Gateway's rendering of an array
 * claim (elements joined with spaces: `[{...} {...}]` for two identities), or a Go-formatted one
 * (`[map[providerName:Google userId:1]]`).
 */
function providers(value: unknown): string[] {
  if (typeof value === 'string' && value.includes('map[')) {
    return [...value.matchAll(/\bproviderName:([^\s\]]+)/g)].map((m) => m[1]!);
  }
  const parsed = typeof value === 'string' ? (safeJson(value) ?? safeJson(value.replace(/\}\s+\{/g, '},{'))) : value;
  const entries = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? [parsed] : parsed;
  if (!Array.isArray(entries)) return [];
  return entries
    .map((e) => (typeof e === 'string' ? safeJson(e) : e))
    .map((e) => (e && typeof e === 'object' && 'providerName' in e ? String(e.providerName) : undefined))
    .filter((p): p is string => p !== undefined);
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/**
 * Turns verified claims into a principal; anything but a Cognito ID token is refused (401), and
 * an ID token without email answers 403 saying so.
 */
export function principalFrom(event: APIGatewayProxyEventV2WithJWTAuthorizer): Principal {
  const claims = (event.requestContext?.authorizer?.jwt?.claims ?? {}) as Record<string, unknown>;
  const sub = claims.sub;
  const email = claims.email;
  // API Gateway's JWT authorizer also admits access tokens (it matches client_id); the API wants ID tokens.
  if (claims.token_use !== 'id' || typeof sub !== 'string' || sub === '') {
    throw new UnauthorizedError('A Cognito ID token is required.', 'Bearer error="invalid_token", error_description="an ID token is required"');
  }
  // A valid ID token without email: the provider it came through maps no email (docs/sign-in.md).
  if (typeof email !== 'string' || email === '') {
    throw new ForbiddenError(
      'This ID token has no email claim: the identity provider you signed in through does not pass an email address to the user pool. Sign in another way, or ask the operators to map email for that provider.',
    );
  }
  return {
    userId: sub,
    email,
    emailVerified: claims.email_verified === true || claims.email_verified === 'true',
    groups: list(claims['cognito:groups']),
    identityProviders: providers(claims.identities),
    ...(typeof claims.given_name === 'string' && claims.given_name ? { givenName: claims.given_name } : {}),
    ...(typeof claims.family_name === 'string' && claims.family_name ? { familyName: claims.family_name } : {}),
  };
}
