/**
 * The whole local stack in one call: DynamoDB Local, cognito-local and aws-ses-v2-local as
 * child processes, the gateway and the table browser (dynamodb-admin) in this process, wired to each other through the same
 * environment variables the handlers read in AWS. Used by `npm start` and by the
 * integration tests' global setup.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { routeList } from '#functions/routes.js';
import type { Route } from '#http/route.js';
import { routeThrottle, THROTTLE } from '../api-settings.js';
import { checkJava, dynamoClient, ensureTable, startDynamoDb } from './dynamodb.js';
import { ensureUserPool, fetchJwks, issuerOf, startCognito } from './cognito.js';
import { startAdminUi, type AdminUi } from './admin.js';
import { startGateway, type Gateway } from './gateway.js';
import { applyHandlerEnvironment, moduleLoader } from './gateway-handlers.js';
import { ensureStream, startStreamPoller, type StreamHandler, type StreamPoller } from './streams.js';
import { freePort, isPortFree, type Child } from './process.js';
import { startSes } from './ses.js';
import { portalRedirects } from '../portal-headers.js';
import type { PortalServer } from './portal.js';
import type { ManagedLogin } from './managed-login.js';
import type { ThrottleSettings } from './gateway-throttle.js';

/** Where everything is: the contents of `.local/stack.json` (API.md, "Local stack"). */
export interface StackInfo {
  apiUrl: string;
  cognitoEndpoint: string;
  userPoolId: string;
  clientId: string;
  sesEndpoint: string;
  dynamodbEndpoint: string;
  tableName: string;
  /** The table browser (dynamodb-admin) over DynamoDB Local. */
  adminUrl: string;
  /**
   * The billing webhook's signing secret (AWS keeps it in Secrets Manager, which has no emulator
   * here): `npm run billing` and the tests sign events with it. New at every start.
   */
  billingSecret: string;
  /** The portal's origin: where emails link and what CORS allows (served here when the stack serves the portal). */
  portalUrl: string;
  /** The managed login's stand-in (infra/local/managed-login.ts), beside the portal when the stack serves it. */
  managedLoginUrl?: string;
}

export type Service = 'api' | 'dynamodb' | 'cognito' | 'ses' | 'admin' | 'portal';

export const DEFAULT_PORTS: Record<Service, number> = { api: 3000, dynamodb: 8000, cognito: 9229, ses: 8005, admin: 8001, portal: 5173 };
/** The environment variable that overrides each port in `npm start`. */
export const PORT_ENV: Record<Service, string> = {
  api: 'API_PORT',
  dynamodb: 'DYNAMODB_PORT',
  cognito: 'COGNITO_PORT',
  ses: 'SES_PORT',
  admin: 'ADMIN_PORT',
  portal: 'PORTAL_PORT',
};
export const SERVICE_NAMES: Record<Service, string> = {
  api: 'the API gateway',
  dynamodb: 'DynamoDB Local',
  cognito: 'cognito-local',
  ses: 'aws-ses-v2-local',
  admin: 'the DynamoDB admin UI',
  portal: 'the portal',
};

/**
 * Where `npm start` keeps its data (the clone's `.local/`, or `TENANCY_LOCAL_DIR`: the process
 * tests run stacks of their own there, never touching a developer's), and the file that tells
 * tools where the running stack is. One stack per data dir (infra/local/instance.ts).
 */
export const DATA_DIR = process.env.TENANCY_LOCAL_DIR ? resolve(process.env.TENANCY_LOCAL_DIR) : fileURLToPath(new URL('../../.local/', import.meta.url));
export const STACK_FILE = join(DATA_DIR, 'stack.json');

/** How to run `npm run <script>` against this data dir (with `TENANCY_LOCAL_DIR` when it is not the default). */
export function npmRun(script: string): string {
  return process.env.TENANCY_LOCAL_DIR ? `TENANCY_LOCAL_DIR=${DATA_DIR} npm run ${script}` : `npm run ${script}`;
}

/** The stack's details as `npm start` wrote them, or an error that says how to start it. */
export async function readStackInfo(): Promise<StackInfo> {
  try {
    return JSON.parse(await readFile(STACK_FILE, 'utf8')) as StackInfo;
  } catch {
    throw new Error(`No local stack found (${STACK_FILE} is missing): start it with npm start`);
  }
}

export const TABLE_NAME = 'tenancy-local';
export const DEFAULT_PORTAL_URL = 'http://localhost:5173';
export const EMAIL_FROM = 'no-reply@tenancy.local';
const REGION = 'us-east-1';

