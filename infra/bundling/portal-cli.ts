/** `tsx infra/bundling/portal-cli.ts <outDir>`: the portal's build for CDK's asset (infra/constructs/portal.ts). */
import { buildPortalInto } from '../local/portal.js';

const outDir = process.argv[2];
if (!outDir) {
  console.error('usage: portal-cli.ts <outDir>');
  process.exit(2);
}
await buildPortalInto(outDir);
