/**
 * One user per email across sign-in methods (seed 003): what the Cognito pre sign-up trigger
 * decides when a person signs up, by password or through an identity provider, and an account
 * with the same email may already exist. Plain functions over what the user pool lists; the
 * trigger (functions/identity/pre-signup.ts) and the local stack's federated sign-in
 * (infra/local/federation.ts) both ask these, so they cannot disagree.
 */
import { normalizeEmail } from '#domain/email.js';

/** One identity in Cognito's `identities` attribute and ID-token claim. */
export interface FederatedIdentity {
  /** The subject at the provider (SAML NameID, OIDC `sub`). */
  userId: string;
  providerName: string;
  /** `SAML`, `OIDC`, `Google`, `SignInWithApple`, `Facebook`, `LoginWithAmazon`. */
  providerType: string;
  issuer: string | null;
  /** Cognito writes both as strings. */
  primary: 'true' | 'false';
  /** Milliseconds since the epoch, as a string. */
  dateCreated: string;
}

/** A user of the pool as ListUsers describes it, reduced to what the decisions read. */
export interface PoolUser {
  username: string;
  sub?: string;
  email?: string;
  emailVerified: boolean;
  /** `CONFIRMED`, `UNCONFIRMED`, `EXTERNAL_PROVIDER`, `FORCE_CHANGE_PASSWORD`, ... */
  status?: string;
  enabled: boolean;
  identities: FederatedIdentity[];
  createdAt?: Date;
}

/** Who is signing in through a provider: the two halves of the new user's `Provider_subject` username. */
export interface ProviderIdentity {
  providerName: string;
  providerUserId: string;
}

export type ExternalSignUp = { kind: 'link'; to: PoolUser } | { kind: 'create' } | { kind: 'refuse'; reason: string };
export type PasswordSignUp = { kind: 'allow' } | { kind: 'refuse'; reason: string };

/** Cognito's own provider names (the social providers it knows by name). */
export const BUILT_IN_PROVIDERS = ['Google', 'SignInWithApple', 'Facebook', 'LoginWithAmazon'] as const;

/** The users among `users` whose email compares equal to `canonicalEmail` (already normalized). */
export function withEmail(canonicalEmail: string, users: readonly PoolUser[]): PoolUser[] {
  return users.filter((user) => {
    if (user.email === undefined) return false;
    try {
      return normalizeEmail(user.email) === canonicalEmail;
    } catch {
      // A stored look-alike address is equal to nothing.
      return false;
    }
  });
}

const isFederatedOnly = (user: PoolUser): boolean => user.status === 'EXTERNAL_PROVIDER';
const sameProvider = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const providersOf = (user: PoolUser): string => user.identities.map((i) => i.providerName).join(', ') || 'another provider';

/**
 * A first sign-in through a provider: link it to the one existing user with the same verified
 * email, create a new user when there is none, and refuse everything else — an unverified email,
 * an existing account whose own address is unverified (linking would hand it to whoever created
 * it), or one already linked to another identity of the same provider. Never a second user
 * for an email that has one.
 */
export function decideExternalSignUp(input: {
  canonicalEmail: string;
  emailVerified: boolean;
  source: ProviderIdentity;
  users: readonly PoolUser[];
}): ExternalSignUp {
  const { canonicalEmail, source } = input;
  if (!input.emailVerified) {
    return {
      kind: 'refuse',
      reason: `${source.providerName} did not confirm that ${canonicalEmail} is verified: no account is created or linked for an unverified email address.`,
    };
  }
  const same = withEmail(canonicalEmail, input.users);
  if (same.length === 0) return { kind: 'create' };
  if (same.some((user) => user.identities.some((i) => sameProvider(i.providerName, source.providerName)))) {
    return { kind: 'refuse', reason: `The account of ${canonicalEmail} is already linked to another ${source.providerName} identity.` };
  }
  const eligible = same.filter((user) => user.enabled && user.emailVerified && user.status !== 'UNCONFIRMED');
  if (eligible.length === 0) {
    return {
      kind: 'refuse',
      reason: `An account with ${canonicalEmail} exists but its email address is not verified: verify it first (sign in to that account), then sign in with ${source.providerName}.`,
    };
  }
  // Several users for one email only exist from before this rule: prefer the password account, then the oldest.
  const [to] = [...eligible].sort(
    (a, b) =>
      Number(isFederatedOnly(a)) - Number(isFederatedOnly(b)) ||
      (a.createdAt?.getTime() ?? 0) - (b.createdAt?.getTime() ?? 0) ||
      a.username.localeCompare(b.username),
  );
  return { kind: 'link', to: to! };
}

/**
 * A sign-up by password (or an administrator creating a user): refused when any user already
 * has the email, in particular one who signs in through a provider — Cognito would otherwise
 * create a second user, since a federated user's email is no username alias, and a password
 * cannot be linked to an existing user.
 */
export function decidePasswordSignUp(input: { canonicalEmail: string; users: readonly PoolUser[] }): PasswordSignUp {
  const same = withEmail(input.canonicalEmail, input.users);
  if (same.length === 0) return { kind: 'allow' };
  const federated = same.find(isFederatedOnly);
  return {
    kind: 'refuse',
    reason: federated
      ? `An account already uses ${input.canonicalEmail} and signs in through ${providersOf(federated)}: sign in that way.`
      : `An account already uses ${input.canonicalEmail}: sign in with it.`,
  };
}

/**
 * The provider and subject in a federated user's username (`Google_1234`, `CorpSAML_alice@corp.example`).
 * Case-insensitive pools hand triggers the username in lower case (`google_1234`), so the
 * provider is matched against the names the deployment configured, the longest first, and
 * given back as configured; a prefix matching none is taken as it is.
 */
export function parseFederatedUsername(userName: string, knownProviders: readonly string[]): ProviderIdentity | undefined {
  const lower = userName.toLowerCase();
  const known = [...knownProviders, ...BUILT_IN_PROVIDERS].sort((a, b) => b.length - a.length).find((name) => lower.startsWith(`${name.toLowerCase()}_`));
  const providerName = known ?? userName.slice(0, Math.max(0, userName.indexOf('_')));
  const providerUserId = userName.slice(providerName.length + 1);
  if (providerName === '' || providerUserId === '') return undefined;
  return { providerName, providerUserId };
}

/** Cognito's `identities` attribute (a JSON string) as a list; anything unreadable is no identity. */
export function parseIdentities(value: string | undefined): FederatedIdentity[] {
  if (value === undefined || value === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry: unknown) => {
    if (!entry || typeof entry !== 'object') return [];
    const e = entry as Record<string, unknown>;
    if (typeof e.providerName !== 'string' || e.userId === undefined) return [];
    return [{
      userId: String(e.userId),
      providerName: e.providerName,
      providerType: typeof e.providerType === 'string' ? e.providerType : 'OIDC',
      issuer: typeof e.issuer === 'string' ? e.issuer : null,
      primary: String(e.primary) === 'true' ? 'true' : 'false',
      dateCreated: e.dateCreated === undefined ? '0' : String(e.dateCreated),
    }];
  });
}
