/**
 * Signing in and the session: Cognito's user-pool API over fetch (no SDK in the page), tokens in
 * sessionStorage (gone with the tab), refreshed a minute before the ID token expires, dropped on
 * sign-out or when the API answers 401.
 */
import { config } from './config.js';

export interface Session {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the ID token expires. */
  expiresAt: number;
  email: string;
}

const KEY = 'tenancy.session';
let current: Session | null = read();
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

function read(): Session | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function set(session: Session | null): void {
  current = session;
  if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
  else sessionStorage.removeItem(KEY);
  schedule();
  for (const listener of listeners) listener();
}

export const session = (): Session | null => current;
export const idToken = (): string | undefined => current?.idToken;

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Cognito's answer to a refused call: its exception name and message. */
export class CognitoError extends Error {
  constructor(readonly type: string, message: string) {
    super(message);
  }
}

async function cognito<T>(operation: string, body: Record<string, unknown>): Promise<T> {
  const { cognitoEndpoint } = config();
  const res = await fetch(cognitoEndpoint.endsWith('/') ? cognitoEndpoint : `${cognitoEndpoint}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${operation}` },
    body: JSON.stringify(body),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (!res.ok) {
    const type = String(json.__type ?? json.code ?? 'Error').split('#').pop()!;
    throw new CognitoError(type, String(json.message ?? json.Message ?? `Sign-in service answered ${res.status}`));
  }
  return json as T;
}

interface AuthResult {
  AuthenticationResult?: { IdToken: string; AccessToken: string; RefreshToken?: string; ExpiresIn: number };
  ChallengeName?: string;
}

function claimsOf(jwt: string): Record<string, unknown> {
  const part = jwt.split('.')[1] ?? '';
  return JSON.parse(atob(part.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
}

function fromResult(result: AuthResult, refreshToken?: string): Session {
  const r = result.AuthenticationResult;
  if (!r) throw new CognitoError(result.ChallengeName ?? 'ChallengeRequired', 'This account needs a step the portal does not offer here.');
  const claims = claimsOf(r.IdToken);
  return {
    idToken: r.IdToken,
    accessToken: r.AccessToken,
    refreshToken: r.RefreshToken ?? refreshToken ?? '',
    expiresAt: Number(claims.exp) * 1000,
    email: String(claims.email ?? ''),
  };
}

/** The pool compares addresses case-insensitively; the portal sends them in one case. */
const username = (email: string): string => email.trim().toLowerCase();

export async function signIn(email: string, password: string): Promise<void> {
  const result = await cognito<AuthResult>('InitiateAuth', {
    ClientId: config().clientId,
    AuthFlow: 'USER_PASSWORD_AUTH',
    AuthParameters: { USERNAME: username(email), PASSWORD: password },
  });
  set(fromResult(result));
}

export async function signUp(input: { email: string; password: string; givenName: string; familyName: string }): Promise<{ confirmed: boolean }> {
  const result = await cognito<{ UserConfirmed?: boolean }>('SignUp', {
    ClientId: config().clientId,
    Username: username(input.email),
    Password: input.password,
    UserAttributes: [
      { Name: 'email', Value: username(input.email) },
      { Name: 'given_name', Value: input.givenName.trim() },
      { Name: 'family_name', Value: input.familyName.trim() },
    ],
  });
  return { confirmed: result.UserConfirmed === true };
}

export async function confirmSignUp(email: string, code: string): Promise<void> {
  await cognito('ConfirmSignUp', { ClientId: config().clientId, Username: username(email), ConfirmationCode: code.trim() });
}

export async function resendCode(email: string): Promise<void> {
  await cognito('ResendConfirmationCode', { ClientId: config().clientId, Username: username(email) });
}

/** A new ID token from the refresh token; signed out if the refresh token no longer works. */
export async function refresh(): Promise<void> {
  const s = current;
  if (!s?.refreshToken) return set(null);
  try {
    const result = await cognito<AuthResult>('InitiateAuth', {
      ClientId: config().clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: s.refreshToken },
    });
    set(fromResult(result, s.refreshToken));
  } catch {
    set(null);
  }
}

export function signOut(): void {
  set(null);
}

/** Refreshes a minute before the ID token expires (at once if that is past). */
function schedule(): void {
  if (refreshTimer !== undefined) clearTimeout(refreshTimer);
  refreshTimer = undefined;
  if (!current || typeof window === 'undefined') return;
  const wait = Math.max(0, current.expiresAt - Date.now() - 60_000);
  refreshTimer = setTimeout(() => void refresh(), wait);
}
schedule();
