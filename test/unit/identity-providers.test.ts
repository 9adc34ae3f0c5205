/** The rules of an organization's own identity provider: names, reserved names, attribute mapping, the request schema and the view. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  attributeMappingFor,
  COGNITO_RESERVED_PROVIDER_NAMES,
  PROVIDER_NAME_PATTERN,
  reservedNameProblem,
  workspacesRequiring,
  type IdentityProvider,
} from '#domain/identity-providers.js';
import type { Workspace } from '#domain/workspaces.js';
import { keys } from '#db/keys.js';
import { IdentityProviderCreateBody, identityProviderView } from '#http/resources/identity-providers.js';

/** Cognito's own ProviderName constraint (API reference, CreateIdentityProvider): 3-32, no leading or trailing `_`. */
const COGNITO_PROVIDER_NAME = /^[^_][\p{L}\p{M}\p{S}\p{N}\p{P}][^_]+$/u;

describe('provider names', () => {
  it.each(['Corp', 'CorpSAML', 'acme-okta-2', 'A1b', 'x'.repeat(32)])('accepts %s', (name) => {
    expect(PROVIDER_NAME_PATTERN.test(name)).toBe(true);
  });

  it.each(['ab', '-Corp', 'Corp SAML', 'Corp_SAML', 'Córp', 'x'.repeat(33), 'a/b', ''])('refuses %j', (name) => {
    expect(PROVIDER_NAME_PATTERN.test(name)).toBe(false);
  });

  it('accepts only names Cognito accepts too', () => {
    fc.assert(
      fc.property(fc.stringMatching(PROVIDER_NAME_PATTERN), (name) => {
        expect(name.length).toBeGreaterThanOrEqual(3);
        expect(name.length).toBeLessThanOrEqual(32);
        expect(COGNITO_PROVIDER_NAME.test(name)).toBe(true);
      }),
    );
  });

  it("refuses Cognito's names and the deployment's providers, whatever the case", () => {
    for (const name of COGNITO_RESERVED_PROVIDER_NAMES) {
      expect(reservedNameProblem(name, [])).toContain('reserved by Cognito');
      expect(reservedNameProblem(name.toLowerCase(), [])).toContain('reserved by Cognito');
    }
    expect(reservedNameProblem('CorpGoogle', ['CorpGoogle', 'Entra'])).toContain("deployment's own");
    expect(reservedNameProblem('entra', ['CorpGoogle', 'Entra'])).toContain("deployment's own");
    expect(reservedNameProblem('CorpSAML', ['CorpGoogle'])).toBeUndefined();
  });

  it('claims a name deployment-wide, case-insensitively; the org item keeps it as given', () => {
    expect(keys.identityProviderName('CorpSAML')).toEqual(keys.identityProviderName('corpsaml'));
    expect(keys.identityProviderName('CorpSAML')).toEqual({ PK: 'IDPNAME#corpsaml', SK: 'IDPNAME' });
    expect(keys.identityProvider('o-1', 'CorpSAML')).toEqual({ PK: 'ORG#o-1', SK: 'IDP#CorpSAML' });
    // Outside the member directory's key range (INVITE#… to MEMBER#…).
    expect(keys.identityProvider('o-1', 'zzz').SK < 'INVITE#').toBe(true);
  });
});

describe('attribute mapping', () => {
  it('maps the standard SAML claim URIs and the OIDC claims by default', () => {
    expect(attributeMappingFor('SAML')).toEqual({
      email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
      given_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
      family_name: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
    });
    expect(attributeMappingFor('OIDC')).toEqual({ email: 'email', email_verified: 'email_verified', given_name: 'given_name', family_name: 'family_name' });
  });

  it('takes overrides attribute by attribute, leaving the other defaults', () => {
    expect(attributeMappingFor('OIDC', { email: 'upn' })).toMatchObject({ email: 'upn', given_name: 'given_name' });
    expect(attributeMappingFor('SAML', { email_verified: 'verified' })).toMatchObject({
      email_verified: 'verified',
      email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
    });
  });
});

describe('workspaces that require a provider', () => {
  const ws = (name: string, sso: Workspace['sso']) => ({ id: name, name, sso }) as Workspace;

  it('are those whose SSO is on through exactly that name', () => {
    const all = [ws('a', { required: true, providerName: 'Corp' }), ws('b', { required: false, providerName: 'Corp' }), ws('c', null), ws('d', { required: true, providerName: 'corp' })];
    expect(workspacesRequiring(all, 'Corp').map((w) => w.name)).toEqual(['a']);
  });
});

describe('the create body', () => {
  const parse = (body: unknown) => IdentityProviderCreateBody.safeParse(body);
  const paths = (body: unknown) => {
    const result = parse(body);
    return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
  };
  const oidc = { name: 'Entra', type: 'OIDC', issuer: 'https://login.example.com', clientId: 'c', clientSecret: 's' };

  it('is SAML with an https metadata URL, or OIDC with an https issuer, a client id and its secret', () => {
    expect(parse({ name: 'Corp', type: 'SAML', metadataUrl: 'https://idp.example.com/m' }).success).toBe(true);
    expect(parse(oidc).success).toBe(true);
    expect(paths({ name: 'Corp', type: 'SAML', metadataUrl: 'http://idp.example.com/m' })).toEqual(['metadataUrl']);
    expect(paths({ ...oidc, issuer: 'http://login.example.com' })).toEqual(['issuer']);
    expect(paths({ ...oidc, clientSecret: undefined })).toEqual(['clientSecret']);
    expect(paths({ name: 'Corp', type: 'SAML', metadataUrl: 'https://idp.example.com/m', clientId: 'x' })).toEqual(['']);
    expect(paths({ ...oidc, type: 'LDAP' })).toEqual(['type']);
  });

  it('takes OIDC scopes that include openid, once each', () => {
    expect(parse({ ...oidc, scopes: ['openid', 'email'] }).success).toBe(true);
    expect(paths({ ...oidc, scopes: ['email'] })).toEqual(['scopes']);
    expect(paths({ ...oidc, scopes: ['openid', 'openid'] })).toEqual(['scopes']);
    expect(paths({ ...oidc, scopes: ['openid', 'two words'] })).toEqual(['scopes.1']);
  });

  it('overrides only the four mapped attributes', () => {
    expect(parse({ ...oidc, attributeMapping: { email: 'upn' } }).success).toBe(true);
    expect(paths({ ...oidc, attributeMapping: { phone_number: 'phone' } })).toEqual(['attributeMapping']);
  });
});

describe('the view', () => {
  it('answers what was registered and nothing secret', () => {
    const provider: IdentityProvider = {
      orgId: 'o-1', name: 'Entra', type: 'OIDC', issuer: 'https://login.example.com', clientId: 'c', scopes: ['openid'],
      status: 'active', attributeMapping: { email: 'email' }, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'u-1',
    };
    expect(identityProviderView(provider)).toEqual({
      name: 'Entra', type: 'OIDC', issuer: 'https://login.example.com', clientId: 'c', scopes: ['openid'],
      status: 'active', attributeMapping: { email: 'email' }, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'u-1',
    });
  });
});
