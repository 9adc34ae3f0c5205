/**
 * `tsx infra/bundling/cli.ts <handler> <outdir>`: builds one function as it is deployed. CDK's
 * local bundling (infra/constructs/function.ts) must be synchronous and esbuild's plugins are not,
 * so the construct runs this in a child process.
 */
import { buildFunction } from './build.js';

const [handler, outdir] = process.argv.slice(2);
if (!handler || !outdir) {
  console.error('usage: tsx infra/bundling/cli.ts <handler, e.g. orgs/get> <outdir>');
  process.exit(2);
}
await buildFunction(handler, outdir, 'deployed');
