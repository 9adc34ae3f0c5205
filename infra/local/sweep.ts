/**
 * `npm run sweep [-- --at 2027-01-01T00:00:00Z]`: runs the trial sweep once against the
 * running local stack, as if at that time (default: now), so a trial's end can be seen
 * without waiting two weeks. A later `--at` first says what it ends (every trial ending before
 * then) and how to undo that (on stderr). Prints a one-line summary, then the stats as JSON (after the
 * service's own log line, which it writes as the Lambda function does in AWS).
 */
import { parseArgs } from 'node:util';
import type { SweepStats } from '#services/sweep-types.js';
import { applyHandlerEnvironment } from './gateway-handlers.js';
import {
  DATA_DIR, handlerEnvironment, localPortalUrl, readCursorSecret, readStackInfo,
} from './stack.js';
import { describeSweep, describeTimeTravel, parseAt } from './sweep-report.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const USAGE = 'Usage: npm run sweep [-- --at <ISO 8601 time, e.g. 2027-01-01T00:00:00Z>]';

/** Errors that mean nothing listens at the endpoint: most likely the stack was stopped. */
function isUnreachable(error: unknown): boolean {
  const text = error instanceof Error ? `${(error as { code?: unknown }).code ?? ''} ${error.name} ${error.message}` : '';
  return /ECONNREFUSED|ECONNRESET|socket hang up/i.test(text);
}

async function main(): Promise<void> {
  let values: { at?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { at: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help === true) {
    console.error(USAGE);
    return;
  }
  // Checked before anything touches the stack: a typo must not run a sweep as of now.
  const at = values.at === undefined ? new Date() : parseAt(values.at);

  const info = await readStackInfo();
  const cursorSecret = await readCursorSecret(DATA_DIR);
  if (cursorSecret === undefined) throw new Error(`No local stack found (no cursor secret under ${DATA_DIR}): start it with npm start`);

  // The gateway's own settings, so the sweep acts on the same table and inbox and writes
  // the same links; shared/config.ts reads them once, hence before the service loads.
  applyHandlerEnvironment(handlerEnvironment({
    tableName: info.tableName,
    dynamodbEndpoint: info.dynamodbEndpoint,
    sesEndpoint: info.sesEndpoint,
    // Stacks written before the portal was served had no portalUrl.
    portalUrl: info.portalUrl ?? localPortalUrl(),
    cursorSecret,
  }));
  const { runSweep } = await import('#services/sweep.js');
  // On stderr: stdout stays the summary and the stats, for scripts.
  const notice = describeTimeTravel(at, new Date());
  if (notice !== undefined) console.error(`${notice}\n`);

  let stats: SweepStats;
  try {
    stats = await runSweep({ at });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      isUnreachable(error)
        ? `The local stack does not answer at ${info.dynamodbEndpoint} (is npm start running?): ${message}`
        : `The sweep failed: ${message}`,
    );
  }
  process.stdout.write(`${describeSweep(stats)}\n${JSON.stringify(stats, null, 2)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
