/**
 * The one build of a function: what CDK deploys (infra/constructs/function.ts, through
 * infra/bundling/cli.ts) and what the benchmark measures (bench/bundles.ts). `baseline` is the
 * bundling of before issue 15 (the NodejsFunction options of then, frozen), kept so that the
 * benchmark can measure every function against it in the same run.
 *
 * `deployed` differs from it in three ways, each measured in bench/results.md, figure 2:
 * - `@aws-sdk/credential-provider-node` is replaced by the environment's credentials
 *   (./default-credentials.ts): the STS and SSO clients, IMDS and the ini parser leave every bundle.
 * - Code splitting (ESM): what a function loads with `import()` (the SES client, on the first send)
 *   is a chunk of its own, read only then.
 * - Node built-ins are loaded with `require`, never as ES modules. The ES module of `node:http`
 *   reads every export of the CommonJS one, and on Node 22+ some of those are getters that load
 *   undici (~30 ms; aws/aws-sdk-js-v3#6914). The SDK defers `node:http` to an `import()` on the first
 *   plain-HTTP request; a bundler that turns such imports into module-scope ones loads it at init.
 */
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type Metafile, type Plugin } from 'esbuild';

export type BuildProfile = 'deployed' | 'baseline';

/** The repository root: handlers live under `functions/`. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The file a function's handler is in, inside its asset: `index.handler`. */
export const ENTRY_NAME = 'index';

/** CommonJS dependencies inside an ESM bundle still call require(). */
const BANNER = "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);";

const BUILTINS = new Set(builtinModules);
const BUILTIN_NS = 'node-builtin';

/** Every import of a Node built-in becomes `require('node:…')` (see above). */
const builtinsThroughRequire: Plugin = {
  name: 'node-builtins-through-require',
  setup(b) {
    b.onResolve({ filter: /^(node:)?[a-z_][a-z0-9_/]*$/ }, ({ path, namespace }) => {
      const name = path.replace(/^node:/, '');
      if (!path.startsWith('node:') && !BUILTINS.has(name)) return undefined;
      // The require() inside the stand-in module below is the real, external one.
      if (namespace === BUILTIN_NS) return { path: `node:${name}`, external: true };
      return { path: name, namespace: BUILTIN_NS };
    });
    b.onLoad({ filter: /.*/, namespace: BUILTIN_NS }, ({ path }) => ({
      contents: `module.exports = require(${JSON.stringify(`node:${path}`)});`,
      loader: 'js',
    }));
  },
};

/** A handler under functions/, or (for the benchmark's floors) a module's source resolved from the project root. */
export type Entry = { handler: string } | { source: string };

function options(profile: BuildProfile, entry: Entry, outdir: string): BuildOptions {
  const common: BuildOptions = {
    ...('handler' in entry
      ? { entryPoints: { [ENTRY_NAME]: `${projectRoot}functions/${entry.handler}.ts` } }
      : { stdin: { contents: entry.source, resolveDir: projectRoot, loader: 'ts', sourcefile: `${ENTRY_NAME}.ts` } }),
    outdir,
    outExtension: { '.js': '.mjs' },
    absWorkingDir: projectRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // Prefer the ESM builds of dependencies: better tree-shaking.
    mainFields: ['module', 'main'],
    minify: true,
    // Mappings are enough for readable stack traces (NODE_OPTIONS=--enable-source-maps); sources only add weight.
    sourcemap: true,
    sourcesContent: false,
    banner: { js: BANNER },
    metafile: true,
    logLevel: 'warning',
  };
  if (profile === 'baseline') return common;
  return {
    ...common,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    alias: { '@aws-sdk/credential-provider-node': `${projectRoot}infra/bundling/default-credentials.ts` },
    plugins: [builtinsThroughRequire],
  };
}

export interface BuiltFunction {
  /** The handler's module (absolute path). */
  entry: string;
  /** Every JavaScript file of the bundle, the entry's first. */
  files: string[];
  /** What a cold start reads: the entry and the chunks it imports statically, transitively. */
  initFiles: string[];
  initBytes: number;
  totalBytes: number;
  /** Of `initBytes`, the AWS SDK's (@aws-sdk/*, @smithy/*), as esbuild counts output bytes. */
  sdkInitBytes: number;
  /** Whether any file of the bundle holds the SES client; and whether the init files do. */
  ses: boolean;
  sesAtInit: boolean;
  metafile: Metafile;
}

const SDK = /node_modules\/@(aws-sdk|smithy)\//;
const SES = /node_modules\/@aws-sdk\/client-sesv2\//;

/** Bundles `functions/<handler>.ts` into `outdir` (index.mjs, chunks/, source maps). */
export async function buildFunction(handler: string, outdir: string, profile: BuildProfile = 'deployed'): Promise<BuiltFunction> {
  return buildEntry({ handler }, outdir, profile);
}

export async function buildEntry(entry: Entry, outdir: string, profile: BuildProfile): Promise<BuiltFunction> {
  const result = await build(options(profile, entry, outdir));
  return describe(result.metafile!);
}

function describe(metafile: Metafile): BuiltFunction {
  const abs = (p: string): string => resolve(projectRoot, p);
  const outputs = new Map(Object.entries(metafile.outputs).filter(([p]) => p.endsWith('.mjs')).map(([p, o]) => [abs(p), o]));
  const entry = [...outputs].find(([, o]) => o.entryPoint !== undefined)![0];
  const init = new Set<string>();
  const visit = (file: string): void => {
    if (init.has(file)) return;
    init.add(file);
    for (const i of outputs.get(file)!.imports) if (i.kind === 'import-statement' && !i.external) visit(abs(i.path));
  };
  visit(entry);
  const inputsOf = (files: Iterable<string>) => [...files].flatMap((f) => Object.entries(outputs.get(f)!.inputs));
  const bytes = (files: Iterable<string>) => [...files].reduce((sum, f) => sum + outputs.get(f)!.bytes, 0);
  return {
    entry,
    files: [entry, ...[...outputs.keys()].filter((f) => f !== entry)],
    initFiles: [...init],
    initBytes: bytes(init),
    totalBytes: bytes(outputs.keys()),
    sdkInitBytes: inputsOf(init).filter(([p]) => SDK.test(p)).reduce((sum, [, v]) => sum + v.bytesInOutput, 0),
    ses: inputsOf(outputs.keys()).some(([p]) => SES.test(p)),
    sesAtInit: inputsOf(init).some(([p]) => SES.test(p)),
    metafile,
  };
}
