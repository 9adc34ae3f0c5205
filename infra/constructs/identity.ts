import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery, FeaturePlan, Mfa, UserPool, UserPoolClient, UserPoolGroup, VerificationEmailStyle,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** Users in this group may call the platform-operator routes (API.md "Roles"). */
export const PLATFORM_OPERATORS_GROUP = 'platform-operators';

/**
 * Who the users are: the Cognito user pool the portal signs in to, the portal's app
 * client (whose ID tokens the API accepts) and the platform operators' group.
 */
export class Identity extends Construct {
  readonly userPool: UserPool;
  readonly portalClient: UserPoolClient;

  constructor(scope: Construct, id: string) {
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

    // ID tokens (not access tokens) go to the API: they carry email, cognito:groups and the
    // `identities` claim the SSO rule reads, so the client keeps the default read attributes
    // (all of them) instead of a narrowed list that could drop one.
    this.portalClient = this.userPool.addClient('PortalClient', {
      // A browser app cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      // The portal signs in through the Cognito API, not the hosted UI: no OAuth flows (the
      // construct's default would enable the implicit grant with a placeholder callback URL).
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });

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
