/**
 * The route table's identity providers rows. functions/routes.ts joins every part; a handler imports only its
 * own part, so its function builds only these rows' schemas (issue 15).
 */
import type { RouteSpec } from '#http/route.js';
import { identityProviders, read } from '#functions/routes/permissions.js';
import { page } from '#http/resources/common.js';
import { IdentityProvider, IdentityProviderCreateBody, IdentityProviderListQuery, IdentityProviderParams } from '#http/resources/identity-providers.js';
import { OrgParams } from '#http/resources/organizations.js';

export const identityProvidersRoutes = {
  'GET /orgs/{orgId}/identity-providers': {
    handler: 'identity-providers/list', auth: 'user', scope: 'org', action: 'org.readIdentityProviders', tag: 'Identity providers',
    summary: "The organization's own SAML and OIDC providers (never a secret)", params: OrgParams, query: IdentityProviderListQuery,
    status: 200, response: page(IdentityProvider), answers: {}, permissions: read,
  },
  'POST /orgs/{orgId}/identity-providers': {
    handler: 'identity-providers/create', auth: 'user', scope: 'org', action: 'org.manageIdentityProviders', tag: 'Identity providers',
    summary: "Register a SAML or OIDC provider (name unique in the deployment) and enable it on the portal client: usable as a workspace's SSO providerName",
    params: OrgParams, body: IdentityProviderCreateBody, status: 201, response: IdentityProvider, idempotent: true, answers: { 409: ['conflict', 'quota_exceeded'] }, location: true, permissions: identityProviders,
  },
  'DELETE /orgs/{orgId}/identity-providers/{name}': {
    handler: 'identity-providers/delete', auth: 'user', scope: 'org', action: 'org.manageIdentityProviders', tag: 'Identity providers',
    summary: 'Remove the provider from the portal client and the user pool (409 while a workspace requires SSO through it)',
    params: IdentityProviderParams, status: 204, response: null, answers: { 409: ['conflict'] }, permissions: identityProviders, alsoReads: ['identityProvider'],
  },
} satisfies Record<string, RouteSpec>;
