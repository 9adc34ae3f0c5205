/**
 * The identity-provider item. Written by hand rather than with `recordKind`: the record is a
 * union (SAML or OIDC) whose `type` names the provider's kind, while `type` on every item of the
 * table names the item's kind, so the item keeps the provider's kind as `providerType`.
 */
import type { AttributeMapping, IdentityProvider } from '#domain/identity-providers.js';
import { keys } from '#db/keys.js';
import type { Item } from '#db/ops.js';

export function identityProviderItem(provider: IdentityProvider): Item {
  const { type, ...rest } = provider;
  return { ...keys.identityProvider(provider.orgId, provider.name), ...rest, type: 'IdentityProvider', providerType: type };
}

export function toIdentityProvider(item: Item): IdentityProvider {
  const common = {
    orgId: item.orgId as string,
    name: item.name as string,
    status: item.status as IdentityProvider['status'],
    attributeMapping: (item.attributeMapping as AttributeMapping | undefined) ?? {},
    createdAt: item.createdAt as string,
    createdBy: item.createdBy as string,
  };
  return item.providerType === 'OIDC'
    ? { ...common, type: 'OIDC', issuer: item.issuer as string, clientId: item.clientId as string, scopes: (item.scopes as string[] | undefined) ?? [] }
    : { ...common, type: 'SAML', metadataUrl: item.metadataUrl as string };
}
