import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery, CfnManagedLoginBranding, FeaturePlan, ManagedLoginVersion, Mfa, OAuthScope, UserPool, UserPoolClient,
  UserPoolClientIdentityProvider, UserPoolDomain, UserPoolGroup, UserPoolOperation, VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PROVIDERS_ENV, type TriggerProviders } from '#functions/identity/pre-signup.js';
import { portalRedirects } from '../portal-headers.js';
import type { SignInConfig } from '../sign-in-config.js';
import { TenancyFunction } from './function.js';
import { addSignInProviders, type SignInProvider } from './sign-in-providers.js';

/** Users in this group may call the platform-operator routes (API.md "Roles"). */
export const PLATFORM_OPERATORS_GROUP = 'platform-operators';

/** Exactly what the pre sign-up trigger calls, on this pool only. */
export const PRE_SIGN_UP_ACTIONS = ['cognito-idp:ListUsers', 'cognito-idp:AdminLinkProviderForUser'];

export interface IdentityProps {
  /** The portal's origin: the default callback (`/auth/callback`) and logout (`/`) URLs. */
  portalUrl: string;
  /** The deployment's sign-in methods (infra/sign-in-config.ts); `{}` = email + password only. */
  signIn: SignInConfig;
}

/**
 * Who the users are: the Cognito user pool the portal signs in to, its identity providers
 * (from the deployment's sign-in config), the pre sign-up trigger that keeps one user per email,
 * the managed-login domain, the portal's app client (whose ID tokens the API accepts) and the
 * platform operators' group.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;
  readonly domain: UserPoolDomain;
  readonly providers: readonly SignInProvider[];
  readonly preSignUp: TenancyFunction;

  constructor(scope: Construct, id: string, props: IdentityProps) {
    super(scope, id);

    this.userPool = new UserPool(this, 'UserPool', {
      signInAliases: { email: true },
      signInCaseSensitive: false,
      selfSignUpEnabled: true,
      autoVerify: { email: true },
      userVerification: { emailStyle: VerificationEmailStyle.CODE },
      // A pending email change must not lock the user out of the address they sign in with.
      keepOriginal: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.ESSENTIALS,
      // The identities are the customers' accounts: a stack deletion must not take them.
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.providers = addSignInProviders(this, this.userPool, props.signIn);

    // One user per email (functions/identity/pre-signup.ts). Its two permissions go into a policy
    // of their own, attached to the role: in the role's default policy they would make the
    // function wait for the pool whose trigger it is (aws-cdk#7016, a circular dependency).
    const triggerProviders: TriggerProviders = this.providers.map((p) => ({ name: p.name, trustEmail: p.trustEmail }));
    this.preSignUp = new TenancyFunction(this, 'PreSignUp', {
      handler: 'identity/pre-signup',
      description: 'Cognito pre sign-up: links a federated sign-in to the user with the same verified email; refuses duplicates',
      // Cognito waits at most 5 s for a trigger.
      timeout: Duration.seconds(5),
      variables: { [PROVIDERS_ENV]: JSON.stringify(triggerProviders) },
    });
    this.userPool.addTrigger(UserPoolOperation.PRE_SIGN_UP, this.preSignUp.function);
    this.preSignUp.function.role!.attachInlinePolicy(new Policy(this, 'PreSignUpPolicy', {
      statements: [new PolicyStatement({ actions: PRE_SIGN_UP_ACTIONS, resources: [this.userPool.userPoolArn] })],
    }));

    // ID tokens (not access tokens) go to the API: they carry email, cognito:groups and the
    // `identities` claim the SSO rule reads, so the client keeps the default read attributes
    // (all of them) instead of a narrowed list that could drop one.
    const redirects = portalRedirects(props.portalUrl);
    const callbackUrls = props.signIn.callbackUrls ?? redirects.callbackUrls;
    const logoutUrls = props.signIn.logoutUrls ?? redirects.logoutUrls;
    this.portalClient = this.userPool.addClient('PortalClient', {
      // A browser app cannot keep a secret: a public client, so the portal proves the code
      // exchange with PKCE (S256), which is what Cognito offers public clients.
      generateSecret: false,
      // Password sign-in through the Cognito API stays, beside managed login.
      authFlows: { userSrp: true, userPassword: true },
      oAuth: {
        // Authorization code only: no implicit grant (tokens in URLs), no client credentials.
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls,
        logoutUrls,
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO, ...this.providers.map((p) => p.clientProvider)],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    // The client names the providers by name only: it must not be created before them.
    for (const provider of this.providers) this.portalClient.node.addDependency(provider.construct);

    // Managed login (the newer pages) at <prefix>.auth.<region>.amazoncognito.com. The prefix is
    // unique per region across all of AWS; without one configured, the account id makes it so.
    this.domain = this.userPool.addDomain('Domain', {
      cognitoDomain: { domainPrefix: props.signIn.domainPrefix ?? `tenancy-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // Managed login shows an app client's pages only once the client has a style: Cognito's own.
    const branding = new CfnManagedLoginBranding(this, 'PortalLoginBranding', {
      userPoolId: this.userPool.userPoolId,
      clientId: this.portalClient.userPoolClientId,
      useCognitoProvidedValues: true,
    });
    branding.node.addDependency(this.domain);

    new UserPoolGroup(this, 'PlatformOperators', {
      userPool: this.userPool,
      groupName: PLATFORM_OPERATORS_GROUP,
      description: 'Operators of the IoT platform (network feed, support).',
    });

    Validations.of(this.userPool).acknowledge(
      {
        id: 'AwsSolutions-COG2',
        reason: 'Self sign-up portal: MFA is offered (TOTP, optional) rather than required; requiring it is a product decision per customer, and SSO workspaces delegate MFA to their IdP.',
      },
      {
        id: 'AwsSolutions-COG8',
        reason: 'Essentials tier: threat protection (Plus) is billed per MAU; the strong password policy, optional TOTP and preventUserExistenceErrors cover the launch risk. Revisit with traffic data.',
      },
    );
  }
}
