/**
 * Figure 8's section of results.md, apart from bench/warm.ts: a run of other parts renders the
 * kept warm figures without loading the handlers (whose configuration needs a stack).
 */
import type { WarmRow } from './warm.js';

/** Figure 8's section of results.md. */
export function warmMarkdown(rows: WarmRow[]): string[] {
  if (rows.length === 0) return [];
  const first = rows[0]!;
  const lines = [
    '## 8. Warm path: the request wrapper per request',
    '',
    `In the bench's process (Node ${first.node}), against DynamoDB Local, the event the local gateway passes with a real ID token's claims; median of ${first.rounds} rounds in which every chain runs one batch of sequential requests (${first.requests * 4} without I/O, ${first.requests} through the database). A stage's figure is the chain of the wrapper's stages up to it minus the chain before it (\`middlewares(spec)\`, the stages \`api()\` uses), with the access the authorization stage loaded handed over, so no round trip sits among them; the BatchGet is then its own row, and the operation is the whole handler beyond it. CPU is this process's (user + system); a stage that costs nearly nothing can read slightly below 0.`,
    '',
    `| stage | ${rows.map((r) => `\`${r.route}\` CPU µs`).join(' | ')} | ${rows.map((r) => `\`${r.route}\` wall µs`).join(' | ')} |`,
    `|---|${rows.map(() => '---:').join('|')}|${rows.map(() => '---:').join('|')}|`,
  ];
  for (const [i, s] of first.stages.entries()) {
    lines.push(`| ${s.stage} | ${rows.map((r) => r.stages[i]!.cpuUs).join(' | ')} | ${rows.map((r) => r.stages[i]!.wallUs).join(' | ')} |`);
  }
  lines.push(
    `| **wrapper, every stage (no I/O)** | ${rows.map((r) => `**${r.wrapperCpuUs}**`).join(' | ')} | ${rows.map(() => '').join(' | ')} |`,
    `| **whole handler** | ${rows.map((r) => `**${r.handlerCpuUs}**`).join(' | ')} | ${rows.map((r) => `**${r.handlerWallUs}**`).join(' | ')} |`,
    '',
    `\`respond()\` alone (status, ETag, JSON): ${rows.map((r) => `${r.route} ${r.respondUs} µs for ${r.bodyBytes} bytes`).join('; ')}. Done once per function, not per request: the stages and the route's schemas are built when the handler is, the logger's correlation-id path is split on the first request and kept.`,
    '',
  );
  return lines;
}