export interface StartOptions {
  /** Ports to listen on; `0` picks a free one. Defaults: DEFAULT_PORTS. */
  ports?: Partial<Record<Service, number>>;
  /** Where data persists across restarts; undefined = in memory, gone at stop(). */
  dataDir?: string;
  /** Wipe the data under `dataDir` first. */
  fresh?: boolean;
  /** No per-request log lines. */
  quiet?: boolean;
  /**
   * The deployed stage's throttling (429 past it), as `npm start` runs; off by default, so tests
   * and the benchmark, which send far more than a portal does, are not cut short.
   */
  throttle?: boolean;
  /**
   * Build (when stale) and serve the portal on `ports.portal`, as `npm start` does; its origin
   * becomes the stack's portal URL unless PORTAL_URL names another. Off by default: the API's
   * tests need no portal, and their links and CORS use PORTAL_URL or DEFAULT_PORTAL_URL.
   */
  portal?: boolean;
}

export interface LocalStack {
  info: StackInfo;
  /** The emulators' processes. */
  children: Child[];
  /** The change feed's event source (the table's stream to the publisher). */
  feed: Pick<StreamPoller, 'drained' | 'pause' | 'resume'>;
  /** Stops the gateway and every child process; the stack's own temporary files go too. */
  stop(): Promise<void>;
}

/** The entries of a data dir that the stack owns (and `fresh` removes). */
const DATA_ENTRIES = ['dynamodb', 'cognito', 'cursor-secret', 'streams-checkpoint.json'];

