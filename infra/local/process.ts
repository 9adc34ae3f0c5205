/**
 * Child processes and ports of the local stack: every emulator runs in its own process group
 * so that stopping the stack can take down whatever the emulator itself spawned, and every
 * group still alive when this process exits is killed on the way out (no orphans).
 */
import { spawn as spawnProcess, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A child that the stack owns. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** The last lines it wrote, shown when it fails to come up. */
  output(): string;
  /** Kills its process group: SIGTERM, then SIGKILL if it lingers. */
  stop(): Promise<void>;
}

const OUTPUT_LINES = 40;
const live = new Set<ChildProcess>();
const adopted = new Set<Child>();
const adoptListeners = new Set<(child: Child) => void>();
let exitHookInstalled = false;

/**
 * Calls `listener` with every child adopted from now on, the moment it is spawned (`npm start`
 * records each one's process id, so that a start after a crash can end what was left running).
 * Returns a function that stops the calls.
 */
export function onAdopt(listener: (child: Child) => void): () => void {
  adoptListeners.add(listener);
  return () => adoptListeners.delete(listener);
}

/** Stops every child still running in this process (a signal that came before the stack was up). */
export async function stopAdopted(): Promise<void> {
  await Promise.all([...adopted].map((child) => child.stop()));
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // A negative pid addresses the whole group: the child was spawned detached, so it leads one.
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort for a crash or a forgotten stop(): only synchronous work is possible here.
  process.on('exit', () => {
    for (const child of live) killGroup(child, 'SIGKILL');
  });
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Adopts a spawned, detached child: collects its output and registers it for cleanup. */
export function adopt(name: string, child: ChildProcess): Child {
  installExitHook();
  live.add(child);
  child.once('exit', () => live.delete(child));
  const lines: string[] = [];
  const collect = (chunk: Buffer): void => {
    lines.push(...chunk.toString('utf8').split('\n').filter((l) => l.trim() !== ''));
    if (lines.length > OUTPUT_LINES) lines.splice(0, lines.length - OUTPUT_LINES);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // A spawn failure (e.g. ENOENT) is reported through the output, not as an unhandled error.
  child.on('error', (error) => lines.push(`${name}: ${error.message}`));

  const adoptedChild: Child = {
    name,
    process: child,
    output: () => lines.join('\n'),
    async stop() {
      if (hasExited(child) || child.pid === undefined) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      killGroup(child, 'SIGTERM');
      const graceful = await Promise.race([exited.then(() => true), sleep(5_000).then(() => false)]);
      if (!graceful) {
        killGroup(child, 'SIGKILL');
        await exited;
      }
    },
  };
  adopted.add(adoptedChild);
  child.once('exit', () => adopted.delete(adoptedChild));
  for (const listener of adoptListeners) listener(adoptedChild);
  return adoptedChild;
}

/** Spawns a command in its own process group, with piped output. */
export function spawnChild(name: string, command: string, args: string[], options: SpawnOptions = {}): Child {
  return adopt(name, spawnProcess(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/**
 * Polls `probe` until it answers true. Fails early, with the child's last output, if the
 * child exits meanwhile: waiting out the timeout for a dead process only hides the cause.
 */
export async function waitUntil(
  child: Child,
  probe: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited(child.process)) {
      throw new Error(`${child.name} exited before it was ready:\n${child.output()}`);
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      throw new Error(`${child.name} did not answer within ${timeoutMs / 1000}s:\n${child.output()}`);
    }
    await sleep(100);
  }
}

/** Whether an HTTP GET of `url` answers with one of `statuses`. */
export async function answers(url: string, statuses: (status: number) => boolean = (s) => s < 500): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  await response.arrayBuffer();
  return statuses(response.status);
}

/** Whether nothing listens on `port`, on any address (IPv4 or IPv6). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    // No host: the dual-stack wildcard, which conflicts with a listener on any local address.
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port that was free a moment ago, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `server` on 127.0.0.1 (loopback only) at `port` (0: any free one) and answers the port
 * it got, and a close that ends open connections too. Every HTTP server of the stack starts so.
 */
export async function listenOnLoopback(server: Server, port: number): Promise<{ port: number; close: () => Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
