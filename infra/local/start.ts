/**
 * `npm start`: the local stack on this machine, data kept under `.local/` across restarts
 * (`npm start -- --fresh` starts empty). One stack per clone: a second start says where the
 * running one is. SIGINT (Ctrl-C), SIGTERM (`npm run stop`) and SIGHUP (the terminal closed)
 * stop every process it started; what a stack killed outright left running, the next start ends.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { AlreadyRunning, claimDataDir, type Claim, type StackPart } from './instance.js';
import { Periodic } from './periodic.js';
import { onAdopt, stopAdopted } from './process.js';
import {
  DATA_DIR,
  DEFAULT_PORTS,
  npmRun,
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
/** How often `npm start` runs the webhook retry job (every minute in AWS). */
const RETRY_EVERY_MS = 5_000;

// The SDK's notice about future Node versions says nothing about this stack.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
// A closed terminal (SIGHUP) makes every later write fail: that must not stop the shutdown.
process.stdout.on('error', () => undefined);
process.stderr.on('error', () => undefined);

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
    `Tenancy local stack is up (${seconds}s). Data persists in ${DATA_DIR} (npm start -- --fresh to start empty).`,
    '',
    `  API            ${info.apiUrl}            e.g. curl ${info.apiUrl}/health`,
    `  API reference  ${info.apiUrl}/docs       (the document: ${info.apiUrl}/openapi.json; as one file: npm run docs:api)`,
    `  Email inbox    ${info.sesEndpoint}/            (sent mail as JSON: ${info.sesEndpoint}/store)`,
    `  Table browser  ${info.adminUrl}/            (dynamodb-admin over table ${info.tableName})`,
    `  DynamoDB       ${info.dynamodbEndpoint}            (listens on every interface: the jar cannot bind loopback only)`,
    `  Cognito        ${info.cognitoEndpoint}            pool ${info.userPoolId}, client ${info.clientId}`,
    `  Portal         ${info.portalUrl}/            (the web app; emails link here; PORTAL_URL to link elsewhere)`,
    ...(info.managedLoginUrl ? [`  Managed login  ${info.managedLoginUrl}       (the portal's code + PKCE sign-in: /oauth2/authorize, /oauth2/token, /logout)`] : []),
    '',
    '  A demo world:  npm run demo                                           (two organizations, who is who, how to sign in as each)',
    '  A token:       TOKEN=$(npm run -s token -- alice@example.com)         (--operator for platform-operators)',
    `                 curl -H "Authorization: Bearer $TOKEN" ${info.apiUrl}/me`,
    '  Trial sweep:   every minute here (hourly in AWS); once, as if later: npm run sweep -- --at 2027-01-01T00:00:00Z',
    '  Webhooks:      the table\'s stream feeds the publisher as it changes; retries every 5 s here (every minute in AWS)',
    '  Billing:       a signed plan.changed event, as the provider sends it: npm run billing -- --org <orgId> --plan pro',
    `  Stack details: ${STACK_FILE}            (${npmRun('status')}: what runs, since when, healthy or not)`,
    '',
    `Ctrl-C (or ${npmRun('stop')} from another terminal) stops everything.`,
    '',
  ].join('\n');
}

/** The parts `npm run status` checks, and the process that serves each. */
function partsOf(info: StackInfo, stack: LocalStack): StackPart[] {
  const pid = (name: string): number => stack.children.find((c) => c.name === name)?.process.pid ?? process.pid;
  return [
    { name: 'API gateway', url: info.apiUrl, pid: process.pid, probe: 'api' },
    { name: 'DynamoDB Local', url: info.dynamodbEndpoint, pid: pid('DynamoDB Local'), probe: 'dynamodb' },
    { name: 'cognito-local', url: info.cognitoEndpoint, pid: pid('cognito-local'), probe: 'cognito' },
    { name: 'aws-ses-v2-local', url: info.sesEndpoint, pid: pid('aws-ses-v2-local'), probe: 'ses' },
    { name: 'DynamoDB admin', url: info.adminUrl, pid: process.pid, probe: 'admin' },
    { name: 'Portal', url: info.portalUrl, pid: process.pid, probe: 'portal' },
    ...(info.managedLoginUrl ? [{ name: 'Managed login', url: info.managedLoginUrl, pid: process.pid, probe: 'managed-login' as const }] : []),
  ];
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
  await mkdir(DATA_DIR, { recursive: true });
  // Before anything starts: one stack per clone, and what a dead one left running goes first.
  const claim: Claim = await claimDataDir({
    dataDir: DATA_DIR,
    companions: ['stack.json'],
    stopCommand: npmRun('stop'),
    statusCommand: npmRun('status'),
    log: (line) => console.log(line),
  });
  const stopRecording = onAdopt((child) => {
    if (child.process.pid !== undefined) claim.recordChild(child.name, child.process.pid);
  });

  // From here every way out stops what this process started, also while it is still starting.
  let stack: LocalStack | undefined;
  let periodic: Periodic | undefined;
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local stack...`);
    await periodic?.stop();
    // Before it is up, the stack object does not exist yet: its children are stopped one by one.
    await (stack === undefined ? stopAdopted() : stack.stop());
    // No stack.json without a running stack: `npm run token` then says so instead of timing out.
    await rm(STACK_FILE, { force: true });
    await claim.release();
    console.log('Stopped.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (s) => void shutdown(s));

  try {
    stack = await startLocalStack({
      ports, dataDir: DATA_DIR, fresh: values.fresh, quiet: values.quiet, throttle: !values.unthrottled, portal: true,
    });
  } catch (error) {
    await stopAdopted();
    await claim.release();
    throw error;
  }
  stopRecording();
  if (stopping) return; // a signal came while starting: shutdown stops what just started
  // It holds the billing webhook's signing secret: readable by this user only.
  await writeFile(STACK_FILE, `${JSON.stringify(stack.info, null, 2)}\n`, { mode: 0o600 });
  await claim.markUp(partsOf(stack.info, stack));
  console.log(banner(stack.info, performance.now() - started));

  // What AWS runs on a schedule runs here too: `periodic.every({ name, everyMs, run })`.
  periodic = new Periodic();
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
  // The webhook retry job: what is due goes out again (Standard Webhooks' schedule, 24 h).
  periodic.every({
    name: 'webhooks',
    everyMs: RETRY_EVERY_MS,
    run: async () => {
      const { runRetries } = await import('#services/webhook-delivery.js');
      const stats = await runRetries();
      if (stats.attempted > 0) console.log(`[webhooks] ${stats.attempted} retried, ${stats.succeeded} delivered`);
    },
  });
}

main().catch((error: unknown) => {
  if (error instanceof AlreadyRunning) {
    console.error(`\n${error.message}`);
    process.exit(1);
  }
  console.error(`\nThe local stack did not start:\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
