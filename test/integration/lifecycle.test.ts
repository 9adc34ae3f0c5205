/**
 * The local stack's lifecycle, with real `npm start` processes (tsx infra/local/start.ts, each
 * with a data dir of its own and free ports): one stack per clone, `npm run status` and
 * `npm run stop`, SIGHUP (the terminal closed) stopping every child, and a start after a stack
 * was killed outright ending what it left running. One start/stop cycle per case.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { endChildren, identify, isAlive, type StackRecord } from '../../infra/local/instance.js';
import type { StackStatus } from '../../infra/local/status.js';
import {
  readRecordFile, readStackFile, runScript, signalGroup, stackEnvironment, startStack, untilUp, type Started,
} from '../../infra/local/launch.js';

const SLOW = 180_000;

/** What each case started, ended after it whatever happened. */
const started: Started[] = [];
const records: StackRecord[] = [];
const cleanUps: (() => void)[] = [];
const dataDirs: string[] = [];
afterEach(async () => {
  for (const s of started.splice(0)) {
    if (s.child.exitCode === null && s.child.signalCode === null) {
      try {
        process.kill(-s.child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
  }
  for (const record of records.splice(0)) await endChildren(record.children);
  // Whatever a stack that should not have started recorded last.
  for (const dataDir of dataDirs.splice(0)) {
    if (existsSync(join(dataDir, 'processes.json'))) await endChildren(readRecordFile(dataDir).children);
  }
  for (const cleanUp of cleanUps.splice(0)) cleanUp();
});

async function environment() {
  const env = await stackEnvironment();
  cleanUps.push(env.cleanUp);
  dataDirs.push(env.dataDir);
  return env;
}

async function up(env: NodeJS.ProcessEnv): Promise<{ stack: Started; record: StackRecord }> {
  const stack = startStack(env);
  started.push(stack);
  await untilUp(stack);
  const record = readRecordFile(env.TENANCY_LOCAL_DIR!);
  records.push(record);
  return { stack, record };
}

async function status(env: NodeJS.ProcessEnv): Promise<{ code: number; status: StackStatus }> {
  const result = await runScript(env, 'status', ['--json']);
  return { code: result.code, status: JSON.parse(result.stdout) as StackStatus };
}

const allGone = (record: StackRecord): boolean => [record.parent, ...record.children].every((p) => !isAlive(p));

describe('one stack per clone', () => {
  it('refuses a second start, saying where the running one is and how to stop it; status shows it; stop stops it', { timeout: SLOW }, async () => {
    const { dataDir, env } = await environment();
    const { stack, record } = await up(env);
    const info = readStackFile(dataDir);

    const running = await status(env);
    expect(running.code).toBe(0);
    expect(running.status).toMatchObject({ state: 'running', pid: record.parent.pid });
    expect(running.status.parts.map((p) => [p.name, p.running, p.healthy])).toEqual([
      ['API gateway', true, true],
      ['DynamoDB Local', true, true],
      ['cognito-local', true, true],
      ['aws-ses-v2-local', true, true],
      ['DynamoDB admin', true, true],
      ['Portal', true, true],
      ['Managed login', true, true],
    ]);
    expect(running.status.parts.map((p) => p.url)).toEqual([info.apiUrl, info.dynamodbEndpoint, info.cognitoEndpoint, info.sesEndpoint, info.adminUrl, info.portalUrl, info.managedLoginUrl]);
    // The portal answers with its config (the stack's API, user pool and managed login) beside the single-page app.
    expect(await (await fetch(`${info.portalUrl}/config.json`)).json()).toMatchObject({ apiUrl: info.apiUrl, clientId: info.clientId, managedLogin: { url: info.managedLoginUrl } });
    expect(record.children.map((c) => c.name).sort()).toEqual(['DynamoDB Local', 'aws-ses-v2-local', 'cognito-local']);

    // A new table's sweep starts from the day it was made: one day partition, and the 4 of the
    // reminder horizon (not one Query per day since the sweep's epoch).
    const swept = await runScript(env, 'sweep');
    expect(swept.code).toBe(0);
    const stats = JSON.parse(swept.stdout.slice(swept.stdout.indexOf('\n{', swept.stdout.indexOf('Trial sweep as of')))) as { indexQueries: number };
    expect(stats.indexQueries).toBe(5);

    // Other free ports: what refuses it is the running stack, not a port.
    const other = await stackEnvironment();
    cleanUps.push(other.cleanUp);
    const second = startStack({ ...other.env, TENANCY_LOCAL_DIR: dataDir });
    started.push(second);
    expect(await untilUp(second).then(() => 'up', () => 'not up')).toBe('not up');
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain(`A local stack already runs with ${dataDir} (pid ${record.parent.pid}`);
    expect(second.output()).toContain(`API ${info.apiUrl}`);
    expect(second.output()).toContain(`TENANCY_LOCAL_DIR=${dataDir} npm run stop`);
    // The first one is untouched: its files, its processes, its answers.
    expect(readStackFile(dataDir)).toEqual(info);
    expect(readRecordFile(dataDir)).toEqual(record);
    expect((await fetch(`${info.apiUrl}/health`)).status).toBe(200);
    expect((await status(env)).code).toBe(0);

    const stopped = await runScript(env, 'stop');
    expect(stopped.code).toBe(0);
    expect(stopped.stdout).toContain(`Stopped the local stack with ${dataDir} (pid ${record.parent.pid}`);
    expect(await stack.exited).toBe(0);
    expect(allGone(record)).toBe(true);
    expect(existsSync(join(dataDir, 'stack.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'processes.json'))).toBe(false);
    expect(await status(env)).toEqual({ code: 1, status: { dataDir, state: 'stopped', parts: [], leftovers: [] } });
  });
});

describe('stopping', () => {
  it('stops every child on SIGHUP (the terminal closed), and removes stack.json and the record', { timeout: SLOW }, async () => {
    const { dataDir, env } = await environment();
    const { stack, record } = await up(env);
    expect(record.children.every(isAlive)).toBe(true);

    signalGroup(stack, 'SIGHUP');

    await stack.exited;
    expect(stack.output()).toContain('SIGHUP: stopping the local stack');
    expect(record.children.filter((c) => identify(c.pid) !== undefined)).toEqual([]);
    expect(existsSync(join(dataDir, 'stack.json'))).toBe(false);
    expect(existsSync(join(dataDir, 'processes.json'))).toBe(false);
  });

  it('ends, at the next start, what a stack killed outright left running (checked to be its own), then starts', { timeout: SLOW }, async () => {
    const { dataDir, env } = await environment();
    const { stack, record } = await up(env);

    // SIGKILL cannot be caught: the emulators, each in its own process group, outlive it.
    process.kill(record.parent.pid, 'SIGKILL');
    await stack.exited;
    expect(record.children.every(isAlive)).toBe(true);
    const dead = await status(env);
    expect(dead.code).toBe(1);
    expect(dead.status).toMatchObject({ state: 'dead', pid: record.parent.pid });
    expect(dead.status.leftovers.map((l) => l.pid).sort()).toEqual(record.children.map((c) => c.pid).sort());

    // The same ports, which the leftovers still hold.
    const { stack: next, record: nextRecord } = await up(env);

    expect(next.output()).toContain('Ended what a stack of this clone left running when it did not stop cleanly:');
    for (const child of record.children) expect(next.output()).toContain(`${child.name} (pid ${child.pid})`);
    expect(record.children.some(isAlive)).toBe(false);
    expect((await status(env)).status).toMatchObject({ state: 'running', pid: nextRecord.parent.pid });
    expect((await fetch(`${readStackFile(dataDir).apiUrl}/health`)).status).toBe(200);

    signalGroup(next, 'SIGINT');
    expect(await next.exited).toBe(0);
    expect(allGone(nextRecord)).toBe(true);
  });
});
