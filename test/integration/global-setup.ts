/**
 * Starts the local stack for the integration tests: in memory and on free ports, so it
 * never touches a running `npm start` or its data, and stops all of it afterwards.
 */
import type { TestProject } from 'vitest/node';
import { startLocalStack, type StackInfo } from '../../infra/local/stack.js';

declare module 'vitest' {
  export interface ProvidedContext {
    stack: StackInfo;
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
  return () => stack.stop();
}
