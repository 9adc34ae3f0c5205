/**
 * An organization's own identity provider, one home: the request and response schemas (which
 * validate requests and describe them in OpenAPI) and the view that turns a record into the
 * answer. The OIDC client secret is accepted and never answered.
 */
import * as z from 'zod';
import { DEFAULT_ATTRIBUTE_MAPPING, DEFAULT_OIDC_SCOPES, PROVIDER_NAME_PATTERN, type IdentityProvider as ProviderRecord } from '#domain/identity-providers.js';
import { EXAMPLE, HttpsUrl, Id, PageQuery, Timestamp } from './common.js';

const noControlCharacters = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

export const IdentityProviderName = z
  .string()
  .regex(PROVIDER_NAME_PATTERN, 'must be 3-32 letters, digits or "-", starting with a letter or digit')
  .meta({
    description:
      "unique across the deployment (compared case-insensitively); a workspace's `sso.providerName`. Cognito's own names (COGNITO, Google, Facebook, LoginWithAmazon, SignInWithApple) and the deployment's providers are refused",
  });

/** A claim name or URI of the provider's assertion. */
const Claim = z.string().trim().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters').refine(noControlCharacters, 'must not contain control characters');

export const AttributeMappingOverrides = z
  .strictObject({ email: Claim.optional(), email_verified: Claim.optional(), given_name: Claim.optional(), family_name: Claim.optional() })
  .meta({
    id: 'IdentityProviderAttributeMapping',
    description: `user pool attribute → the provider's claim. Defaults: SAML ${JSON.stringify(DEFAULT_ATTRIBUTE_MAPPING.SAML)}; OIDC ${JSON.stringify(DEFAULT_ATTRIBUTE_MAPPING.OIDC)}`,
  });

const Credential = (max: number) =>
  z.string().min(1, 'must not be empty').max(max, `must be at most ${max} characters`).refine(noControlCharacters, 'must not contain control characters');

/** RFC 6749 scope tokens; Cognito asks an OIDC provider for `openid` always. */
const Scopes = z
  .array(z.string().regex(/^[\x21\x23-\x5b\x5d-\x7e]{1,128}$/, 'must be an OAuth scope (no spaces or quotes)'))
  .min(1, 'must name at least one scope')
  .max(25, 'must name at most 25 scopes')
  .refine((scopes) => scopes.includes('openid'), 'must include openid')
  .refine((scopes) => new Set(scopes).size === scopes.length, 'must not repeat a scope');

const SamlCreate = z.strictObject({
  name: IdentityProviderName,
  type: z.literal('SAML'),
  metadataUrl: HttpsUrl.meta({ description: "where Cognito fetches the provider's SAML metadata" }),
  attributeMapping: AttributeMappingOverrides.optional(),
});
const OidcCreate = z.strictObject({
  name: IdentityProviderName,
  type: z.literal('OIDC'),
  issuer: HttpsUrl.meta({ description: 'the OpenID Connect issuer; Cognito discovers the endpoints from it' }),
  clientId: Credential(256),
  clientSecret: Credential(2048).meta({ description: 'handed to Cognito only: never stored by this API, never answered' }),
  scopes: Scopes.optional().meta({ description: `default ${DEFAULT_OIDC_SCOPES.join(' ')}` }),
  attributeMapping: AttributeMappingOverrides.optional(),
});
export const IdentityProviderCreateBody = z
  .discriminatedUnion('type', [SamlCreate, OidcCreate], { error: 'must be SAML or OIDC' })
  .meta({
    id: 'IdentityProviderCreate',
    examples: [{ name: 'acme-okta', type: 'SAML', metadataUrl: 'https://acme.okta.com/app/exk1/sso/saml/metadata', attributeMapping: { email: 'user.email' } }],
  });

export const IdentityProviderParams = z.strictObject({ orgId: Id, name: IdentityProviderName });
export const IdentityProviderListQuery = PageQuery;

const ProviderStatus = z.enum(['pending', 'active']).meta({
  id: 'IdentityProviderStatus',
  description: '`pending` while being added (or after an add that could not be undone: DELETE removes it); `active` once usable',
});
const common = {
  name: z.string(),
  status: ProviderStatus,
  attributeMapping: z.record(z.string(), z.string()),
  createdAt: Timestamp,
  createdBy: z.string(),
};
export const IdentityProvider = z
  .discriminatedUnion('type', [
    z.object({ ...common, type: z.literal('SAML'), metadataUrl: z.string() }),
    z.object({ ...common, type: z.literal('OIDC'), issuer: z.string(), clientId: z.string(), scopes: z.array(z.string()) }),
  ])
  .meta({
    id: 'IdentityProvider',
    examples: [
      {
        name: 'acme-okta',
        status: 'active',
        attributeMapping: { email: 'user.email' },
        createdAt: EXAMPLE.at,
        createdBy: EXAMPLE.userId,
        type: 'SAML',
        metadataUrl: 'https://acme.okta.com/app/exk1/sso/saml/metadata',
      },
    ],
  });

/** The record as answered: never a secret (none is kept). */
export function identityProviderView(p: ProviderRecord): z.output<typeof IdentityProvider> {
  const base = { name: p.name, status: p.status, attributeMapping: { ...p.attributeMapping }, createdAt: p.createdAt, createdBy: p.createdBy };
  return p.type === 'SAML'
    ? { ...base, type: 'SAML', metadataUrl: p.metadataUrl }
    : { ...base, type: 'OIDC', issuer: p.issuer, clientId: p.clientId, scopes: [...p.scopes] };
}
