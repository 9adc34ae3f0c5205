/**
 * Figure 2: each function bundled as the CDK stack bundles it (infra/constructs/function.ts),
 * its minified size (and how much of it is the AWS SDK), whether the SES client is in it, and
 * its module-init time in a fresh Node process (median of 11, minus the median of an empty
 * process). Two floor rows bundle only what every function must load whatever its code — the
 * DynamoDB document client, then that plus zod — so the rest can be read as ours.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { routeList } from '#functions/routes.js';
import { handlerEnvironment } from '../infra/local/stack.js';

export interface BundleRow {
  fn: string;
  kb: number;
  /** Of which @aws-sdk/* and @smithy/* (minified bytes in the output, KB). */
  sdkKb: number;
  /** A floor row: not a function, the least any function loads. */
  floor?: boolean;
  ses: boolean;
  sendsMail: boolean;
  initMs: number;
}

const root = fileURLToPath(new URL('../', import.meta.url));
const RUNS = 11;

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

/** What every function loads whatever it does: the DynamoDB document client, then zod too. */
const FLOORS: [string, string][] = [
  ['floor: DynamoDB client', `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
export const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));`],
  ['floor: DynamoDB client + zod', `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
export const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const schema = z.object({ name: z.string().min(1) });`],
];

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
  // The SDK warns at load on Node < 22 (Lambda runs Node 24): printing it is not init work there.
  env.NODE_NO_WARNINGS = '1';
  try {
    const empty = join(dir, 'empty.mjs');
    writeFileSync(empty, '');
    timeNode(empty, env); // warm the file cache
    const base = timeNode(empty, env);
    const rows: BundleRow[] = [];
    const entries: { fn: string; sendsMail: boolean; floor?: string }[] = [
      ...FLOORS.map(([fn, floor]) => ({ fn, sendsMail: false, floor })),
      ...[...functions].sort(([a], [b]) => a.localeCompare(b)).map(([fn, sendsMail]) => ({ fn, sendsMail })),
    ];
    for (const [i, { fn, sendsMail, floor }] of entries.entries()) {
      const outfile = join(dir, `${i}.mjs`);
      const result = await build({
        ...(floor === undefined
          ? { entryPoints: [join(root, 'functions', `${fn}.ts`)] }
          : { stdin: { contents: floor, resolveDir: root, loader: 'ts' as const } }),
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
      const inputs = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'))![1].inputs;
      const ses = Object.keys(inputs).some((p) => p.includes('@aws-sdk/client-sesv2'));
      const sdkBytes = Object.entries(inputs)
        .filter(([p]) => /node_modules\/@(aws-sdk|smithy)\//.test(p))
        .reduce((sum, [, v]) => sum + v.bytesInOutput, 0);
      const kb = Math.round(statSync(outfile).size / 102.4) / 10;
      const sdkKb = Math.round(sdkBytes / 102.4) / 10;
      const initMs = Math.round((timeNode(outfile, env) - base) * 10) / 10;
      rows.push({ fn, kb, sdkKb, ses, sendsMail, initMs, ...(floor === undefined ? {} : { floor: true }) });
      console.log(`  ${fn}: ${kb} KB (SDK ${sdkKb}), init ${initMs} ms${ses ? ', SES' : ''}`);
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
