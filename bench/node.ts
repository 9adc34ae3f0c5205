/**
 * The Node.js binaries figure 2 measures with: the major the functions deploy with
 * (`FUNCTION_RUNTIME`, infra/constructs/function.ts) and Node 20 for comparison, each at a pinned
 * version. A version that is not this process's own is installed from the npm registry (the
 * `node-<platform>-<arch>` package, which ships the official binary) into `.bench-node/<version>/`
 * (git-ignored) on first use: `npm run bench` needs nothing installed by hand. Not a
 * devDependency: a 50 MB binary per version that only the benchmark runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FUNCTION_RUNTIME } from '../infra/constructs/function.js';
import { projectRoot } from '../infra/bundling/build.js';

/**
 * The newest Node 24 when this was pinned. Lambda's nodejs24.x moves its patch version on its
 * own (see the runtime version in a function's INIT_START log line); bump this to match it.
 */
export const DEPLOYED_NODE = '24.22.3';
/** Node 20, which this machine's own `node` (and so the benchmark of before issue 15) is. */
export const COMPARISON_NODE = '20.20.2';

const deployedMajor = /^nodejs(\d+)\.x$/.exec(FUNCTION_RUNTIME.name)?.[1];
if (deployedMajor !== DEPLOYED_NODE.split('.')[0]) {
  throw new Error(`bench/node.ts pins Node ${DEPLOYED_NODE}, but the functions deploy with ${FUNCTION_RUNTIME.name}: pin that major`);
}

/** The path of a `node` of exactly `version`, installed first if needed. */
export function nodeBinary(version: string): string {
  if (process.version === `v${version}`) return process.execPath;
  const prefix = join(projectRoot, '.bench-node', version);
  const pkg = `node-${process.platform}-${process.arch}`;
  const bin = join(prefix, 'node_modules', pkg, 'bin', 'node');
  if (!existsSync(bin)) {
    console.log(`  installing Node ${version} (${pkg}) into .bench-node/…`);
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', prefix, `${pkg}@${version}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const actual = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  if (actual !== `v${version}`) throw new Error(`${bin} is ${actual}, not v${version}`);
  return bin;
}
