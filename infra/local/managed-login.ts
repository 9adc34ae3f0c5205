/**
 * The managed login's OAuth 2.0 endpoints, for the local stack: cognito-local has no hosted pages
 * and no `/oauth2/*` endpoints, so this plays the part of Cognito's user pool domain
 * (`https://<prefix>.auth.<region>.amazoncognito.com`) for the portal's code + PKCE sign-in.
 * The password check and the tokens are cognito-local's own (InitiateAuth): only the redirect
 * dance is played here, with the shapes Cognito documents:
 *
 *   GET  /oauth2/authorize  response_type=code, client_id, redirect_uri (one of the client's
 *                           callback URLs), state, scope, and (optional, as in Cognito)
 *                           code_challenge + code_challenge_method=S256
 *                           → a sign-in page; after the password, 302 to redirect_uri?code&state
 *   POST /oauth2/token      grant_type=authorization_code (client_id, code, redirect_uri,
 *                           code_verifier) or refresh_token (client_id, refresh_token)
 *                           → { id_token, access_token, refresh_token?, expires_in, token_type }
 *                           or 400 { error: invalid_grant | invalid_request | invalid_client |
 *                           unsupported_grant_type }
 *   GET  /logout            client_id, logout_uri (one of the client's sign-out URLs) → 302
 *
 * A code works once, for five minutes, and only with the verifier whose S256 challenge the
 * authorize request carried (when it carried one). What it cannot show: federation (an `identity_provider` parameter
 * answers `invalid_request`: nothing federates locally), Cognito's page design, its cookie
 * session (every authorize asks for the password again).
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { InitiateAuthCommand, type AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { cognitoClient, type CognitoTarget } from './cognito.js';
import { listenOnLoopback } from './process.js';

export interface ManagedLoginOptions {
  port: number;
  pool: CognitoTarget;
  /** The client's callback URLs (Cognito's CallbackURLs) and sign-out URLs (LogoutURLs). */
  callbackUrls: string[];
  logoutUrls: string[];
}

export interface ManagedLogin {
  url: string;
  close: () => Promise<void>;
}

const CODE_TTL_MS = 5 * 60_000;
const REQUEST_TTL_MS = 15 * 60_000;
const MAX_BODY = 16 * 1024;

interface AuthorizeRequest {
  redirectUri: string;
  state: string | undefined;
  challenge: string | undefined;
  expiresAt: number;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  /** The S256 challenge the authorize request carried: the exchange must bring its verifier. */
  challenge: string | undefined;
  tokens: AuthenticationResultType;
  expiresAt: number;
}

const b64url = (bytes: Buffer): string => bytes.toString('base64url');
/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(code_verifier))). */
export const s256 = (verifier: string): string => b64url(createHash('sha256').update(verifier, 'ascii').digest());
/** RFC 7636 §4.1: 43–128 characters of [A-Z a-z 0-9 - . _ ~]. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The pages' CSP: no script at all; the form posts here and is redirected to the client's callback origins. */
const pageCsp = (callbackOrigins: string[]): string => `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${callbackOrigins.join(' ')}; frame-ancestors 'none'; base-uri 'none'`;

type Html = (res: ServerResponse, status: number, title: string, body: string) => void;

