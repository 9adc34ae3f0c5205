/**
 * `npm run token -- alice@example.com [--operator]`: an ID token of the running local stack
 * for that email (verified), on stdout and nothing else, so that
 * `TOKEN=$(npm run -s token -- alice@example.com)` works.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { issueToken, OPERATORS_GROUP } from './cognito.js';
import { STACK_FILE, type StackInfo } from './stack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = 'Usage: npm run token -- <email> [--operator]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { operator: { type: 'boolean', default: false } },
  });
  const email = positionals[0];
  if (email === undefined || positionals.length > 1 || !email.includes('@')) throw new Error(USAGE);

  let info: StackInfo;
  try {
    info = JSON.parse(await readFile(STACK_FILE, 'utf8')) as StackInfo;
  } catch {
    throw new Error(`No local stack found (${STACK_FILE} is missing): start it with npm start`);
  }
  // The flags say what the user is: without --operator, a former operator is one no more.
  const { idToken } = await issueToken(info, email, { groups: values.operator ? [OPERATORS_GROUP] : [] }).catch(
    (error: unknown) => {
      throw new Error(
        `Could not sign ${email} in at ${info.cognitoEndpoint} (is npm start running?): ` +
          (error instanceof Error ? error.message : String(error)),
      );
    },
  );
  process.stdout.write(`${idToken}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
