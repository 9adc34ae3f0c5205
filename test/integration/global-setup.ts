/**
 * Starts the local stack for the integration tests: in memory and on free ports, so it
 * never touches a running `npm start` or its data, and stops all of it afterwards.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalStack, type StackInfo } from '../../infra/local/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
    /** Where support/conformance.ts counts the responses it checked (a line each). */
    conformanceDir: string;
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Integration tests write and delete freely: they must never reach anything but this machine. */
export function assertLoopback(info: StackInfo): void {
  for (const [name, value] of Object.entries(info)) {
    if (!name.endsWith('Url') && !name.endsWith('Endpoint')) continue;
    const { hostname } = new URL(value);
    if (!LOOPBACK.has(hostname)) throw new Error(`Refusing to run integration tests against ${name} ${value}: not a loopback address`);
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const stack = await startLocalStack({ ports: { api: 0, dynamodb: 0, cognito: 0, ses: 0, admin: 0 }, quiet: true });
  try {
    assertLoopback(stack.info);
  } catch (error) {
    await stack.stop();
    throw error;
  }
  project.provide('stack', stack.info);
  const conformanceDir = mkdtempSync(join(tmpdir(), 'tenancy-conformance-'));
  project.provide('conformanceDir', conformanceDir);
  return async () => {
    try {
      console.log(await conformanceSummary(stack.info.apiUrl, conformanceDir));
    } finally {
      rmSync(conformanceDir, { recursive: true, force: true });
      await stack.stop();
    }
  };
}

/**
 * What the run checked against the published document (support/conformance.ts): responses
 * validated, and the operations and statuses they covered beside those the document declares.
 */
export async function conformanceSummary(apiUrl: string, dir: string): Promise<string> {
  const document = (await (await fetch(`${apiUrl}/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
  const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
  const declared = operations.reduce((n, { op }) => n + Object.keys(op.responses).length, 0);
  const lines = readdirSync(dir).flatMap((file) => readFileSync(join(dir, file), 'utf8').split('\n').filter(Boolean));
  const routed = lines.filter((line) => !line.startsWith('unknown route '));
  const seenOperations = new Set(routed.map((line) => line.slice(0, line.lastIndexOf(' '))));
  return (
    `OpenAPI conformance: ${lines.length} responses validated against the published document; ` +
    `${seenOperations.size} of ${operations.length} operations and ${new Set(routed).size} of ${declared} declared statuses seen` +
    ` (and ${lines.length - routed.length} answers to unknown routes).`
  );
}