const htmlPages = (csp: string): Html => (res, status, title, body) => {
  res
    .writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': csp, 'x-frame-options': 'DENY', 'cache-control': 'no-store' })
    .end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(title)}</title>` +
        '<style>body{font:16px/1.5 system-ui,sans-serif;max-width:24rem;margin:3rem auto;padding:0 1rem;color:#1b1f24}label{display:block;margin:0 0 1rem}input{display:block;width:100%;font:inherit;padding:.4rem}button{font:inherit;padding:.5rem 1rem;background:#0b5cad;color:#fff;border:0;border-radius:6px}.error{color:#a40e26}</style>' +
        `</head><body><main>${body}</main></body></html>`,
    );
};

function signInPage(page: Html, res: ServerResponse, requestId: string, problem?: string, email = ''): void {
  page(
    res,
    problem ? 401 : 200,
    'Sign in',
    `<h1>Sign in</h1><p>Tenancy’s managed login (the local stand-in for Cognito’s).</p>` +
      (problem ? `<p class="error" role="alert">${escape(problem)}</p>` : '') +
      `<form method="post" action="/login"><input type="hidden" name="request" value="${escape(requestId)}">` +
      `<label>Email<input name="username" type="email" autocomplete="username" required value="${escape(email)}"></label>` +
      `<label>Password<input name="password" type="password" autocomplete="current-password" required></label>` +
      '<button type="submit">Sign in</button></form>',
  );
}

/** A redirect to the client with OAuth's error parameters (RFC 6749 §4.1.2.1). */
function redirectError(res: ServerResponse, redirectUri: string, error: string, description: string, state: string | undefined): void {
  const to = new URL(redirectUri);
  to.searchParams.set('error', error);
  to.searchParams.set('error_description', description);
  if (state !== undefined) to.searchParams.set('state', state);
  res.writeHead(302, { location: to.toString() }).end();
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) return undefined;
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

export async function startManagedLogin(opts: ManagedLoginOptions): Promise<ManagedLogin> {
  const cognito = cognitoClient(opts.pool.cognitoEndpoint);
  const page = htmlPages(pageCsp([...new Set(opts.callbackUrls.map((u) => new URL(u).origin))]));
  const requests = new Map<string, AuthorizeRequest>();
  const codes = new Map<string, IssuedCode>();
  const sweep = (now: number) => {
    for (const [k, v] of requests) if (v.expiresAt <= now) requests.delete(k);
    for (const [k, v] of codes) if (v.expiresAt <= now) codes.delete(k);
  };

  function tokenAnswer(res: ServerResponse, origin: string | undefined, status: number, body: Record<string, unknown>): void {
    res
      .writeHead(status, {
        'content-type': 'application/json;charset=UTF-8',
        'cache-control': 'no-store',
        pragma: 'no-cache',
        // The token endpoint answers browsers of any origin (a public client's code exchange).
        ...(origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}),
      })
      .end(JSON.stringify(body));
  }

  function authorize(res: ServerResponse, q: URLSearchParams): void {
    const clientId = q.get('client_id');
    const redirectUri = q.get('redirect_uri') ?? '';
    // Without a valid client and callback URL nothing may be redirected to: an error page.
    if (clientId !== opts.pool.clientId) return page(res, 400, 'Error', '<h1>An error was encountered</h1><p>invalid_request: the client does not exist.</p>');
    if (!opts.callbackUrls.includes(redirectUri)) return page(res, 400, 'Error', '<h1>An error was encountered</h1><p>redirect_mismatch: the redirect URI is not a callback URL of the client.</p>');
    const state = q.get('state') ?? undefined;
    if (q.get('response_type') !== 'code') return redirectError(res, redirectUri, 'unsupported_response_type', 'only the authorization code flow is enabled', state);
    // As Cognito: PKCE is the client's choice (an app client cannot be set to require it), and
    // S256 is the one method. The portal always sends a challenge.
    const challenge = q.get('code_challenge') ?? undefined;
    if (challenge !== undefined && (q.get('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(challenge))) {
      return redirectError(res, redirectUri, 'invalid_request', 'code_challenge_method must be S256, with a 43-character code_challenge', state);
    }
    if (q.has('identity_provider') || q.has('idp_identifier')) return redirectError(res, redirectUri, 'invalid_request', 'federation is not available in the local stack', state);
    const requestId = b64url(randomBytes(24));
    requests.set(requestId, { redirectUri, state, challenge, expiresAt: Date.now() + REQUEST_TTL_MS });
    signInPage(page, res, requestId);
  }

  async function login(res: ServerResponse, form: URLSearchParams): Promise<void> {
    const request = requests.get(form.get('request') ?? '');
    if (!request || request.expiresAt <= Date.now()) return page(res, 400, 'Error', '<h1>This sign-in has expired</h1><p>Go back to the app and sign in again.</p>');
    const email = (form.get('username') ?? '').trim().toLowerCase();
    let tokens: AuthenticationResultType | undefined;
    try {
      const answer = await cognito.send(new InitiateAuthCommand({ ClientId: opts.pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: form.get('password') ?? '' } }));
      tokens = answer.AuthenticationResult;
    } catch (error) {
      const name = (error as { name?: string }).name;
      const message = name === 'UserNotConfirmedException' ? 'Confirm your account with the code emailed to you first.' : 'Incorrect username or password.';
      return signInPage(page, res, form.get('request')!, message, email);
    }
    if (!tokens?.IdToken) return signInPage(page, res, form.get('request')!, 'This account needs a step the local sign-in does not offer.', email);
    requests.delete(form.get('request')!);
    const code = b64url(randomBytes(32));
    codes.set(code, { clientId: opts.pool.clientId, redirectUri: request.redirectUri, challenge: request.challenge, tokens, expiresAt: Date.now() + CODE_TTL_MS });
    const to = new URL(request.redirectUri);
    to.searchParams.set('code', code);
    if (request.state !== undefined) to.searchParams.set('state', request.state);
    res.writeHead(302, { location: to.toString() }).end();
  }

  async function token(res: ServerResponse, origin: string | undefined, form: URLSearchParams | undefined): Promise<void> {
    if (!form) return tokenAnswer(res, origin, 400, { error: 'invalid_request' });
    if (form.get('client_id') !== opts.pool.clientId) return tokenAnswer(res, origin, 400, { error: 'invalid_client' });
    const grant = form.get('grant_type');
    if (grant === 'authorization_code') {
      const code = form.get('code') ?? '';
      const issued = codes.get(code);
      // A code is spent by its first exchange, right or wrong.
      codes.delete(code);
      const verifier = form.get('code_verifier') ?? '';
      const proven = issued?.challenge === undefined || (VERIFIER.test(verifier) && s256(verifier) === issued.challenge);
      if (!issued || issued.expiresAt <= Date.now() || issued.redirectUri !== form.get('redirect_uri') || !proven) {
        return tokenAnswer(res, origin, 400, { error: 'invalid_grant' });
      }
      const t = issued.tokens;
      return tokenAnswer(res, origin, 200, { id_token: t.IdToken, access_token: t.AccessToken, refresh_token: t.RefreshToken, expires_in: t.ExpiresIn ?? 3600, token_type: 'Bearer' });
    }
    if (grant === 'refresh_token') {
      try {
        const answer = await cognito.send(new InitiateAuthCommand({ ClientId: opts.pool.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: form.get('refresh_token') ?? '' } }));
        const t = answer.AuthenticationResult;
        if (!t?.IdToken) return tokenAnswer(res, origin, 400, { error: 'invalid_grant' });
        return tokenAnswer(res, origin, 200, { id_token: t.IdToken, access_token: t.AccessToken, expires_in: t.ExpiresIn ?? 3600, token_type: 'Bearer' });
      } catch {
        return tokenAnswer(res, origin, 400, { error: 'invalid_grant' });
      }
    }
    return tokenAnswer(res, origin, 400, { error: 'unsupported_grant_type' });
  }

  const server: Server = createServer((req, res) => {
    sweep(Date.now());
    const url = new URL(req.url ?? '/', 'http://localhost');
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const route = `${req.method} ${url.pathname}`;
    const done = (p: Promise<void> | void) => void Promise.resolve(p).catch(() => { if (!res.headersSent) res.writeHead(500).end(); });
    if (route === 'GET /oauth2/authorize') return done(authorize(res, url.searchParams));
    if (route === 'POST /login') return done(formOf(req).then((form) => (form ? login(res, form) : page(res, 400, 'Error', '<h1>Bad request</h1>'))));
    if (route === 'POST /oauth2/token') return done(formOf(req).then((form) => token(res, origin, form)));
    if (route === 'GET /logout') {
      const to = url.searchParams.get('logout_uri') ?? '';
      if (url.searchParams.get('client_id') !== opts.pool.clientId || !opts.logoutUrls.includes(to)) return page(res, 400, 'Error', '<h1>An error was encountered</h1><p>invalid logout_uri</p>');
      return void res.writeHead(302, { location: to }).end();
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  const listening = await listenOnLoopback(server, opts.port);
  return {
    url: `http://127.0.0.1:${listening.port}`,
    close: async () => {
      cognito.destroy();
      await listening.close();
    },
  };
}
