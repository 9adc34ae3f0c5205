/**
 * Signing in and the session: Cognito's user-pool API over fetch (no SDK in the page) for the
 * password, or the managed login with the authorization code and PKCE (S256) where the
 * deployment has one; tokens in sessionStorage (gone with the tab), refreshed a minute before the
 * ID token expires, dropped on sign-out or when the API answers 401.
 */
import { config, loadConfig } from './config.js';
import { PORTAL_CALLBACK_PATH, PORTAL_SIGNED_OUT_PATH } from '../../infra/portal-headers.js';
import { challengeOf, randomString, safeNext } from './pkce.js';

export { safeNext };

export interface Session {
  idToken: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch ms when the ID token expires. */
  expiresAt: number;
  email: string;
  /** How the session began: its refresh and sign-out go the same way. */
  via?: 'password' | 'managed';
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

function sessionOf(idToken: string, accessToken: string, refreshToken: string, via: Session['via']): Session {
  const claims = claimsOf(idToken);
  return { idToken, accessToken, refreshToken, expiresAt: Number(claims.exp) * 1000, email: String(claims.email ?? ''), via };
}

function fromResult(result: AuthResult, refreshToken?: string): Session {
  const r = result.AuthenticationResult;
  if (!r) throw new CognitoError(result.ChallengeName ?? 'ChallengeRequired', 'This account needs a step the portal does not offer here.');
  return sessionOf(r.IdToken, r.AccessToken, r.RefreshToken ?? refreshToken ?? '', 'password');
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
  // A reload near expiry schedules this before the app has read its configuration.
  await loadConfig();
  if (s.via === 'managed') {
    try {
      const t = await tokenEndpoint({ grant_type: 'refresh_token', client_id: config().clientId, refresh_token: s.refreshToken });
      set(sessionOf(t.id_token, t.access_token, t.refresh_token ?? s.refreshToken, 'managed'));
    } catch {
      set(null);
    }
    return;
  }
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

/** Signs out here; a managed-login session also ends the managed login's own (its /logout). */
export function signOut(): void {
  const via = current?.via;
  set(null);
  const login = config().managedLogin;
  if (via === 'managed' && login) {
    const to = new URL('/logout', login.url);
    to.searchParams.set('client_id', config().clientId);
    to.searchParams.set('logout_uri', `${location.origin}${PORTAL_SIGNED_OUT_PATH}`);
    location.assign(to.toString());
  }
}

// --- The managed login: authorization code with PKCE (RFC 7636, S256) ---------------------------

const PKCE_KEY = 'tenancy.pkce';


interface TokenAnswer {
  id_token: string;
  access_token: string;
  refresh_token?: string;
  expires_in: number;
}

async function tokenEndpoint(form: Record<string, string>): Promise<TokenAnswer> {
  const res = await fetch(new URL('/oauth2/token', config().managedLogin!.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  const json = (await res.json().catch(() => ({}))) as Partial<TokenAnswer> & { error?: string };
  if (!res.ok || !json.id_token || !json.access_token) throw new CognitoError(json.error ?? 'invalid_grant', 'The sign-in could not be completed. Sign in again.');
  return json as TokenAnswer;
}

/**
 * Leaves for the managed login: a fresh verifier and state kept in this tab, the S256 challenge
 * sent. `provider` goes straight to an organization's identity provider (SSO).
 */
export async function beginManagedLogin(next: string, provider?: string, retried = false): Promise<void> {
  const login = config().managedLogin;
  if (!login) throw new CognitoError('NotConfigured', 'This deployment has no managed login.');
  const verifier = randomString(32);
  const state = randomString(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, next, retried }));
  const to = new URL('/oauth2/authorize', login.url);
  to.search = new URLSearchParams({
    response_type: 'code',
    client_id: config().clientId,
    redirect_uri: `${location.origin}${PORTAL_CALLBACK_PATH}`,
    scope: 'openid email profile',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ...(provider ? { identity_provider: provider } : {}),
  }).toString();
  location.assign(to.toString());
}

/** Back from the managed login: checks the state, exchanges the code with the verifier; answers where to go. */
export async function completeManagedLogin(params: URLSearchParams): Promise<string> {
  const raw = sessionStorage.getItem(PKCE_KEY);
  sessionStorage.removeItem(PKCE_KEY);
  const pending = raw ? (JSON.parse(raw) as { verifier: string; state: string; next: string; retried?: boolean }) : undefined;
  if (!pending || params.get('state') !== pending.state) throw new CognitoError('StateMismatch', 'This sign-in was not started in this tab. Sign in again.');
  const description = params.get('error_description') ?? 'The sign-in was refused.';
  // Cognito used to fail the first federated sign-in that linked to an existing user, though the
  // link was made (docs/sign-in.md): the same redirect once more signs in as the linked user.
  if (params.get('error') === 'invalid_request' && /Already found an entry for username/.test(description) && !pending.retried) {
    await beginManagedLogin(pending.next, undefined, true);
    return new Promise<string>(() => undefined); // leaving the page
  }
  if (params.get('error')) throw new CognitoError(params.get('error')!, description);
  const code = params.get('code');
  if (!code) throw new CognitoError('NoCode', 'The sign-in answered without a code. Sign in again.');
  const t = await tokenEndpoint({ grant_type: 'authorization_code', client_id: config().clientId, code, redirect_uri: `${location.origin}${PORTAL_CALLBACK_PATH}`, code_verifier: pending.verifier });
  set(sessionOf(t.id_token, t.access_token, t.refresh_token ?? '', 'managed'));
  return safeNext(pending.next);
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
