import { SecretValue } from 'aws-cdk-lib';
import {
  OidcAttributeRequestMethod,
  ProviderAttribute,
  UserPoolClientIdentityProvider,
  UserPoolIdentityProviderApple,
  UserPoolIdentityProviderGoogle,
  UserPoolIdentityProviderOidc,
  UserPoolIdentityProviderSaml,
  UserPoolIdentityProviderSamlMetadata,
  type AttributeMapping,
  type IUserPool,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct, IConstruct } from 'constructs';
import type { AttributeNames, SecretRef, SignInConfig } from '../sign-in-config.js';

/** One identity provider of the pool, as the portal client and the pre sign-up trigger need it. */
export interface SignInProvider {
  /** The provider name in Cognito: the prefix of its users' usernames, `providerName` in `identities`. */
  name: string;
  construct: IConstruct;
  clientProvider: UserPoolClientIdentityProvider;
  /** Its users count as verified without an `email_verified` claim (deployment config). */
  trustEmail: boolean;
}

/** Where SAML IdPs (Entra ID, Okta, Google Workspace, AD FS) put the attributes by default; a provider's `attributes` overrides them. */
export const SAML_CLAIMS = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  givenName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname',
  familyName: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname',
} as const;

/** The personal-accounts tenant of Microsoft Entra ID: its tokens' issuer names this id. */
export const MICROSOFT_CONSUMERS_TENANT = '9188040d-6c67-4c5b-b112-36a304b66dad';

const OIDC_CLAIMS: Required<AttributeNames> = { email: 'email', emailVerified: 'email_verified', givenName: 'given_name', familyName: 'family_name' };

/** A CloudFormation dynamic reference to the secret, resolved while deploying: no value in the template. */
function secretOf(ref: SecretRef): SecretValue {
  return SecretValue.secretsManager(ref.secret, ref.field === undefined ? {} : { jsonField: ref.field });
}

/** The user-pool attributes filled from the named provider attributes (absent names map nothing). */
function mapping(names: Partial<AttributeNames>): AttributeMapping {
  return Object.fromEntries(
    Object.entries(names).flatMap(([attribute, name]) => (name === undefined ? [] : [[attribute, ProviderAttribute.other(name)]])),
  );
}

/**
 * The providers the configuration lists, each mapping `email`, `given_name`, `family_name` and,
 * where the provider asserts it, `email_verified` (Google, Apple, LinkedIn, and OIDC providers
 * that send it). Entra ID and SAML send no such claim: a deployment marks such a provider
 * `trustEmail` when it owns the addresses it asserts, and the pre sign-up trigger then treats
 * its users' emails as verified; otherwise their sign-ups are refused.
 */
export function addSignInProviders(scope: Construct, userPool: IUserPool, config: SignInConfig): SignInProvider[] {
  const providers: SignInProvider[] = [];
  const { google, apple, microsoft, linkedin } = config.social;

  if (google) {
    const construct = new UserPoolIdentityProviderGoogle(scope, 'Google', {
      userPool,
      clientId: google.clientId,
      clientSecretValue: secretOf(google.clientSecret),
      scopes: ['openid', 'email', 'profile'],
      attributeMapping: {
        email: ProviderAttribute.GOOGLE_EMAIL,
        emailVerified: ProviderAttribute.GOOGLE_EMAIL_VERIFIED,
        givenName: ProviderAttribute.GOOGLE_GIVEN_NAME,
        familyName: ProviderAttribute.GOOGLE_FAMILY_NAME,
      },
    });
    providers.push({ name: 'Google', construct, clientProvider: UserPoolClientIdentityProvider.GOOGLE, trustEmail: false });
  }

  if (apple) {
    const construct = new UserPoolIdentityProviderApple(scope, 'Apple', {
      userPool,
      clientId: apple.servicesId,
      teamId: apple.teamId,
      keyId: apple.keyId,
      privateKeyValue: secretOf(apple.privateKey),
      scopes: ['email', 'name'],
      attributeMapping: {
        email: ProviderAttribute.APPLE_EMAIL,
        emailVerified: ProviderAttribute.APPLE_EMAIL_VERIFIED,
        givenName: ProviderAttribute.APPLE_FIRST_NAME,
        familyName: ProviderAttribute.APPLE_LAST_NAME,
      },
    });
    providers.push({ name: 'SignInWithApple', construct, clientProvider: UserPoolClientIdentityProvider.APPLE, trustEmail: false });
  }

  const oidc = (id: string, p: { name: string; issuer: string; clientId: string; clientSecret: SecretRef; scopes?: string[]; identifiers?: string[]; attributes: Partial<AttributeNames>; trustEmail: boolean }) => {
    const construct = new UserPoolIdentityProviderOidc(scope, id, {
      userPool,
      name: p.name,
      issuerUrl: p.issuer,
      clientId: p.clientId,
      clientSecret: secretOf(p.clientSecret).unsafeUnwrap(),
      scopes: p.scopes ?? ['openid', 'email', 'profile'],
      identifiers: p.identifiers,
      attributeRequestMethod: OidcAttributeRequestMethod.GET,
      attributeMapping: mapping(p.attributes),
    });
    providers.push({ name: p.name, construct, clientProvider: UserPoolClientIdentityProvider.custom(p.name), trustEmail: p.trustEmail });
  };

  if (microsoft) {
    const tenant = microsoft.tenantId.toLowerCase() === 'consumers' ? MICROSOFT_CONSUMERS_TENANT : microsoft.tenantId;
    oidc('Microsoft', {
      ...microsoft,
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      // Entra ID sends no email_verified (its optional `email` claim is whatever the directory holds).
      attributes: { email: 'email', givenName: 'given_name', familyName: 'family_name' },
    });
  }
  if (linkedin) {
    oidc('LinkedIn', { ...linkedin, issuer: 'https://www.linkedin.com/oauth', attributes: OIDC_CLAIMS, trustEmail: false });
  }

  for (const p of config.enterprise) {
    if (p.type === 'oidc') {
      oidc(`Oidc${p.name}`, { ...p, attributes: { ...OIDC_CLAIMS, ...p.attributes } });
      continue;
    }
    const construct = new UserPoolIdentityProviderSaml(scope, `Saml${p.name}`, {
      userPool,
      name: p.name,
      metadata: UserPoolIdentityProviderSamlMetadata.url(p.metadataUrl),
      identifiers: p.identifiers,
      idpSignout: p.idpSignout,
      attributeMapping: mapping({ ...SAML_CLAIMS, ...p.attributes }),
    });
    providers.push({ name: p.name, construct, clientProvider: UserPoolClientIdentityProvider.custom(p.name), trustEmail: p.trustEmail });
  }
  return providers;
}
