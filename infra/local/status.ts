/**
 * `npm run status [-- --json]`: whether the local stack of this clone runs, since when, on which
 * ports, and whether each part answers. Exit code 0 when it runs and every part is healthy, 1
 * otherwise (not running, still starting, a part down, or leftovers of a stack that died).
 */
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { parseArgs } from 'node:util';
import { dynamoClient } from './dynamodb.js';
import { isAlive, leftovers, readRecord, type StackPart, type StackRecord } from './instance.js';
import { answers } from './process.js';
import { DATA_DIR, npmRun } from './stack.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export interface PartStatus extends StackPart {
  /** Its process runs (and is the one recorded). */
  running: boolean;
  /** It answered its health check. */
  healthy: boolean;
}

export interface StackStatus {
  dataDir: string;
  state: 'running' | 'starting' | 'stopped' | 'dead';
  pid?: number;
  startedAt?: string;
  upAt?: string;
  parts: PartStatus[];
  /** Processes a dead stack left running. */
  leftovers: { name: string; pid: number }[];
}

async function healthy(part: StackPart): Promise<boolean> {
  try {
    switch (part.probe) {
      case 'api':
        return await answers(`${part.url}/health`, (s) => s === 200);
      case 'cognito':
        return await answers(`${part.url}/health`, (s) => s === 200);
      case 'ses':
        return await answers(`${part.url}/health-check`, (s) => s === 200);
      case 'admin':
        return await answers(`${part.url}/`, (s) => s === 200);
      case 'portal':
        return await answers(`${part.url}/config.json`, (s) => s === 200);
      case 'managed-login':
        // An authorize request without a client: its error page, which only a running login answers.
        return await answers(`${part.url}/oauth2/authorize`, (s) => s === 400);
      case 'dynamodb': {
        const client = dynamoClient(part.url, 1);
        try {
          await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
          return true;
        } finally {
          client.destroy();
        }
      }
    }
  } catch {
    return false;
  }
}

export async function stackStatus(record: StackRecord | undefined): Promise<StackStatus> {
  if (record === undefined) return { dataDir: DATA_DIR, state: 'stopped', parts: [], leftovers: [] };
  const base = { dataDir: DATA_DIR, pid: record.parent.pid, startedAt: record.startedAt, upAt: record.upAt };
  if (record.parent.pid === 0 || !isAlive(record.parent)) {
    return { ...base, state: 'dead', parts: [], leftovers: leftovers(record).map(({ name, pid }) => ({ name, pid })) };
  }
  const identities = [record.parent, ...record.children];
  const parts = await Promise.all(
    record.parts.map(async (part) => {
      const identity = identities.find((p) => p.pid === part.pid);
      const running = identity !== undefined && isAlive(identity);
      return { ...part, running, healthy: running && (await healthy(part)) };
    }),
  );
  return { ...base, state: record.upAt === undefined ? 'starting' : 'running', parts, leftovers: [] };
}

const since = (iso: string): string => {
  const minutes = Math.floor((Date.now() - Date.parse(iso)) / 60_000);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

export function describeStatus(status: StackStatus): string {
  switch (status.state) {
    case 'stopped':
      return `No local stack runs with ${status.dataDir}. Start one with: npm start`;
    case 'dead': {
      const left = status.leftovers.map((p) => `${p.name} (pid ${p.pid})`).join(', ');
      return left === ''
        ? `No local stack runs with ${status.dataDir}: the one started at ${status.startedAt} (pid ${status.pid}) died without stopping; the next npm start clears its record.`
        : `No local stack runs with ${status.dataDir}, but the one started at ${status.startedAt} (pid ${status.pid}) died and left running: ${left}.\nEnd them with: ${npmRun('stop')}   (the next npm start does too)`;
    }
    case 'starting':
      return `The local stack with ${status.dataDir} is starting (pid ${status.pid}, since ${status.startedAt}).`;
    case 'running': {
      const width = Math.max(...status.parts.map((p) => p.name.length));
      const urlWidth = Math.max(...status.parts.map((p) => p.url.length));
      return [
        `The local stack with ${status.dataDir} runs: pid ${status.pid}, up since ${status.upAt} (${since(status.upAt!)}).`,
        '',
        ...status.parts.map((p) => `  ${p.name.padEnd(width)}  ${p.url.padEnd(urlWidth)}  pid ${String(p.pid).padEnd(7)}  ${!p.running ? 'NOT RUNNING' : p.healthy ? 'healthy' : 'NOT ANSWERING'}`),
        '',
        `Stop it with: ${npmRun('stop')}`,
      ].join('\n');
    }
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
  const status = await stackStatus(await readRecord(DATA_DIR));
  process.stdout.write(values.json ? `${JSON.stringify(status, null, 2)}\n` : `${describeStatus(status)}\n`);
  const ok = status.state === 'running' && status.parts.every((p) => p.healthy);
  if (!ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
