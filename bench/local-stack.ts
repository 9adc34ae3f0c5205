/**
 * Figure 6: how long each step of the README takes on this machine, with real processes as a
 * developer runs them (infra/local/launch.ts: tsx on infra/local/start.ts, a new data dir, free
 * ports): `npm start` on new data, `npm run demo` and again, the first `npm run sweep`, the whole
 * quickstart, `npm run stop`, `npm start` on the data it left. One run of each; the README's
 * timings are written from these rows (`localTimingsBlock`), never by hand.
 */
import { readStackFile, runQuickstart, runScript, stackEnvironment, startStack, untilUp } from '../infra/local/launch.js';

export interface LocalStepRow {
  step: string;
  command: string;
  seconds: number;
}

const since = (start: number): number => Math.round((performance.now() - start) / 100) / 10;

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = performance.now();
  const value = await run();
  return { value, seconds: since(start) };
}

async function ok(what: string, run: Promise<{ code: number; stdout: string; stderr: string }>): Promise<void> {
  const result = await run;
  if (result.code !== 0) throw new Error(`${what} failed (${result.code}):\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
}

export async function measureLocalStack(): Promise<LocalStepRow[]> {
  const { env, dataDir, cleanUp } = await stackEnvironment();
  const rows: LocalStepRow[] = [];
  const row = (step: string, command: string, seconds: number): void => void rows.push({ step, command, seconds });
  try {
    const cold = await timed(async () => {
      const stack = startStack(env);
      await untilUp(stack);
      return stack;
    });
    row('start on new data (the JVM, a new table, pool and client)', 'npm start -- --fresh', cold.seconds);
    const info = readStackFile(dataDir);

    row('the first trial sweep of a new table', 'npm run sweep', (await timed(() => ok('npm run sweep', runScript(env, 'sweep')))).seconds);
    row('the demo world', 'npm run demo', (await timed(() => ok('npm run demo', runScript(env, 'demo')))).seconds);
    row('the demo again (nothing to change)', 'npm run demo', (await timed(() => ok('npm run demo', runScript(env, 'demo')))).seconds);
    row('the whole quickstart, pasted block after block', 'README quickstart', (await timed(() => ok('the quickstart', runQuickstart(env, info)))).seconds);
    row('stop', 'npm run stop', (await timed(() => ok('npm run stop', runScript(env, 'stop')))).seconds);
    await cold.value.exited;

    const warm = await timed(async () => {
      const stack = startStack(env);
      await untilUp(stack);
      return stack;
    });
    row('start on the data it left', 'npm start', warm.seconds);
    await ok('npm run stop', runScript(env, 'stop'));
    await warm.value.exited;
  } finally {
    await runScript(env, 'stop');
    cleanUp();
  }
  return rows;
}

export const LOCAL_TIMINGS_START = '<!-- bench:local-stack (written by npm run bench; do not edit) -->';
export const LOCAL_TIMINGS_END = '<!-- /bench:local-stack -->';

/** The README's block of timings, from figure 6's rows and the date they were measured. */
export function localTimingsBlock(rows: LocalStepRow[], measuredAt: string): string {
  return [
    LOCAL_TIMINGS_START,
    `How long each step took when the benchmark last measured them (${measuredAt.slice(0, 10)}, \`npm run bench -- local\`; the machine: [figure 6](bench/results.md#6-the-local-stack-step-by-step)):`,
    '',
    '| step | command | seconds |',
    '|---|---|---|',
    ...rows.map((r) => `| ${r.step} | \`${r.command}\` | ${r.seconds} |`),
    LOCAL_TIMINGS_END,
  ].join('\n');
}

/** `readme` with its timings block replaced by `block` (an error if the markers are missing). */
export function withLocalTimings(readme: string, block: string): string {
  const start = readme.indexOf(LOCAL_TIMINGS_START);
  const end = readme.indexOf(LOCAL_TIMINGS_END);
  if (start === -1 || end === -1) throw new Error(`README.md has no ${LOCAL_TIMINGS_START} … ${LOCAL_TIMINGS_END} block`);
  return `${readme.slice(0, start)}${block}${readme.slice(end + LOCAL_TIMINGS_END.length)}`;
}
