/**
 * Every response the integration tests see, checked against the published OpenAPI document (the
 * stack's own `GET /openapi.json`, fetched once per test file) by test/support/conformance-check.ts:
 * one that does not conform throws, failing the test that saw it. An `OPTIONS` preflight is the
 * gateway's CORS answer, not an operation: it is not checked.
 *
 * Each checked response is counted (a line per response in the run's conformance directory); the
 * global teardown prints the totals (test/integration/global-setup.ts).
 */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import { Conformance, type Document } from '../../support/conformance-check.js';
import { stack } from './stack.js';

let loading: Promise<Conformance> | undefined;

/** The stack's published document, fetched once (per test file). */
export function published(): Promise<Conformance> {
  loading ??= (async () => {
    const response = await fetch(`${stack().apiUrl}/openapi.json`);
    const text = await response.text();
    const conformance = new Conformance(JSON.parse(text) as Document);
    record(conformance, 'GET', '/openapi.json', { status: response.status, headers: response.headers, text });
    return conformance;
  })();
  return loading;
}

function record(conformance: Conformance, method: string, path: string, response: { status: number; headers: Headers; text: string }): void {
  const { seen, problems } = conformance.check(method, path, response);
  if (problems.length > 0) {
    const body = response.text.length > 600 ? `${response.text.slice(0, 600)}…` : response.text;
    throw new Error(
      `Response does not conform to the published OpenAPI document:\n  ${method} ${path.split('?')[0]} (${seen.operation}) → ${response.status}\n  - ${problems.join('\n  - ')}\n  body: ${body}`,
    );
  }
  appendFileSync(join(inject('conformanceDir'), `responses-${process.pid}.log`), `${seen.operation} ${seen.status}\n`);
}

/**
 * Checks one response the test saw (throws, failing the test, when it does not conform). `path` as
 * requested, with its query string if any.
 */
export async function conform(method: string, path: string, response: { status: number; headers: Headers; text: string }): Promise<void> {
  if (method === 'OPTIONS') return;
  record(await published(), method, path, response);
}
