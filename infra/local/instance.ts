/**
 * One local stack per clone (per data dir). `npm start` claims the data dir by creating
 * `<dataDir>/processes.json`, which names the process that runs the stack and, the moment each
 * is spawned, every child it started, each with its start time and command line as the OS
 * reports them. That is what lets another process tell, without trusting a bare pid, whether
 * the stack still runs (`npm start` refuses a second one, `npm run status` shows it) or what a
 * stack that died without stopping left behind (the next `npm start` or `npm run stop` ends it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { link, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A process as the OS knows it: a pid is only ours while its start time and command line match. */
export interface ProcessIdentity {
  pid: number;
  /** Since boot, in clock ticks (Linux `/proc/<pid>/stat`), or `ps -o lstart` elsewhere. */
  startTime: string;
  command: string;
}

export interface RecordedChild extends ProcessIdentity {
  name: string;
}

/** One part of a running stack, for `npm run status`. */
export interface StackPart {
  name: string;
  url: string;
  /** The process that serves it: a child, or the stack's own process. */
  pid: number;
  /** How to tell it is healthy. */
  probe: 'api' | 'dynamodb' | 'cognito' | 'ses' | 'admin' | 'portal' | 'managed-login';
}

/** The contents of `processes.json`. */
export interface StackRecord {
  dataDir: string;
  startedAt: string;
  /** Set once the stack is up. */
  upAt?: string;
  parent: ProcessIdentity;
  children: RecordedChild[];
  parts: StackPart[];
}

export const RECORD_FILE = 'processes.json';

/** What the OS says about `pid` now; undefined when no such process lives (a zombie counts as gone). */
export function identify(pid: number): Omit<ProcessIdentity, 'pid'> | undefined {
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so fields count from the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z' || fields[0] === 'X') return undefined;
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
      // Field 22 of the line is the start time; fields[0] here is field 3.
      return { startTime: fields[19] ?? '', command };
    } catch {
      return undefined;
    }
  }
  try {
    const out = execFileSync('ps', ['-o', 'stat=', '-o', 'lstart=', '-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    const match = /^(\S+)\s+(\w{3} \w{3}\s+\d+ [\d:]+ \d{4})\s+(.*)$/.exec(out);
    if (match === null || match[1]!.startsWith('Z')) return undefined;
    return { startTime: match[2]!, command: match[3]! };
  } catch {
    return undefined;
  }
}

/** Whether the process recorded as `recorded` still runs (and is the same process, not a reused pid). */
export function isAlive(recorded: ProcessIdentity): boolean {
  const now = identify(recorded.pid);
  return now !== undefined && now.startTime === recorded.startTime && now.command === recorded.command;
}

function identityOf(pid: number): ProcessIdentity {
  const found = identify(pid);
  // Only this process itself or a child that was just spawned get here: both exist.
  if (found === undefined) throw new Error(`Process ${pid} cannot be identified`);
  return { pid, ...found };
}

export async function readRecord(dataDir: string): Promise<StackRecord | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, RECORD_FILE), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const record = JSON.parse(text) as StackRecord;
    if (typeof record.parent?.pid !== 'number' || !Array.isArray(record.children)) throw new Error('not a record');
    return record;
  } catch {
    // Written by something else (or by hand): it proves nothing runs, and no pid in it is trusted.
    return { dataDir, startedAt: '', parent: { pid: 0, startTime: '', command: '' }, children: [], parts: [] };
  }
}

/** What is left of a recorded stack whose own process is gone. */
export function leftovers(record: StackRecord): RecordedChild[] {
  return record.children.filter(isAlive);
}

export interface Ended {
  ended: RecordedChild[];
  /** Ours, but they could not be signalled (another user's?): the command to end them by hand. */
  failed: { child: RecordedChild; error: string }[];
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    // The children lead their own process groups (spawned detached): the group takes whatever they spawned.
    process.kill(-pid, sig);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    process.kill(pid, sig);
  }
}

/** Ends the recorded children that still run and are still the processes recorded: SIGTERM, then SIGKILL after 5 s. */
export async function endChildren(children: RecordedChild[]): Promise<Ended> {
  const ended: RecordedChild[] = [];
  const failed: Ended['failed'] = [];
  for (const child of children.filter(isAlive)) {
    try {
      signal(child.pid, 'SIGTERM');
      ended.push(child);
    } catch (error) {
      failed.push({ child, error: (error as Error).message });
    }
  }
  const deadline = Date.now() + 5_000;
  while (ended.some(isAlive) && Date.now() < deadline) await sleep(100);
  for (const child of ended.filter(isAlive)) {
    try {
      signal(child.pid, 'SIGKILL');
    } catch {
      // Gone between the check and the signal.
    }
  }
  while (ended.some(isAlive)) await sleep(50);
  return { ended, failed };
}

