/**
 * The problem types: every problem document's `type` is `<API>/problems/<code>`, and that URI
 * answers a page saying what the code means (RFC 9457 §3.1.1: the type URI should lead to
 * human-readable documentation). One page per code, drawn from the one list of codes
 * (`PROBLEMS`, shared/kernel/errors.ts), each listing the others. Plain markup, no style or
 * script: the API's security headers (`default-src 'none'`) apply to it as to every answer.
 */
import { escape } from 'html-escaper';
import * as z from 'zod';
import { NotFoundError, PROBLEMS, type ProblemCode } from '#kernel/errors.js';

export const ProblemTypeParams = z.strictObject({
  code: z.string().regex(/^[a-z][a-z_]{0,39}$/, 'must be a problem code such as not_found'),
});

/** The page: `text/html`. */
export const ProblemTypePage = z.string().meta({
  description: 'An HTML page: what the code means, its status, and every other code',
  examples: ['<!doctype html><html lang="en"><head><title>not_found — Tenancy API problem</title></head><body>…</body></html>'],
});

const isCode = (code: string): code is ProblemCode => Object.hasOwn(PROBLEMS, code);

/** `backticks` in a meaning are code. */
const prose = (text: string): string => escape(text).replace(/`([^`]+)`/g, '<code>$1</code>');

export function problemTypePage(code: string): string {
  if (!isCode(code)) throw new NotFoundError('No such problem type.');
  const { status, meaning } = PROBLEMS[code];
  const rows = (Object.entries(PROBLEMS) as [ProblemCode, { status: number; meaning: string }][])
    .map(([other, p]) => `<tr${other === code ? ' aria-current="page"' : ''}><td><a href="${other}"><code>${other}</code></a></td><td>${p.status}</td><td>${prose(p.meaning)}</td></tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${code} — Tenancy API problem</title>
</head>
<body>
<main>
<h1><code>${code}</code></h1>
<p>HTTP status <strong>${status}</strong>. ${prose(meaning)}.</p>
<p>Every error of the Tenancy API is an RFC 9457 problem document (<code>application/problem+json</code>) whose <code>type</code> is this page and whose <code>code</code> is <code>${code}</code>; its <code>detail</code> says what happened this time.</p>
<h2>Every problem code</h2>
<table>
<thead><tr><th scope="col">code</th><th scope="col">status</th><th scope="col">meaning</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</main>
</body>
</html>
`;
}
