/**
 * `npm start` and the scripts beside it as real processes, the way a developer runs them: the
 * tsx CLI on infra/local/start.ts, in a process group of its own (as a terminal's foreground
 * job is), with its data in a temporary dir (`TENANCY_LOCAL_DIR`) and every port free — never the
 * developer's `.local/` or port 3000. Used by the lifecycle and quickstart tests and by the
 * bench's local-stack timings. Also the README's quickstart as one bash script.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './process.js';
import type { StackRecord } from './instance.js';
import type { StackInfo } from './stack.js';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

/** A data dir of its own and free ports: the environment of one stack. */
export async function stackEnvironment(): Promise<{ dataDir: string; env: NodeJS.ProcessEnv; cleanUp(): void }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tenancy-stack-'));
  const [api, dynamodb, cognito, ses, admin, portal] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort(), freePort()]);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TENANCY_LOCAL_DIR: dataDir,
    API_PORT: String(api),
    DYNAMODB_PORT: String(dynamodb),
    COGNITO_PORT: String(cognito),
    SES_PORT: String(ses),
    ADMIN_PORT: String(admin),
    PORTAL_PORT: String(portal),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  // The stack serves its own portal on PORTAL_PORT: a PORTAL_URL inherited from the caller would point its links elsewhere.
  delete env.PORTAL_URL;
  return { dataDir, env, cleanUp: () => rmSync(dataDir, { recursive: true, force: true }) };
}

export interface Started {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr. */
  output(): string;
  /**
   * Resolves with the exit code (or the signal) once it and the stack's own process ended (the
   * tsx CLI runs the script in a child node process: 'close' waits for both, as they share the pipes).
   */
  exited: Promise<number | NodeJS.Signals>;
}

/** Runs `tsx infra/local/start.ts` (what `npm start` runs) with `env`, in its own process group. */
export function startStack(env: NodeJS.ProcessEnv, args: string[] = ['--quiet']): Started {
  const child = spawn(process.execPath, [TSX, 'infra/local/start.ts', ...args], { cwd: REPO, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('close', (code, signal) => resolve(code ?? signal ?? -1)));
  return { child, output: () => text, exited };
}

/** Waits for the banner (the stack is up) or for the process to end, whichever comes first. */
export async function untilUp(started: Started, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let ended = false;
  void started.exited.then(() => (ended = true));
  while (!started.output().includes('local stack is up')) {
    if (ended) throw new Error(`npm start ended before it was up:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`npm start was not up within ${timeoutMs / 1000}s:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A signal to the whole process group: what a closed terminal (SIGHUP) or Ctrl-C (SIGINT) does. */
export function signalGroup(started: Started, signal: NodeJS.Signals): void {
  process.kill(-started.child.pid!, signal);
}

/** Runs `tsx infra/local/<script>.ts args` (what `npm run <script>` runs) and collects its output. */
export function runScript(env: NodeJS.ProcessEnv, script: string, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TSX, `infra/local/${script}.ts`, ...args], { cwd: REPO, env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

export const readRecordFile = (dataDir: string): StackRecord => JSON.parse(readFileSync(join(dataDir, 'processes.json'), 'utf8')) as StackRecord;
export const readStackFile = (dataDir: string): StackInfo => JSON.parse(readFileSync(join(dataDir, 'stack.json'), 'utf8')) as StackInfo;

/** The shell blocks of the README's Quickstart section, in order. */
export function quickstartBlocks(readme = readFileSync(join(REPO, 'README.md'), 'utf8')): string[] {
  const section = readme.slice(readme.indexOf('\n## Quickstart'));
  const end = section.indexOf('\n## ', 1);
  return [...(end === -1 ? section : section.slice(0, end)).matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/**
 * Runs the quickstart's blocks one after another in one bash (`set -eo pipefail`: a command that
 * fails, or an `api` call answering another status than it expects, stops it), against the stack
 * `info` describes; `env` says where its data dir is, for `npm run token` and the other scripts.
 */
export function runQuickstart(env: NodeJS.ProcessEnv, info: StackInfo, blocks = quickstartBlocks()): Promise<{ code: number; stdout: string; stderr: string }> {
  const script = ['set -eo pipefail', ...blocks.map((block, i) => `echo "### block ${i + 1}" >&2\n${block}`)].join('\n');
  return new Promise((resolve) => {
    execFile('bash', ['-c', script], { cwd: REPO, env: { ...env, API: info.apiUrl, INBOX: info.sesEndpoint }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}
