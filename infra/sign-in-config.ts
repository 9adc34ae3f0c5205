/**
 * The sign-in methods of a deployment: which social and enterprise identity providers the user
 * pool federates, the managed-login domain, and the portal's callback and logout URLs. Given as
 * CDK context — `-c signInConfig=path/to/sign-in.json` (a file), or `signIn` (an object in
 * cdk.json / cdk.context.json, or a JSON string with `-c`) — and checked here before anything is
 * built. Secrets are never values in it: each one names a Secrets Manager secret (name or ARN,
 * optionally a JSON field of it), which CloudFormation resolves while deploying. The deployer's
 * steps: docs/sign-in.md; an example: infra/sign-in.example.json.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

/** Why GitHub (and X) cannot be listed, said where a deployer would try. */
export const GITHUB_UNSUPPORTED =
  'GitHub cannot be federated by Cognito directly: it offers OAuth 2.0 without OpenID Connect (no ID token, no discovery document, no JWKS), and Cognito user pools federate only SAML, OIDC and their built-in social providers. It would take an OIDC shim in front of GitHub (an issuer with /.well-known/openid-configuration, /authorize, /token that mints a signed ID token from GitHub\'s /user and /user/emails answers, /userinfo, /jwks), registered here as an enterprise `oidc` provider. None is built: see docs/sign-in.md.';

const RESERVED_NAMES = ['cognito', 'google', 'facebook', 'loginwithamazon', 'signinwithapple'];

/** A Secrets Manager reference: the secret's name or ARN, and the JSON field when the secret holds JSON. */
const SecretRef = z.strictObject({
  secret: z.string().min(1).describe('Secrets Manager secret name or ARN'),
  field: z.string().min(1).optional().describe('JSON key inside the secret; omit for a plain-text secret'),
});
export type SecretRef = z.infer<typeof SecretRef>;

/** Cognito allows http only for localhost callbacks. */
const CallbackUrl = z.url().refine((value) => {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname));
}, 'must be https (http only for localhost)');

const HttpsUrl = z.url().refine((value) => new URL(value).protocol === 'https:', 'must be https');

/** 3–32 characters, no underscore (Cognito joins provider and subject with one), not a built-in name. */
const ProviderName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{1,30}[A-Za-z0-9]$/, 'must be 3-32 letters, digits, dots or hyphens (no underscore)')
  .refine((name) => !RESERVED_NAMES.includes(name.toLowerCase()), 'is a name Cognito reserves');

/** Which provider attribute (claim name or SAML attribute URI) fills each user-pool attribute. */
const AttributeNames = z.strictObject({
  email: z.string().min(1).optional(),
  emailVerified: z.string().min(1).optional(),
  givenName: z.string().min(1).optional(),
  familyName: z.string().min(1).optional(),
});
export type AttributeNames = z.infer<typeof AttributeNames>;

const trustEmail = z
  .boolean()
  .default(false)
  .describe('The provider owns the addresses it asserts (an enterprise IdP for its own domain): its users count as verified without an email_verified claim.');

const Saml = z.strictObject({
  type: z.literal('saml'),
  name: ProviderName,
  metadataUrl: HttpsUrl,
  /** Email domains or other identifiers managed login may route to this provider. */
  identifiers: z.array(z.string().min(1)).optional(),
  trustEmail,
  idpSignout: z.boolean().default(false),
  attributes: AttributeNames.optional(),
});

const Oidc = z.strictObject({
  type: z.literal('oidc'),
  name: ProviderName,
  issuer: HttpsUrl,
  clientId: z.string().min(1),
  clientSecret: SecretRef,
  scopes: z.array(z.string().min(1)).optional(),
  identifiers: z.array(z.string().min(1)).optional(),
  trustEmail,
  attributes: AttributeNames.optional(),
});

const Social = z.strictObject({
  google: z.strictObject({ clientId: z.string().min(1), clientSecret: SecretRef }).optional(),
  apple: z
    .strictObject({
      /** The Services ID registered with Apple (the OAuth client id). */
      servicesId: z.string().min(1),
      teamId: z.string().min(1),
      keyId: z.string().min(1),
      /** The .p8 key's PEM text. */
      privateKey: SecretRef,
    })
    .optional(),
  microsoft: z
    .strictObject({
      name: ProviderName.default('Microsoft'),
      /** A directory (tenant) id, or `consumers` for personal Microsoft accounts. */
      tenantId: z
        .string()
        .min(1)
        .refine((t) => !['common', 'organizations'].includes(t.toLowerCase()), {
          message: 'must be one tenant (or "consumers"): the multi-tenant endpoints issue tokens whose issuer names each user\'s tenant, which Cognito, checking one issuer, refuses',
        }),
      clientId: z.string().min(1),
      clientSecret: SecretRef,
      trustEmail,
    })
    .optional(),
  linkedin: z.strictObject({ name: ProviderName.default('LinkedIn'), clientId: z.string().min(1), clientSecret: SecretRef }).optional(),
  github: z.unknown().refine(() => false, { message: GITHUB_UNSUPPORTED }).optional(),
});

export const SignInConfigSchema = z
  .strictObject({
    /** The managed-login domain `<prefix>.auth.<region>.amazoncognito.com`; unique per region. */
    domainPrefix: z
      .string()
      .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be lowercase letters, digits and hyphens')
      .refine((p) => !/aws|amazon|cognito/.test(p), 'may not contain aws, amazon or cognito')
      .optional(),
    callbackUrls: z.array(CallbackUrl).min(1).optional(),
    logoutUrls: z.array(CallbackUrl).min(1).optional(),
    social: Social.default({}),
    enterprise: z.array(z.discriminatedUnion('type', [Saml, Oidc])).default([]),
  })
  .superRefine((config, ctx) => {
    const names = [config.social.microsoft?.name, config.social.linkedin?.name, ...config.enterprise.map((p) => p.name)]
      .filter((n): n is string => n !== undefined)
      .map((n) => n.toLowerCase());
    const twice = names.filter((n, i) => names.indexOf(n) !== i);
    if (twice.length > 0) ctx.addIssue({ code: 'custom', path: ['enterprise'], message: `provider names must be unique (case-insensitively): ${[...new Set(twice)].join(', ')}` });
  });

export type SignInConfig = z.infer<typeof SignInConfigSchema>;
export type EnterpriseProvider = SignInConfig['enterprise'][number];

/** Parses and checks a sign-in configuration; the error lists every problem with its path. */
export function parseSignInConfig(input: unknown, source = 'signIn'): SignInConfig {
  const result = SignInConfigSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`Invalid sign-in configuration (${source}):\n${problems.join('\n')}`);
  }
  return result.data;
}

/**
 * The configuration the CDK context asks for: the file named by `signInConfig`, else the
 * `signIn` value (an object, or JSON text), else none (email + password only).
 */
export function signInConfigFromContext(tryGetContext: (key: string) => unknown): SignInConfig {
  const file: unknown = tryGetContext('signInConfig');
  if (typeof file === 'string' && file !== '') {
    const path = resolve(file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`Context signInConfig names ${path}, which cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    return parseSignInConfig(JSON.parse(text), path);
  }
  const inline: unknown = tryGetContext('signIn');
  if (inline === undefined || inline === null || inline === '') return parseSignInConfig({});
  return parseSignInConfig(typeof inline === 'string' ? JSON.parse(inline) : inline, 'context signIn');
}