async function resolvePorts(requested: Partial<Record<Service, number>> = {}, portal = false): Promise<Record<Service, number>> {
  const services = (Object.keys(DEFAULT_PORTS) as Service[]).filter((s) => portal || s !== 'portal');
  const ports = {} as Record<Service, number>;
  for (const service of services) {
    const wanted = requested[service] ?? DEFAULT_PORTS[service];
    ports[service] = wanted === 0 ? await freePort() : wanted;
  }
  const problems: string[] = [];
  const seen = new Map<number, Service>();
  for (const service of services) {
    const port = ports[service];
    const other = seen.get(port);
    if (other !== undefined) {
      problems.push(`Port ${port} is asked for by both ${SERVICE_NAMES[other]} and ${SERVICE_NAMES[service]}: set ${PORT_ENV[service]} to another port`);
    } else if (!(await isPortFree(port))) {
      problems.push(`Port ${port} (${SERVICE_NAMES[service]}) is already in use: stop what holds it, or set ${PORT_ENV[service]} to another port`);
    }
    seen.set(port, service);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return ports;
}

/** A random cursor secret, kept under the data dir so cursors stay valid across restarts. */
async function cursorSecret(dataDir: string | undefined): Promise<string> {
  if (dataDir === undefined) return randomBytes(32).toString('base64url');
  const existing = await readCursorSecret(dataDir);
  if (existing !== undefined) return existing;
  const secret = randomBytes(32).toString('base64url');
  await writeFile(join(dataDir, 'cursor-secret'), `${secret}\n`, { mode: 0o600 });
  return secret;
}

/** The cursor secret a stack with this data dir runs with; undefined for a fresh data dir. */
export async function readCursorSecret(dataDir: string): Promise<string | undefined> {
  try {
    const existing = (await readFile(join(dataDir, 'cursor-secret'), 'utf8')).trim();
    return existing === '' ? undefined : existing;
  } catch {
    // Not there yet: a fresh data dir.
    return undefined;
  }
}

/** The portal the local stack links to in emails and allows in CORS. */
export function localPortalUrl(): string {
  return process.env.PORTAL_URL || DEFAULT_PORTAL_URL;
}

/** Where a process running handlers finds the stack's emulators and its own configuration. */
export interface HandlerSettings {
  tableName: string;
  dynamodbEndpoint: string;
  sesEndpoint: string;
  portalUrl: string;
  cursorSecret: string;
  /**
   * The local user pool and portal client, for the identity-provider functions
   * (`identityProviderConfig()`); left out by processes that never run them (`npm run sweep`).
   */
  userPool?: { cognitoEndpoint: string; userPoolId: string; clientId: string };
  /** The billing webhook's signing secret, for the process that runs its function (the gateway's). */
  billingSecret?: string;
}

/**
 * What the local handlers read (shared/config.ts, the AWS SDK, Powertools), the one
 * definition for the gateway's process and any other that runs handler code against the
 * stack (`npm run sweep`), so both act on the same table, inbox and cursor key.
 */
export function handlerEnvironment(settings: HandlerSettings): Record<string, string> {
  return {
    TABLE_NAME: settings.tableName,
    AWS_REGION: REGION,
    DYNAMODB_ENDPOINT: settings.dynamodbEndpoint,
    // DynamoDB Local (a JVM on a shared laptop) is slower than the service: 2.5 s a request
    // (AWS: 1.5 s), and still under the function timeout the local gateway cuts at, as in AWS
    // (10 s, infra/api-settings.ts): 3 tries × 2.5 s + backoff ≈ 9 s.
    DYNAMODB_REQUEST_TIMEOUT_MS: '2500',
    SES_ENDPOINT: settings.sesEndpoint,
    PORTAL_URL: settings.portalUrl,
    EMAIL_FROM,
    CURSOR_SECRET: settings.cursorSecret,
    // Owners may pick paid plans themselves here, for demos and tests; the CDK default is off.
    SELF_SERVE_PLANS: 'true',
    // The integration tests' and `npm start`'s webhook receivers listen on 127.0.0.1 (never in AWS).
    WEBHOOKS_ALLOW_LOOPBACK: 'true',
    ...(settings.billingSecret ? { BILLING_SECRET: settings.billingSecret } : {}),
    ...(settings.userPool
      ? { COGNITO_ENDPOINT: settings.userPool.cognitoEndpoint, USER_POOL_ID: settings.userPool.userPoolId, PORTAL_CLIENT_ID: settings.userPool.clientId }
      : {}),
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    POWERTOOLS_SERVICE_NAME: 'tenancy',
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

/** The CDK stage's throttling (infra/api-settings.ts): the default for every route, the device and billing routes' own. */
export function stageThrottle(routes: Route[]): ThrottleSettings {
  return {
    default: THROTTLE,
    routes: Object.fromEntries(routes.flatMap((r) => { const own = routeThrottle(r); return own ? [[r.key, own]] : []; })),
  };
}

async function stopAll(children: Child[]): Promise<void> {
  await Promise.all(children.map((child) => child.stop()));
}

export async function startLocalStack(opts: StartOptions = {}): Promise<LocalStack> {
  checkJava();
  const ports = await resolvePorts(opts.ports, opts.portal);
  // The portal's build runs while the emulators start (it needs none of them).
  const portalBuild = opts.portal ? import('./portal.js').then((p) => p.buildPortal()) : undefined;
  portalBuild?.catch(() => undefined);
  const dataDir = opts.dataDir === undefined ? undefined : resolve(opts.dataDir);
  if (dataDir !== undefined) {
    if (opts.fresh) await Promise.all(DATA_ENTRIES.map((entry) => rm(join(dataDir, entry), { recursive: true, force: true })));
    await mkdir(join(dataDir, 'dynamodb'), { recursive: true });
    await mkdir(join(dataDir, 'cognito'), { recursive: true });
  }
  // cognito-local always writes to disk; in memory mode it gets a directory that stop() removes.
  const cognitoDir = dataDir === undefined ? await mkdtemp(join(tmpdir(), 'tenancy-cognito-')) : join(dataDir, 'cognito');
  // Removed at stop(), or at exit if this process dies without stopping the stack.
  const removeTempSync = (): void => rmSync(cognitoDir, { recursive: true, force: true });
  if (dataDir === undefined) process.once('exit', removeTempSync);
  const removeTemp = async (): Promise<void> => {
    if (dataDir === undefined) {
      process.off('exit', removeTempSync);
      await rm(cognitoDir, { recursive: true, force: true });
    }
  };

  // The three emulators start side by side: DynamoDB Local (a JVM) sets the pace.
  const started = await Promise.allSettled([
    startDynamoDb({ port: ports.dynamodb, dbPath: dataDir === undefined ? undefined : join(dataDir, 'dynamodb') }),
    startCognito({ port: ports.cognito, dataDir: cognitoDir, sesEndpoint: `http://127.0.0.1:${ports.ses}`, emailFrom: EMAIL_FROM }),
    startSes({ port: ports.ses }),
  ]);
  const children = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.child] : []));
  const failed = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed !== undefined) {
    await stopAll(children);
    await removeTemp();
    throw failed.reason;
  }
  const [dynamo, cognito, ses] = started.map((s) => (s as PromiseFulfilledResult<{ endpoint: string }>).value) as [
    { endpoint: string },
    { endpoint: string },
    { endpoint: string },
  ];

  let gateway: Gateway | undefined;
  let admin: AdminUi | undefined;
  let portal: PortalServer | undefined;
  let managedLogin: ManagedLogin | undefined;
  let streams: StreamPoller | undefined;
  const adminClient = dynamoClient(dynamo.endpoint);
  try {
    const client = dynamoClient(dynamo.endpoint);
    const [[table, streamArn], pool] = await Promise.all([
      ensureTable(client, TABLE_NAME)
        .then(async (made) => [made, await ensureStream(client, TABLE_NAME)] as const)
        .finally(() => client.destroy()),
      ensureUserPool(cognito.endpoint),
    ]);
    const portalUrl = opts.portal ? (process.env.PORTAL_URL || `http://localhost:${ports.portal}`).replace(/\/+$/, '') : localPortalUrl();
    const billingSecret = randomBytes(32).toString('base64url');

    // Before the gateway loads any handler: shared/config.ts reads these once, at first use.
    applyHandlerEnvironment(handlerEnvironment({
      tableName: TABLE_NAME,
      dynamodbEndpoint: dynamo.endpoint,
      sesEndpoint: ses.endpoint,
      portalUrl,
      cursorSecret: await cursorSecret(dataDir),
      userPool: pool,
      billingSecret,
    }));

    // A new table has no trial that ended before today: its sweep starts there, instead of
    // reading one day partition after another from the sweep's epoch on its first run.
    if (table === 'created') {
      const [{ saveSweepWatermark }, { dayOf }] = await Promise.all([import('#db/repositories/trials.js'), import('#domain/trials.js')]);
      await saveSweepWatermark(dayOf(new Date()));
    }

    // The change feed: the table's stream to the publisher function, as Lambda's event source does in AWS.
    const loadHandler = moduleLoader();
    streams = await startStreamPoller({
      endpoint: dynamo.endpoint,
      region: REGION,
      streamArn,
      dataDir,
      from: table === 'created' ? 'TRIM_HORIZON' : 'LATEST',
      handler: async () => (await loadHandler('events/publisher')) as StreamHandler,
    });

    admin = await startAdminUi({ port: ports.admin, client: adminClient });
    gateway = await startGateway({
      port: ports.api,
      routes: routeList,
      auth: { issuer: issuerOf(pool), clientId: pool.clientId, jwks: await fetchJwks(pool) },
      portalUrl,
      region: REGION,
      quiet: opts.quiet,
      throttle: opts.throttle ? stageThrottle(routeList) : undefined,
    });

    if (portalBuild !== undefined) {
      await portalBuild;
      const [{ startPortal }, { startManagedLogin }] = await Promise.all([import('./portal.js'), import('./managed-login.js')]);
      // The managed login's callback and sign-out URLs are the portal's, as the CDK client's are.
      managedLogin = await startManagedLogin({ port: 0, pool, ...portalRedirects(portalUrl) });
      portal = await startPortal({
        port: ports.portal,
        config: { apiUrl: gateway.url, region: REGION, userPoolId: pool.userPoolId, clientId: pool.clientId, cognitoEndpoint: pool.cognitoEndpoint, managedLogin: { url: managedLogin.url } },
      });
    }

    const info: StackInfo = {
      apiUrl: gateway.url,
      cognitoEndpoint: pool.cognitoEndpoint,
      userPoolId: pool.userPoolId,
      clientId: pool.clientId,
      sesEndpoint: ses.endpoint,
      dynamodbEndpoint: dynamo.endpoint,
      tableName: TABLE_NAME,
      adminUrl: admin.url,
      billingSecret,
      portalUrl,
      ...(managedLogin ? { managedLoginUrl: managedLogin.url } : {}),
    };
    const running = gateway;
    const browsing = admin;
    const serving = portal;
    const signing = managedLogin;
    const polling = streams;
    let stopping: Promise<void> | undefined;
    return {
      info,
      children,
      feed: polling,
      stop: () => {
        stopping ??= (async () => {
          // The poller first: it talks to DynamoDB Local, which stops with the children.
          await polling.stop();
          await Promise.all([running.close(), browsing.close(), serving?.close(), signing?.close(), stopAll(children)]);
          adminClient.destroy();
          await removeTemp();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await streams?.stop();
    await gateway?.close();
    await admin?.close();
    await portal?.close();
    await managedLogin?.close();
    await portalBuild?.catch(() => undefined);
    adminClient.destroy();
    await stopAll(children);
    await removeTemp();
    throw error;
  }
}
