/**
 * `npm start`: the local stack on this machine, data kept under `.local/` across restarts
 * (`npm start -- --fresh` starts empty). Ctrl-C stops every process it started.
 */
import { rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Periodic } from './periodic.js';
import {
  DATA_DIR,
  DEFAULT_PORTS,
  PORT_ENV,
  STACK_FILE,
  startLocalStack,
  type LocalStack,
  type Service,
  type StackInfo,
} from './stack.js';
import { describeSweep } from './sweep-report.js';

/** How often `npm start` runs the trial sweep. */
const SWEEP_EVERY_MS = 60_000;

// The SDK's notice about future Node versions says nothing about this stack.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function portFromEnv(service: Service): number {
  const name = PORT_ENV[service];
  const raw = process.env[name];
  if (raw === undefined || raw === '') return DEFAULT_PORTS[service];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name}=${raw} is not a port number`);
  return port;
}

function banner(info: StackInfo, startedInMs: number): string {
  const seconds = (startedInMs / 1000).toFixed(1);
  return [
    '',
    `Tenancy local stack is up (${seconds}s). Data persists in .local/ (npm start -- --fresh to start empty).`,
    '',
    `  API            ${info.apiUrl}            e.g. curl ${info.apiUrl}/health`,
    `  API reference  ${info.apiUrl}/docs       (the document: ${info.apiUrl}/openapi.json; as one file: npm run docs:api)`,
    `  Email inbox    ${info.sesEndpoint}/            (sent mail as JSON: ${info.sesEndpoint}/store)`,
    `  DynamoDB       ${info.dynamodbEndpoint}            table ${info.tableName}`,
    `  Cognito        ${info.cognitoEndpoint}            pool ${info.userPoolId}, client ${info.clientId}`,
    '',
    '  A token:       TOKEN=$(npm run -s token -- alice@example.com)         (--operator for platform-operators)',
    `                 curl -H "Authorization: Bearer $TOKEN" ${info.apiUrl}/me`,
    '  Trial sweep:   every minute here (hourly in AWS); once, as if later: npm run sweep -- --at 2027-01-01T00:00:00Z',
    '  Billing:       a signed plan.changed event, as the provider sends it: npm run billing -- --org <orgId> --plan pro',
    `  Stack details: ${STACK_FILE}`,
    '',
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      // The deployed stage's throttling applies unless asked otherwise (e.g. for a load test).
      unthrottled: { type: 'boolean', default: false },
    },
  });
  const ports = Object.fromEntries(
    (Object.keys(DEFAULT_PORTS) as Service[]).map((service) => [service, portFromEnv(service)]),
  ) as Record<Service, number>;

  const started = performance.now();
  const stack: LocalStack = await startLocalStack({
    ports, dataDir: DATA_DIR, fresh: values.fresh, quiet: values.quiet, throttle: !values.unthrottled,
  });
  // It holds the billing webhook's signing secret: readable by this user only.
  await writeFile(STACK_FILE, `${JSON.stringify(stack.info, null, 2)}\n`, { mode: 0o600 });
  console.log(banner(stack.info, performance.now() - started));

  // What AWS runs on a schedule runs here too: `periodic.every({ name, everyMs, run })`.
  const periodic = new Periodic();
  // The trial sweep, hourly in AWS, every minute here so a trial's end shows up quickly.
  // Imported only now: the stack has applied the handler environment that shared/config.ts
  // reads once, at first use. A failed run is logged by Periodic and the next one still comes.
  periodic.every({
    name: 'sweep',
    everyMs: SWEEP_EVERY_MS,
    run: async () => {
      const { runSweep } = await import('#services/sweep.js');
      console.log(`[sweep] ${describeSweep(await runSweep({ at: new Date() }))}`);
    },
  });

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local stack...`);
    await periodic.stop();
    await stack.stop();
    // No stack.json without a running stack: `npm run token` then says so instead of timing out.
    await rm(STACK_FILE, { force: true });
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void shutdown(signal));
  process.on('SIGTERM', (signal) => void shutdown(signal));
}

main().catch((error: unknown) => {
  console.error(`\nThe local stack did not start:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
