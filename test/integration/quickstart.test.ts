/**
 * What a newcomer runs, against a fresh `npm start` of its own (tsx infra/local/start.ts, a
 * temporary data dir, free ports; its own stack because both end trials with the sweep "in the
 * future", which would end other test files' trials on the shared one): `npm run demo`, twice —
 * the second run must change nothing in the table — and then the README's quickstart, every
 * shell block of it in one bash, with the stack's addresses in API and INBOX. A command of the
 * README that goes stale fails here.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#db/keys.js';
import { dynamoClient } from '../../infra/local/dynamodb.js';
import { endChildren } from '../../infra/local/instance.js';
import type { StackInfo } from '../../infra/local/stack.js';
import {
  quickstartBlocks, readRecordFile, readStackFile, runQuickstart, runScript, signalGroup, stackEnvironment, startStack, untilUp, type Started,
} from '../../infra/local/launch.js';

const SLOW = 240_000;

let stack: Started;
let env: NodeJS.ProcessEnv;
let dataDir: string;
let info: StackInfo;
let cleanUp: () => void;

beforeAll(async () => {
  ({ env, dataDir, cleanUp } = await stackEnvironment());
  stack = startStack(env);
  await untilUp(stack);
  info = readStackFile(dataDir);
}, SLOW);

afterAll(async () => {
  const record = readRecordFile(dataDir);
  signalGroup(stack, 'SIGTERM');
  await stack.exited;
  await endChildren(record.children); // nothing, unless it failed to stop them
  cleanUp();
}, SLOW);

/** Every item of the table but the sweep's watermark (the minute sweep moves it at midnight), in key order. */
async function tableContents(): Promise<string[]> {
  const client = dynamoClient(info.dynamodbEndpoint);
  const sweepState = JSON.stringify(keys.sweepState());
  const items: string[] = [];
  try {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new ScanCommand({ TableName: info.tableName, ExclusiveStartKey: start as never }));
      for (const item of page.Items ?? []) {
        const key = JSON.stringify({ PK: item.PK?.S, SK: item.SK?.S });
        if (key !== sweepState) items.push(`${key} ${JSON.stringify(item, Object.keys(item).sort())}`);
      }
      start = page.LastEvaluatedKey;
    } while (start);
  } finally {
    client.destroy();
  }
  return items.sort();
}

describe('npm run demo', () => {
  it('fills a fresh stack through the API, says how to sign in as each person, and changes nothing when run again', { timeout: SLOW }, async () => {
    const first = await runScript(env, 'demo');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const line of [
      'Acme Robotics — plan pro',
      'Olivia Owens  owner   TOKEN=$(npm run -s token -- olivia@acme.example)',
      'Edith Ellis   editor  TOKEN=$(npm run -s token -- edith@acme.example)   (Lab editor; Field Sensors editor: sign in with --provider AcmeSAML)',
      'Max Miller    member  TOKEN=$(npm run -s token -- max@acme.example)   (Lab viewer)',
      'invitation   paula@acme.example: pending until',
      'invitation   eve@acme.example: pending until',
      'invitation   dan@acme.example: withdrawn',
      '(SSO: AcmeSAML)',
      'Globex Logistics — trial, ended',
      'every workspace disabled (trial_expired)',
      'Adam Archer  member  TOKEN=$(npm run -s token -- adam@acme.example)   (Fleet viewer)',
      'moved Default → Lab (1,200,000 bytes before, 300,000 after)',
      'TOKEN=$(npm run -s token -- ops@demo.example --operator)',
    ]) {
      expect(first.stdout).toContain(line);
    }
    // The invitation emails and Globex's trial-ended notice are in the inbox.
    const inbox = (await (await fetch(`${info.sesEndpoint}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
    expect(inbox.emails.map((m) => m.subject)).toEqual(expect.arrayContaining(['Olivia Owens invited you to Acme Robotics', 'Your trial of Globex Logistics has ended']));
    expect(inbox.emails.some((m) => m.destination.to.includes('eve@acme.example'))).toBe(true);
    // The SIM's usage, as its two workspaces answer it.
    expect(first.stdout).toMatch(/Default, Field Sensors, Lab — 3 members, 4 devices, 2 SIMs, 1,500,000 bytes/);
    const before = await tableContents();

    const second = await runScript(env, 'demo');

    expect(second.code).toBe(0);
    expect(second.stdout).toContain('The demo world is complete already: nothing changed.');
    expect(await tableContents()).toEqual(before);
  });
});

describe("the README's quickstart", () => {
  it('runs, block after block, against a fresh stack', { timeout: SLOW }, async () => {
    const blocks = quickstartBlocks();
    expect(blocks.length).toBeGreaterThanOrEqual(10);

    const run = await runQuickstart(env, info, blocks);

    const result = { code: run.code, out: `${run.stdout}\n--- stderr ---\n${run.stderr}` };
    expect(result.code, result.out.slice(-6000)).toBe(0);
    expect(result.out).not.toMatch(/HTTP \d+, expected/);
    // Usage before and after the transfer, each in the workspace that held the SIM.
    expect(result.out).toMatch(/"trafficBytes":1000/);
    expect(result.out).toMatch(/"trafficBytes":500/);
    expect(result.out).toContain('1 trial ended');
  });
});
