/**
 * The README's timings of the local stack are the benchmark's (figure 6 of bench/results.json),
 * written there by `npm run bench`: a figure typed by hand, or left behind by a new run, fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LOCAL_TIMINGS_END, LOCAL_TIMINGS_START, localTimingsBlock, withLocalTimings, type LocalStepRow } from '../../bench/local-stack.js';

const read = (path: string): string => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe("the README's local-stack timings", () => {
  it('are the rows of the last measured figure 6, with the date they were measured', () => {
    const results = JSON.parse(read('bench/results.json')) as { local: LocalStepRow[]; measuredAt: { local: string } };
    const readme = read('README.md');

    expect(results.local.length).toBeGreaterThan(0);
    const block = readme.slice(readme.indexOf(LOCAL_TIMINGS_START), readme.indexOf(LOCAL_TIMINGS_END) + LOCAL_TIMINGS_END.length);
    expect(block).toBe(localTimingsBlock(results.local, results.measuredAt.local));
  });

  it('are rewritten between their markers only', () => {
    const before = `intro\n${LOCAL_TIMINGS_START}\nold\n${LOCAL_TIMINGS_END}\noutro\n`;
    const rows = [{ step: 'start', command: 'npm start', seconds: 3.1 }];

    const after = withLocalTimings(before, localTimingsBlock(rows, '2026-12-03T00:00:00Z'));

    expect(after.startsWith('intro\n')).toBe(true);
    expect(after.endsWith('\noutro\n')).toBe(true);
    expect(after).toContain('| start | `npm start` | 3.1 |');
    expect(after).not.toContain('old');
    expect(() => withLocalTimings('no markers', 'x')).toThrow(/no <!-- bench:local-stack/);
  });
});
