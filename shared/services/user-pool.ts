/**
 * The deployment's Cognito user pool, as the identity-provider operations use it: create, look at
 * and delete a SAML or OIDC provider, and add or take its name on the portal client's
 * `SupportedIdentityProviders`. Only the identity-provider functions import this module (and are
 * granted exactly these five actions on the pool). Errors stay the SDK's; `cognitoError` turns
 * them into answers.
 */
import {
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  DescribeUserPoolClientCommand,
  UpdateUserPoolClientCommand,
  type UpdateUserPoolClientRequest,
} from '@aws-sdk/client-cognito-identity-provider';
import type { IdentityProvider } from '#domain/identity-providers.js';
import { credentialsFromEnvironment } from '#kernel/aws-credentials.js';
import { config, identityProviderConfig } from '#kernel/config.js';
import { BadRequestError, ConflictError, HttpError, QuotaExceededError, ServiceUnavailableError } from '#kernel/errors.js';

let client: CognitoIdentityProviderClient | undefined;

/** Created on first use, once per container. */
export function cognito(): CognitoIdentityProviderClient {
  client ??= new CognitoIdentityProviderClient({
    region: config().region,
    endpoint: identityProviderConfig().cognitoEndpoint,
    maxAttempts: 3,
    credentials: credentialsFromEnvironment,
  });
  return client;
}

const errorName = (error: unknown) => (error as Error | undefined)?.name;
const isNotFound = (error: unknown) => errorName(error) === 'ResourceNotFoundException';

/** Cognito's `ProviderDetails` for the provider; the OIDC client secret goes to Cognito only. */
export function providerDetails(provider: IdentityProvider, clientSecret?: string): Record<string, string> {
  if (provider.type === 'SAML') return { MetadataURL: provider.metadataUrl };
  return {
    client_id: provider.clientId,
    ...(clientSecret === undefined ? {} : { client_secret: clientSecret }),
    authorize_scopes: provider.scopes.join(' '),
    oidc_issuer: provider.issuer,
    attributes_request_method: 'GET',
  };
}

/** Registers the provider in the user pool (not yet usable: the portal client does not list it). */
export async function createPoolProvider(provider: IdentityProvider, clientSecret?: string): Promise<void> {
  const { userPoolId } = identityProviderConfig();
  await cognito().send(
    new CreateIdentityProviderCommand({
      UserPoolId: userPoolId,
      ProviderName: provider.name,
      ProviderType: provider.type,
      ProviderDetails: providerDetails(provider, clientSecret),
      AttributeMapping: provider.attributeMapping,
    }),
  );
}

/**
 * Whether the pool's provider of that name is the one this record describes (`ours`), none
 * (`absent`) or another one (`other`: never ours to change or delete).
 */
export async function poolProviderOwnership(provider: IdentityProvider): Promise<'ours' | 'absent' | 'other'> {
  try {
    const { IdentityProvider: found } = await cognito().send(
      new DescribeIdentityProviderCommand({ UserPoolId: identityProviderConfig().userPoolId, ProviderName: provider.name }),
    );
    const details = found?.ProviderDetails ?? {};
    const expected = providerDetails(provider);
    const same =
      found?.ProviderType === provider.type &&
      (provider.type === 'SAML'
        ? details.MetadataURL === expected.MetadataURL
        : details.oidc_issuer === expected.oidc_issuer && details.client_id === expected.client_id);
    return same ? 'ours' : 'other';
  } catch (error) {
    if (isNotFound(error)) return 'absent';
    throw error;
  }
}

/** Deletes the pool's provider of that name; one already gone is fine. */
export async function deletePoolProvider(name: string): Promise<void> {
  try {
    await cognito().send(new DeleteIdentityProviderCommand({ UserPoolId: identityProviderConfig().userPoolId, ProviderName: name }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/**
 * Puts `name` on (`enabled`) or takes it off the portal client's `SupportedIdentityProviders`.
 * UpdateUserPoolClient REPLACES the client's configuration (what it is not given goes back to
 * Cognito's defaults), so every field DescribeUserPoolClient returned goes back with it except the
 * read-only ones. A read-modify-write: the caller holds the portal client's lease.
 */
export async function setPortalClientProvider(name: string, enabled: boolean): Promise<void> {
  const { userPoolId, portalClientId } = identityProviderConfig();
  const { UserPoolClient: current } = await cognito().send(new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: portalClientId }));
  if (!current) throw new Error(`DescribeUserPoolClient returned no client ${portalClientId}`);
  const providers = current.SupportedIdentityProviders ?? [];
  if (providers.includes(name) === enabled) return;
  // Read-only fields of the description, which UpdateUserPoolClient does not take.
  const { ClientSecret: _secret, CreationDate: _created, LastModifiedDate: _modified, ClientType: _type, ...settings } = current;
  const update: UpdateUserPoolClientRequest = {
    ...settings,
    UserPoolId: userPoolId,
    ClientId: portalClientId,
    SupportedIdentityProviders: enabled ? [...providers, name] : providers.filter((provider) => provider !== name),
  };
  await cognito().send(new UpdateUserPoolClientCommand(update));
}

/**
 * The answer for a Cognito error: its own message for bad input, 409 for a taken name, 503 for what
 * passes; anything else (a missing pool or client: the deployment's fault) stays a 500.
 */
export function cognitoError(error: unknown): Error {
  if (error instanceof HttpError) return error;
  const message = (error as Error | undefined)?.message ?? 'Cognito refused the provider.';
  switch (errorName(error)) {
    case 'InvalidParameterException':
      return new BadRequestError(`Cognito refused the provider: ${message}`, [{ path: 'body', message }]);
    case 'DuplicateProviderException':
      return new ConflictError('That identity provider name is taken: choose another.');
    case 'LimitExceededException':
      return new QuotaExceededError('The user pool holds as many identity providers as it may.');
    case 'TooManyRequestsException':
    case 'ConcurrentModificationException':
    case 'InternalErrorException':
      return new ServiceUnavailableError('Cognito is busy; try again.', 2);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}
