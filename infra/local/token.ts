/**
 * `npm run token -- alice@example.com [--operator]`: an ID token of the running local stack
 * for that email (verified), on stdout and nothing else, so that
 * `TOKEN=$(npm run -s token -- alice@example.com)` works.
 *
 * `npm run token -- alice@corp.example --provider CorpSAML`: the ID token Cognito issues after
 * a sign-in through that provider (infra/local/federation.ts): linked to the user who already
 * has the email, or a new federated user; `--provider-type OIDC|SAML|Google|...`,
 * `--subject <id at the provider>`, `--unverified` (the provider does not vouch for the email:
 * refused, as in AWS), `--given-name`, `--family-name`.
 */
import { parseArgs } from 'node:util';
import { issueToken, OPERATORS_GROUP } from './cognito.js';
import { issueFederatedToken } from './federation.js';
import { readStackInfo } from './stack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE =
  'Usage: npm run token -- <email> [--operator] [--provider <name> [--provider-type <type>] [--subject <id>] [--unverified] [--given-name <name>] [--family-name <name>]]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      operator: { type: 'boolean', default: false },
      provider: { type: 'string' },
      'provider-type': { type: 'string' },
      subject: { type: 'string' },
      unverified: { type: 'boolean', default: false },
      'given-name': { type: 'string' },
      'family-name': { type: 'string' },
    },
  });
  const email = positionals[0];
  if (email === undefined || positionals.length > 1 || !email.includes('@')) throw new Error(USAGE);
  const federatedOnly = values['provider-type'] ?? values.subject ?? values['given-name'] ?? values['family-name'];
  if (values.provider === undefined && (federatedOnly !== undefined || values.unverified)) throw new Error(USAGE);

  const info = await readStackInfo();
  // The flags say what the user is: without --operator, a former operator is one no more.
  const groups = values.operator ? [OPERATORS_GROUP] : [];
  const issued =
    values.provider === undefined
      ? issueToken(info, email, { groups })
      : issueFederatedToken(info, email, {
          provider: values.provider,
          providerType: values['provider-type'],
          subject: values.subject,
          emailVerified: !values.unverified,
          givenName: values['given-name'],
          familyName: values['family-name'],
          groups,
        });
  const { idToken } = await issued.catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    // A refusal (the pre sign-up rules, a look-alike address) is an answer, not a stack that is down.
    const refused = message.startsWith('PreSignUp failed') || (error as { code?: string }).code === 'invalid_email';
    throw new Error(`Could not sign ${email} in at ${info.cognitoEndpoint}${refused ? '' : ' (is npm start running?)'}: ${message}`);
  });
  process.stdout.write(`${idToken}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
