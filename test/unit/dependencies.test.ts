/**
 * No production dependency is deprecated. The registry here answers no `npm audit`, so the
 * installed packages' own package.json (where npm records `deprecated` on install) is the
 * offline source of truth.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };

interface Installed {
  version?: string;
  deprecated?: unknown;
}

/** The installed package.json of `name`, as Node would resolve it from the project root. */
function installedManifest(name: string, from = root): Installed {
  return JSON.parse(readFileSync(join(from, 'node_modules', name, 'package.json'), 'utf8')) as Installed;
}

/** Each dependency that says it is deprecated, with npm's message. */
function deprecatedOf(names: string[], read: (name: string) => Installed = installedManifest): string[] {
  return names.flatMap((name) => {
    const { deprecated, version } = read(name);
    return deprecated === undefined || deprecated === false ? [] : [`${name}@${String(version)}: ${String(deprecated)}`];
  });
}

describe('production dependencies', () => {
  const names = Object.keys(manifest.dependencies ?? {});

  it('are all installed (a missing one would pass the deprecation check unread)', () => {
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(installedManifest(name).version, name).toEqual(expect.any(String));
  });

  it('are none of them deprecated', () => {
    expect(deprecatedOf(names)).toEqual([]);
  });

  it('would fail on a deprecated one (a `deprecated` field, with its message)', () => {
    const fake = (name: string): Installed =>
      name === 'old-lib' ? { version: '1.0.0', deprecated: 'Use new-lib instead' } : { version: '2.0.0' };

    expect(deprecatedOf(['ok-lib', 'old-lib'], fake)).toEqual(['old-lib@1.0.0: Use new-lib instead']);
  });
});
