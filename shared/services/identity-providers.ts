/**
 * An organization's own identity providers: list, add, remove.
 *
 * Adding: claim the name deployment-wide (`pending`) → CreateIdentityProvider → under the portal
 * client's lease, put the name on the client's SupportedIdentityProviders → `active` (with the
 * audit event and the lease given back in one transaction). Whatever fails undoes what was done
 * (the provider deleted, the claim freed); should the undo itself fail, the provider stays
 * `pending` in the list and DELETE finishes the job.
 *
 * Removing: refused while a workspace of the organization requires SSO through the provider;
 * otherwise, under the lease, off the client → DeleteIdentityProvider → the items go. Each step
 * accepts that it was already done, so a retry after a partial failure completes the removal.
 */
import type { OrgAccess } from '#auth/access.js';
import { releaseLease, type Lease } from '#db/lease.js';
import { cursorFrom, startKeyFrom, type Page } from '#db/paging.js';
import {
  acquirePortalClientLease,
  activateIdentityProvider,
  claimIdentityProvider,
  deleteIdentityProviderItems,
  getIdentityProvider,
  listIdentityProvidersPage,
  releaseIdentityProvider,
} from '#db/repositories/identity-providers.js';
import { listAllOrgWorkspaces } from '#db/repositories/workspaces.js';
import {
  attributeMappingFor,
  DEFAULT_OIDC_SCOPES,
  reservedNameProblem,
  workspacesRequiring,
  type AttributeMapping,
  type IdentityProvider,
} from '#domain/identity-providers.js';
import { identityProviderConfig } from '#kernel/config.js';
import { BadRequestError, ConflictError, NotFoundError } from '#kernel/errors.js';
import { logger } from '#kernel/logger.js';
import { cognitoError, createPoolProvider, deletePoolProvider, poolProviderOwnership, setPortalClientProvider } from '#services/user-pool.js';

export type IdentityProviderInput =
  | { name: string; type: 'SAML'; metadataUrl: string; attributeMapping?: AttributeMapping }
  | { name: string; type: 'OIDC'; issuer: string; clientId: string; clientSecret: string; scopes?: string[]; attributeMapping?: AttributeMapping };

export async function listIdentityProviders(access: OrgAccess, options: { limit: number; cursor?: string }): Promise<Page<IdentityProvider>> {
  const scope = `identity-providers|${access.userId}|${access.org.id}`;
  const { providers, lastKey } = await listIdentityProvidersPage(access.org.id, { limit: options.limit, startKey: startKeyFrom(scope, options.cursor) });
  return { items: providers, nextCursor: cursorFrom(scope, lastKey) };
}

/** What has been done so far of an add, for its undo. */
interface Progress {
  /** The pool may hold a provider of ours by that name (any Create that did not say "duplicate"). */
  created: boolean;
  lease?: Lease;
  onClient: boolean;
}

export async function addIdentityProvider(access: OrgAccess, input: IdentityProviderInput, now = new Date()): Promise<IdentityProvider> {
  const problem = reservedNameProblem(input.name, identityProviderConfig().reservedProviderNames);
  if (problem) throw new BadRequestError('The request body is invalid.', [{ path: 'body.name', message: problem }]);
  const settings =
    input.type === 'SAML'
      ? { type: 'SAML' as const, metadataUrl: input.metadataUrl }
      : { type: 'OIDC' as const, issuer: input.issuer, clientId: input.clientId, scopes: input.scopes ?? [...DEFAULT_OIDC_SCOPES] };
  const provider: IdentityProvider = {
    ...settings,
    orgId: access.org.id,
    name: input.name,
    status: 'pending',
    attributeMapping: attributeMappingFor(input.type, input.attributeMapping),
    createdAt: now.toISOString(),
    createdBy: access.userId,
  };

  await claimIdentityProvider(provider);
  const progress: Progress = { created: false, onClient: false };
  try {
    // From here the pool may hold our provider: only "duplicate" says for sure that it does not.
    progress.created = true;
    await createPoolProvider(provider, input.type === 'OIDC' ? input.clientSecret : undefined);
    progress.lease = await acquirePortalClientLease();
    await setPortalClientProvider(provider.name, true);
    progress.onClient = true;
    return await activateIdentityProvider(provider, progress.lease);
  } catch (error) {
    if ((error as Error).name === 'DuplicateProviderException') progress.created = false;
    await undoAdd(provider, progress);
    throw cognitoError(error);
  }
}

/** Undoes a failed add as far as it went; what cannot be undone stays `pending` for DELETE. */
async function undoAdd(provider: IdentityProvider, progress: Progress): Promise<void> {
  try {
    if (progress.onClient && progress.lease) await setPortalClientProvider(provider.name, false);
    if (progress.created && (await poolProviderOwnership(provider)) === 'ours') await deletePoolProvider(provider.name);
    await releaseIdentityProvider(provider.orgId, provider.name);
  } catch (error) {
    logger.error('A failed identity-provider add could not be undone: it stays pending until DELETE removes it', { error, name: provider.name, orgId: provider.orgId });
  } finally {
    if (progress.lease) await releaseLease(progress.lease).catch((error: unknown) => logger.warn('Lease not given back; it runs out by itself', { error }));
  }
}

/** The provider the path names: read with the caller's access when the route asks for it (`alsoReads`), else now. */
async function findIdentityProvider(access: OrgAccess, name: string): Promise<IdentityProvider> {
  const named = access.named.identityProvider;
  const provider = named === undefined ? await getIdentityProvider(access.org.id, name) : (named ?? undefined);
  if (!provider) throw new NotFoundError('No such identity provider.');
  return provider;
}

export async function removeIdentityProvider(access: OrgAccess, name: string): Promise<void> {
  const provider = await findIdentityProvider(access, name);
  const requiring = workspacesRequiring(await listAllOrgWorkspaces(access.org.id), provider.name);
  if (requiring.length > 0) {
    throw new ConflictError(
      `Workspaces still require single sign-on through ${provider.name} (${requiring.map((w) => w.name).join(', ')}): turn it off there first.`,
    );
  }
  // A provider of that name that is not the one we registered (the deployment's own) is left alone.
  const ownership = await poolProviderOwnership(provider).catch((error: unknown) => {
    throw cognitoError(error);
  });
  if (ownership === 'other') logger.warn('The pool holds another provider under this name: only our record goes', { name: provider.name, orgId: provider.orgId });
  const lease = await acquirePortalClientLease();
  try {
    if (ownership !== 'other') await setPortalClientProvider(provider.name, false);
    if (ownership === 'ours') await deletePoolProvider(provider.name);
    await deleteIdentityProviderItems(provider, access.userId, lease);
  } catch (error) {
    await releaseLease(lease).catch(() => undefined);
    throw cognitoError(error);
  }
}
