/**
 * Figure 2: each function bundled as the CDK stack bundles it (infra/constructs/function.ts),
 * its minified size, whether the SES client is in it, and its module-init time in a fresh
 * Node process (median of 7, minus the median of an empty process).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { routeList } from '../functions/routes.js';
import { handlerEnvironment } from '../infra/local/stack.js';

export interface BundleRow {
  fn: string;
  kb: number;
  ses: boolean;
  sendsMail: boolean;
  initMs: number;
}

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 7;

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

function timeNode(file: string, env: NodeJS.ProcessEnv): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [file], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`${file}: ${r.stderr.toString().slice(0, 500)}`);
  }
  return median(times);
}

export async function measureBundles(): Promise<BundleRow[]> {
  // The sweep sends the reminder and trial-ended emails; routes say so in their permissions.
  const functions = new Map<string, boolean>([['sweep/handler', true]]);
  for (const r of routeList) functions.set(r.handler, Boolean((r.permissions as { email?: boolean }).email));
  const dir = mkdtempSync(join(tmpdir(), 'tenancy-bundles-'));
  // What a function reads at init in AWS (shared/config.ts), with no endpoint overrides.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    ...handlerEnvironment({ tableName: 'bench', dynamodbEndpoint: '', sesEndpoint: '', portalUrl: 'https://portal.example.com', cursorSecret: 'bench' }),
  };
  delete env.DYNAMODB_ENDPOINT;
  delete env.SES_ENDPOINT;
  try {
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, '');
    timeNode(empty, env); // warm the file cache
    const base = timeNode(empty, env);
    const rows: BundleRow[] = [];
    for (const [fn, sendsMail] of [...functions].sort(([a], [b]) => a.localeCompare(b))) {
      const outfile = join(dir, `${fn.replace('/', '__')}.mjs`);
      const result = await build({
        entryPoints: [join(root, 'functions', `${fn}.ts`)],
        outfile,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourcemap: true,
        sourcesContent: false,
        banner: { js: "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);" },
        metafile: true,
        logLevel: 'warning',
      });
      const ses = Object.keys(result.metafile.inputs).some((p) => p.includes('@aws-sdk/client-sesv2'));
      const kb = Math.round(statSync(outfile).size / 102.4) / 10;
      const initMs = Math.round((timeNode(outfile, env) - base) * 10) / 10;
      rows.push({ fn, kb, ses, sendsMail, initMs });
      console.log(`  ${fn}: ${kb} KB, init ${initMs} ms${ses ? ', SES' : ''}`);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
