/**
 * The trial sweep's cost as the table grows: 100 expired trials among 1,000 and among 10,000
 * organizations, on DynamoDB Local (in memory). Prints index items read, Queries and time.
 * Run: npm run bench:sweep (a table), or as part of `npm run bench` (`--json`: rows as JSON on the last line).
 */
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamoClient, ensureTable, startDynamoDb } from '../infra/local/dynamodb.js';
import { freePort } from '../infra/local/process.js';
import { startSes } from '../infra/local/ses.js';

export interface SweepRow {
  organizations: number;
  expired: number;
  ended: number;
  indexItemsRead: number;
  indexQueries: number;
  ms: number;
  secondRunItems: number;
  secondRunChanges: number;
}

const TABLE = 'tenancy-bench';
const EXPIRED = 100;
const DAY = 86_400_000;

const [dynamoPort, sesPort] = [await freePort(), await freePort()];
const dynamo = await startDynamoDb({ port: dynamoPort });
const ses = await startSes({ port: sesPort });
Object.assign(process.env, {
  TABLE_NAME: TABLE,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  SES_ENDPOINT: ses.endpoint,
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  PORTAL_URL: 'http://localhost:5173',
  EMAIL_FROM: 'no-reply@tenancy.local',
  CURSOR_SECRET: 'bench',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
});
const { newMembership } = await import('#domain/members.js');
const { newOrganization } = await import('#domain/organizations.js');
const { newWorkspace } = await import('#domain/workspaces.js');
const { membershipItem } = await import('#db/records/members.js');
const { orgItem } = await import('#db/records/organizations.js');
const { workspaceItem } = await import('#db/records/workspaces.js');
const { runSweep } = await import('#services/sweep.js');

const raw = dynamoClient(dynamo.endpoint);
const db = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });

async function seed(total: number, now: Date): Promise<void> {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < total; i++) {
    // 100 trials ended over the last few days; the rest end 4 to 14 days from now.
    const endsIn = i < EXPIRED ? -((i % 5) + 1) * DAY + 3_600_000 : (4 + (i % 10)) * DAY;
    const start = new Date(now.getTime() + endsIn - 14 * DAY);
    const ownerId = `owner-${i}`;
    const org = newOrganization({ name: `Org ${i}`, ownerId, now: start, workspaceCount: 1 });
    const owner = newMembership({ orgId: org.id, user: { id: ownerId, email: `owner-${i}@example.com`, givenName: 'O', familyName: `${i}` }, role: 'owner', now: start });
    items.push(orgItem(org), membershipItem(owner), workspaceItem(newWorkspace({ orgId: org.id, name: 'Default', createdBy: ownerId, now: start })));
  }
  for (let i = 0; i < items.length; i += 25) {
    await db.send(new BatchWriteCommand({ RequestItems: { [TABLE]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

const rows: SweepRow[] = [];
for (const total of [1_000, 10_000]) {
  await raw.send(new DeleteTableCommand({ TableName: TABLE })).catch(() => undefined);
  await ensureTable(raw, TABLE);
  const now = new Date();
  await seed(total, now);
  const started = performance.now();
  const stats = await runSweep({ at: now, now });
  const ms = Math.round(performance.now() - started);
  const again = await runSweep({ at: now, now });
  rows.push({
    organizations: total,
    expired: EXPIRED,
    ended: stats.expiredOrganizations,
    indexItemsRead: stats.indexItemsRead,
    indexQueries: stats.indexQueries,
    ms,
    secondRunItems: again.indexItemsRead,
    secondRunChanges: again.expiredOrganizations,
  });
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(rows));
} else {
  console.log('| organizations | expired trials | ended by the sweep | index items read | index Queries | time | second run |');
  console.log('|---|---|---|---|---|---|---|');
  for (const r of rows) {
    console.log(
      `| ${r.organizations.toLocaleString('en')} | ${r.expired} | ${r.ended} | ${r.indexItemsRead} | ${r.indexQueries} | ${r.ms} ms | ${r.secondRunItems} items, ${r.secondRunChanges} changes |`,
    );
  }
}
raw.destroy();
await Promise.all([dynamo.child.stop(), ses.child.stop()]);