const describe = (children: RecordedChild[]): string => children.map((c) => `${c.name} (pid ${c.pid})`).join(', ');

/** The sentence about ending what a dead stack left behind, or undefined when nothing was left. */
export function describeEnded(result: Ended): string | undefined {
  const lines: string[] = [];
  if (result.ended.length > 0) lines.push(`Ended what a stack of this clone left running when it did not stop cleanly: ${describe(result.ended)}.`);
  for (const { child, error } of result.failed) {
    lines.push(`Could not end ${child.name} (pid ${child.pid}): ${error}. End it with: kill -TERM -${child.pid}`);
  }
  return lines.length === 0 ? undefined : lines.join('\n');
}

/** A stack of this data dir already runs: where it is and how to stop it. */
export class AlreadyRunning extends Error {
  constructor(readonly record: StackRecord, stopCommand: string, statusCommand: string) {
    const api = record.parts.find((p) => p.probe === 'api')?.url;
    super(
      `A local stack already runs with ${record.dataDir} (pid ${record.parent.pid}, ` +
        `${record.upAt ? `up since ${record.upAt}` : `starting since ${record.startedAt}`}${api ? `, API ${api}` : ''}).\n` +
        `Stop it with: ${stopCommand}   (or Ctrl-C in its terminal)\n` +
        `See it with:  ${statusCommand}`,
    );
    this.name = 'AlreadyRunning';
  }
}

/** The data dir, claimed by this process for as long as its stack runs. */
export interface Claim {
  record: StackRecord;
  /** Records a child the moment it is spawned. */
  recordChild(name: string, pid: number): void;
  /** Records the stack as up, with its parts. */
  markUp(parts: StackPart[]): Promise<void>;
  /** Gives the data dir up (the record goes; the stack is stopped). */
  release(): Promise<void>;
}

export interface ClaimOptions {
  dataDir: string;
  /** Files that describe the running stack and go with a dead one (`stack.json`). */
  companions: string[];
  stopCommand: string;
  statusCommand: string;
  /** Told about leftovers that were ended. */
  log: (line: string) => void;
}

/**
 * Claims `dataDir` for this process. Refuses (AlreadyRunning) while the stack that claimed it
 * still runs; ends what a stack that died left behind, then claims. The record appears
 * complete or not at all (a hard link of a written file), so two starts at the same moment
 * cannot both win.
 */
export async function claimDataDir(opts: ClaimOptions): Promise<Claim> {
  const path = join(opts.dataDir, RECORD_FILE);
  const record: StackRecord = {
    dataDir: opts.dataDir,
    startedAt: new Date().toISOString(),
    parent: identityOf(process.pid),
    children: [],
    parts: [],
  };
  const temp = `${path}.${process.pid}.tmp`;
  const write = async (): Promise<void> => {
    await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`);
    await rename(temp, path);
  };

  for (let attempt = 0; ; attempt += 1) {
    await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`);
    try {
      await link(temp, path);
      await rm(temp, { force: true });
      break;
    } catch (error) {
      await rm(temp, { force: true });
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 3) throw error;
    }
    const existing = await readRecord(opts.dataDir);
    if (existing === undefined) continue; // gone meanwhile: try again
    if (existing.parent.pid !== 0 && isAlive(existing.parent)) throw new AlreadyRunning(existing, opts.stopCommand, opts.statusCommand);
    const message = describeEnded(await endChildren(existing.children));
    if (message !== undefined) opts.log(message);
    // Only the dead stack's record goes: another start may have replaced it meanwhile.
    const now = await readRecord(opts.dataDir);
    if (now !== undefined && now.startedAt === existing.startedAt && now.parent.pid === existing.parent.pid) {
      await Promise.all([path, ...opts.companions.map((name) => join(opts.dataDir, name))].map((file) => rm(file, { force: true })));
    }
  }

  // Writes one after another, each a complete file: a reader never sees half of one.
  let writing: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    writing = writing.then(write, write);
    return writing;
  };
  let released = false;
  return {
    record,
    recordChild(name, pid) {
      const found = identify(pid);
      if (found === undefined || released) return; // exited at once: nothing to end later
      record.children.push({ name, pid, ...found });
      void save().catch((error: unknown) => opts.log(`Could not record ${name} (pid ${pid}) in ${path}: ${(error as Error).message}`));
    },
    async markUp(parts) {
      record.upAt = new Date().toISOString();
      record.parts = parts;
      await save();
    },
    async release() {
      released = true;
      await writing.catch(() => undefined);
      const now = await readRecord(opts.dataDir);
      if (now?.parent.pid === process.pid && now.startedAt === record.startedAt) await rm(path, { force: true });
      await rm(temp, { force: true });
    },
  };
}
