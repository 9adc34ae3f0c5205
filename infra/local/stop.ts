/**
 * `npm run stop`: stops the local stack of this clone, wherever it was started: SIGTERM to the
 * process that runs it, which stops every child, as Ctrl-C does. A stack that died without
 * stopping only left its children behind: they are ended directly (each checked to be the
 * process that was recorded). Waits until everything is gone.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describeEnded, endChildren, isAlive, readRecord, RECORD_FILE } from './instance.js';
import { DATA_DIR, STACK_FILE } from './stack.js';

/** How long the stack may take to stop by itself (each child gets 5 s before SIGKILL). */
const GRACE_MS = 20_000;

async function main(): Promise<void> {
  const record = await readRecord(DATA_DIR);
  if (record === undefined) {
    console.log(`No local stack runs with ${DATA_DIR}: nothing to stop.`);
    return;
  }
  if (record.parent.pid !== 0 && isAlive(record.parent)) {
    process.kill(record.parent.pid, 'SIGTERM');
    const deadline = Date.now() + GRACE_MS;
    while (isAlive(record.parent) && Date.now() < deadline) await sleep(100);
    if (isAlive(record.parent)) {
      process.kill(record.parent.pid, 'SIGKILL');
      console.log(`The local stack (pid ${record.parent.pid}) did not stop within ${GRACE_MS / 1000}s: killed it.`);
    }
  }
  // A stack stops its children itself; what is still there was left behind (a crash, or the SIGKILL above).
  const message = describeEnded(await endChildren(record.children));
  if (message !== undefined) console.log(message);
  const now = await readRecord(DATA_DIR);
  if (now !== undefined && now.startedAt === record.startedAt) {
    await Promise.all([rm(join(DATA_DIR, RECORD_FILE), { force: true }), rm(STACK_FILE, { force: true })]);
  }
  console.log(`Stopped the local stack with ${DATA_DIR} (pid ${record.parent.pid}${record.children.length > 0 ? `; ${record.children.map((c) => c.name).join(', ')}` : ''}).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
