/**
 * An organization's own identity provider (SAML or OIDC), registered in the deployment's Cognito
 * user pool and enabled on the portal client, so that its name can be a workspace's SSO
 * `providerName`. Plain rules, no AWS: the name rules, the reserved names, the attribute mapping
 * defaults, and which workspaces still require a provider.
 */
import type { Workspace } from '#domain/workspaces.js';
import { requirementOf } from '#domain/sso.js';

export type IdentityProviderType = 'SAML' | 'OIDC';
/** `pending` from the name's claim until the provider is on the portal client; then `active`. */
export type IdentityProviderStatus = 'pending' | 'active';

/** The user pool attributes every provider maps, so that each token carries them. */
export const MAPPED_ATTRIBUTES = ['email', 'email_verified', 'given_name', 'family_name'] as const;
export type MappedAttribute = (typeof MAPPED_ATTRIBUTES)[number];
export type AttributeMapping = Partial<Record<MappedAttribute, string>>;

/** What the organization told us about the provider. The OIDC client secret is never kept. */
export type IdentityProviderSettings =
  | { type: 'SAML'; metadataUrl: string }
  | { type: 'OIDC'; issuer: string; clientId: string; scopes: string[] };

export type IdentityProvider = IdentityProviderSettings & {
  orgId: string;
  name: string;
  status: IdentityProviderStatus;
  attributeMapping: AttributeMapping;
  createdAt: string;
  createdBy: string;
};

/**
 * Cognito's ProviderName is 3-32 characters, no leading or trailing `_`
 * (`[^_][\p{L}\p{M}\p{S}\p{N}\p{P}][^_]+`). Ours is stricter, so a name is also a safe path segment
 * and an unambiguous claim: ASCII letters, digits and `-`, starting with a letter or digit.
 */
export const PROVIDER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9-]{2,31}$/;

/** Names Cognito keeps for its own sign-in and its social providers. */
export const COGNITO_RESERVED_PROVIDER_NAMES = ['COGNITO', 'Google', 'Facebook', 'LoginWithAmazon', 'SignInWithApple'] as const;

/** Scopes asked of an OIDC provider when the organization names none (Cognito requires `openid`). */
export const DEFAULT_OIDC_SCOPES = ['openid', 'email', 'profile'] as const;

/** The claims each kind of provider sends for our attributes, unless the organization says otherwise. */
export const DEFAULT_ATTRIBUTE_MAPPING: Record<IdentityProviderType, AttributeMapping> = {
  SAML: {
    email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    given_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
    family_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
  },
  OIDC: { email: 'email', email_verified: 'email_verified', given_name: 'given_name', family_name: 'family_name' },
};

/**
 * Provider names are global to the user pool: one claim per name, compared case-insensitively
 * (stricter than Cognito, so two names never differ only by case on the sign-in page).
 */
export const claimedName = (name: string): string => name.toLowerCase();

/**
 * Why `name` cannot be an organization's provider, or undefined when it can: Cognito's own names
 * and the deployment's configured providers are refused, case-insensitively.
 */
export function reservedNameProblem(name: string, deploymentProviders: readonly string[]): string | undefined {
  const taken = [...COGNITO_RESERVED_PROVIDER_NAMES, ...deploymentProviders].find((reserved) => claimedName(reserved) === claimedName(name));
  if (taken === undefined) return undefined;
  return COGNITO_RESERVED_PROVIDER_NAMES.includes(taken as never)
    ? `is reserved by Cognito (${taken})`
    : 'is the name of one of this deployment\'s own sign-in providers';
}

/** The mapping sent to Cognito: the type's defaults, overridden attribute by attribute. */
export function attributeMappingFor(type: IdentityProviderType, overrides: AttributeMapping = {}): AttributeMapping {
  const mapping: AttributeMapping = { ...DEFAULT_ATTRIBUTE_MAPPING[type] };
  for (const attribute of MAPPED_ATTRIBUTES) {
    const claim = overrides[attribute];
    if (claim !== undefined) mapping[attribute] = claim;
  }
  return mapping;
}

/** The workspaces whose SSO setting requires `providerName` (the provider cannot go while any does). */
export function workspacesRequiring(workspaces: readonly Workspace[], providerName: string): Workspace[] {
  return workspaces.filter((workspace) => requirementOf(workspace.sso)?.providerName === providerName);
}
