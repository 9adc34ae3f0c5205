/**
 * The user pool's pre sign-up Lambda trigger (not an API route): one user per email across
 * sign-in methods (seed 003; shared/domain/sign-in.ts decides).
 *
 * - `PreSignUp_ExternalProvider` (a first sign-in through Google, SAML, ...): an existing user
 *   with the same verified email gets the identity linked (AdminLinkProviderForUser) and the
 *   sign-in goes on as that user — one `sub`, one profile, every membership. With no such user
 *   the federated user is created; an unverified email, an unverified existing account or a
 *   second identity of the same provider is refused (the error below). A provider the
 *   deployment trusts to own its addresses (`trustEmail`) counts as verifying the email.
 * - `PreSignUp_SignUp`, `PreSignUp_AdminCreateUser` (a password sign-up): refused when any
 *   user already has the email.
 *
 * A thrown error stops the sign-up; Cognito shows the portal `PreSignUp failed with error <message>.`
 * Addresses with look-alike characters are refused on every path (shared/domain/email.ts).
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreSignUpTriggerEvent } from 'aws-lambda';
import { z } from 'zod';
import { normalizeEmail } from '#domain/email.js';
import { decideExternalSignUp, decidePasswordSignUp, parseFederatedUsername } from '#domain/sign-in.js';
import { credentialsFromEnvironment } from '#kernel/aws-credentials.js';
import { HttpError } from '#kernel/errors.js';
import { logger } from '#kernel/logger.js';
import { linkIdentity, listUsersByEmail, toPoolUser } from './pool-users.js';

/** What the stack tells the trigger about the configured providers (infra/constructs/identity.ts). */
export const PROVIDERS_ENV = 'SIGN_IN_PROVIDERS';
const Providers = z.array(z.strictObject({ name: z.string().min(1), trustEmail: z.boolean() }));
export type TriggerProviders = z.infer<typeof Providers>;

export interface TriggerDependencies {
  client: CognitoIdentityProviderClient;
  providers: TriggerProviders;
}

function providersFromEnv(): TriggerProviders {
  const raw = process.env[PROVIDERS_ENV];
  return raw === undefined || raw === '' ? [] : Providers.parse(JSON.parse(raw));
}

let defaults: TriggerDependencies | undefined;
const dependencies = (): TriggerDependencies => (defaults ??= { client: new CognitoIdentityProviderClient({ credentials: credentialsFromEnvironment }), providers: providersFromEnv() });

/** Refuses the sign-up with a sentence the portal can show. */
class SignUpRefused extends Error {
  override name = 'SignUpRefused';
}

export async function preSignUp(event: PreSignUpTriggerEvent, deps: TriggerDependencies = dependencies()): Promise<PreSignUpTriggerEvent> {
  const typed = event.request.userAttributes.email;
  if (typed === undefined || typed === '') {
    throw new SignUpRefused('No email address came with this sign-up: the identity provider must send one (attribute mapping for email).');
  }
  let canonicalEmail: string;
  try {
    canonicalEmail = normalizeEmail(typed);
  } catch (error) {
    if (error instanceof HttpError) throw new SignUpRefused(error.message);
    throw error;
  }
  const users = (await listUsersByEmail(deps.client, event.userPoolId, canonicalEmail)).map((user) => toPoolUser(user));

  if (event.triggerSource !== 'PreSignUp_ExternalProvider') {
    const decision = decidePasswordSignUp({ canonicalEmail, users });
    if (decision.kind === 'refuse') throw new SignUpRefused(decision.reason);
    return event;
  }

  const source = parseFederatedUsername(event.userName, deps.providers.map((p) => p.name));
  if (source === undefined) throw new SignUpRefused(`Cannot tell the identity provider from the username ${event.userName}.`);
  const trusted = deps.providers.some((p) => p.trustEmail && p.name.toLowerCase() === source.providerName.toLowerCase());
  const emailVerified = event.request.userAttributes.email_verified === 'true' || trusted;
  const decision = decideExternalSignUp({ canonicalEmail, emailVerified, source, users });
  switch (decision.kind) {
    case 'refuse':
      logger.warn('Federated sign-up refused', { provider: source.providerName, reason: decision.reason });
      throw new SignUpRefused(decision.reason);
    case 'link':
      await linkIdentity(deps.client, event.userPoolId, decision.to, source);
      logger.info('Federated identity linked to an existing user', { provider: source.providerName, sub: decision.to.sub });
      return event;
    case 'create':
      // A trusted provider that sends no email_verified: the new user's address counts as verified.
      if (trusted) event.response.autoVerifyEmail = true;
      return event;
  }
}

export const handler = (event: PreSignUpTriggerEvent): Promise<PreSignUpTriggerEvent> => preSignUp(event);
