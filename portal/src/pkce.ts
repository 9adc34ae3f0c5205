/**
 * PKCE (RFC 7636) for the managed login, and the one rule for where a sign-in may return to. No
 * DOM here (Web Crypto and btoa only), so the unit tests run it in Node as the browser runs it.
 */

const base64url = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** `bytes` random bytes, base64url: a verifier (32 bytes → 43 characters, RFC 7636 §4.1) or a state. */
export const randomString = (bytes: number): string => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** The S256 challenge of a verifier: BASE64URL(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** A path of this portal to go to after signing in; anything else (another origin) becomes `/`. */
export const safeNext = (next: string | undefined): string => (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/');
