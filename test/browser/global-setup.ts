/** Before the browser tests: Chromium present (installed where missing) and the portal built once. */
import type { TestProject } from 'vitest/node';
import { buildPortal } from '../../infra/local/portal.js';
import { ensureChromium } from '../support/chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: string;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  project.provide('chromium', ensureChromium());
  await buildPortal();
}
