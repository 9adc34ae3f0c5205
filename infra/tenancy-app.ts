import { App, Validations, type AppProps } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { signInConfigFromContext } from './sign-in-config.js';
import { TenancyStack } from './stack.js';

export const DEFAULTS = {
  portalUrl: 'https://portal.example.com',
  emailFrom: 'no-reply@example.com',
} as const;

function contextString(app: App, key: string): string | undefined {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value;
}

/** A boolean context value: `-c selfServePlans=true` (the CLI passes a string) or `true` in cdk.json; default false. */
function contextFlag(app: App, key: string): boolean {
  const value: unknown = app.node.tryGetContext(key);
  if (value === undefined || value === null || value === '' || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  throw new Error(`Context ${key} must be true or false, got ${String(value)}`);
}

/**
 * The CDK app: the Tenancy stack, configured from context (`cdk synth -c portalUrl=...`; the
 * sign-in methods with `-c signInConfig=sign-in.json`, see infra/sign-in-config.ts; owners'
 * own paid plans with `-c selfServePlans=true`; the portal's certificate with `-c portalCertificateArn=…`),
 * checked by cdk-nag's AWS Solutions rules on every synth. Built by a function so the
 * infra tests synthesize exactly what `cdk synth` does.
 */
export function createTenancyApp(props: AppProps = {}): { app: App; stack: TenancyStack } {
  const app = new App(props);

  const portalUrl = contextString(app, 'portalUrl') ?? DEFAULTS.portalUrl;
  if (!/^https:\/\/[^/]+$/.test(portalUrl.replace(/\/+$/, ''))) {
    throw new Error(`Context portalUrl must be an https origin, got ${portalUrl}`);
  }
  const emailFrom = contextString(app, 'emailFrom') ?? DEFAULTS.emailFrom;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(emailFrom)) throw new Error(`Context emailFrom must be an email address, got ${emailFrom}`);

  const stack = new TenancyStack(app, 'Tenancy', {
    description: 'Tenancy API: organizations, workspaces, members, invitations, trials',
    // Environment-agnostic unless the CLI knows an account/region: synth needs no AWS
    // account and does no lookups; deploy targets the caller's credentials.
    env: { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION },
    portalUrl: portalUrl.replace(/\/+$/, ''),
    emailFrom,
    emailDomain: contextString(app, 'emailDomain'),
    signIn: signInConfigFromContext((key) => app.node.tryGetContext(key)),
    selfServePlans: contextFlag(app, 'selfServePlans'),
    portalCertificateArn: contextString(app, 'portalCertificateArn'),
  });

  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, stack };
}
