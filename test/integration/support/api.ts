/**
 * A small HTTP client for the local gateway, and the set-up most tests share. Every response it
 * sees is checked against the published OpenAPI document (./conformance.ts): one that does not
 * conform fails the test.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { conform } from './conformance.js';
import { stack, token } from './stack.js';

export interface Res<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Res<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${stack().apiUrl}${path}`, { method, headers, body });
  const text = await response.text();
  await conform(method, path, { status: response.status, headers: response.headers, text });
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Left as text: a test that expects JSON will say so.
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

/** A client bound to one caller's token. */
export function as(idToken: string) {
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, { token: idToken, headers }),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, { token: idToken, body, headers }),
    put: <T = any>(path: string, body?: unknown) => call<T>('PUT', path, { token: idToken, body }),
    patch: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, { token: idToken, body, headers }),
    delete: <T = any>(path: string) => call<T>('DELETE', path, { token: idToken }),
  };
}

export type Client = ReturnType<typeof as>;

export interface User {
  email: string;
  userId: string;
  token: string;
  api: Client;
}

/**
 * A fresh Cognito user (unique email) with a token, not yet signed up. `email` is the address as
 * the token carries it: a case-insensitive pool hands it out in lower case.
 */
export async function newUser(label = 'user'): Promise<User> {
  const issued = await token(`${label}-${randomUUID().slice(0, 8)}@example.com`);
  const { email } = JSON.parse(Buffer.from(issued.idToken.split('.')[1]!, 'base64url').toString('utf8')) as { email: string };
  return { email, userId: issued.sub, token: issued.idToken, api: as(issued.idToken) };
}

export interface Tenant extends User {
  orgId: string;
  workspaceId: string;
}

/** A user who has signed up: owner of a trial organization with its Default workspace. */
export async function signedUp(label = 'owner', organizationName = `${label} Org`): Promise<Tenant> {
  const user = await newUser(label);
  const res = await user.api.post('/signup', { givenName: label, familyName: 'Test', organizationName });
  expect(res.status).toBe(201);
  return { ...user, orgId: res.body.organizations[0].id, workspaceId: res.body.workspaces[0].id };
}

/** Asserts a `Retry-After` of whole seconds, more than 0 and at most `maxSeconds`. */
export function expectRetryAfter(res: Res, maxSeconds: number): void {
  const value = res.headers.get('retry-after');
  expect(value, 'Retry-After header').toMatch(/^\d+$/);
  expect(Number(value)).toBeGreaterThan(0);
  expect(Number(value)).toBeLessThanOrEqual(maxSeconds);
}

/** Asserts an RFC 9457 problem answer with the contract's code. */
export function expectProblem(res: Res, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
}

/** API Gateway's own messages (infra/local/gateway-responses.ts), which the local gateway answers word for word. */
export const GATEWAY_MESSAGES: Record<number, string> = {
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/**
 * Asserts an answer API Gateway gives itself, before or instead of a function (no route, no valid
 * token, too large, throttled): `{"message": "..."}` as `application/json`, never problem+json.
 */
export function expectGatewayAnswer(res: Res, status: number): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/json');
  expect(res.body).toEqual({ message: GATEWAY_MESSAGES[status] });
}
