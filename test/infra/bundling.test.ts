/**
 * The build CDK deploys (infra/bundling/build.ts, `deployed`), read from esbuild's metafile and
 * its output: what issue 15 took out of every cold start stays out. The benchmark measures the
 * same build (bench/bundles.ts, figure 2).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TenancyFunction } from '../../infra/constructs/function.js';
import { buildFunction, type BuiltFunction } from '../../infra/bundling/build.js';

const PROFILE = 'deployed';
const dir = mkdtempSync(join(tmpdir(), 'tenancy-bundling-'));
const built: Record<string, BuiltFunction> = {};
beforeAll(async () => {
  for (const handler of ['orgs/get', 'invitations/create', 'sweep/handler']) built[handler] = await buildFunction(handler, join(dir, handler), PROFILE);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inputsOf = (b: BuiltFunction, files: string[]): string[] =>
  Object.entries(b.metafile.outputs).filter(([out]) => files.some((f) => f.endsWith(out.replace(/^(\.\.\/)+/, '')))).flatMap(([, o]) => Object.keys(o.inputs));

describe('the deployed build', () => {
  it('carries none of the SDK credential chain Lambda never runs (STS/SSO clients, IMDS, ini files, process)', () => {
    for (const b of Object.values(built)) {
      const chain = inputsOf(b, b.files).filter((p) => /node_modules\/@aws-sdk\/(nested-clients|credential-provider-|token-providers)|node_modules\/@smithy\/credential-provider-imds/.test(p));
      expect(chain).toEqual([]);
    }
  });

  it('loads the SES client on the first send, not at init, in the functions that send mail', () => {
    for (const handler of ['invitations/create', 'sweep/handler']) {
      const b = built[handler]!;
      expect(b.ses).toBe(true);
      expect(b.sesAtInit).toBe(false);
      expect(b.initFiles.length).toBeLessThan(b.files.length);
    }
    expect(built['orgs/get']!.ses).toBe(false);
  });

  it('loads Powertools idempotency and the JMESPath engine in no function at init (idempotent routes import it as they start)', () => {
    for (const b of Object.values(built)) {
      const atInit = inputsOf(b, b.initFiles).filter((p) => /node_modules\/@aws-lambda-powertools\/(idempotency|jmespath)\//.test(p));
      expect(atInit).toEqual([]);
    }
    // Only an idempotent route's build carries it at all.
    const anywhere = (b: BuiltFunction) => inputsOf(b, b.files).some((p) => /node_modules\/@aws-lambda-powertools\/idempotency\//.test(p));
    expect(anywhere(built['invitations/create']!)).toBe(true);
  });

  it('imports no Node built-in as an ES module (node:http would load undici at init on Node 22+)', () => {
    for (const b of Object.values(built)) {
      for (const file of b.files) {
        const code = readFileSync(file, 'utf8');
        expect(code.match(/(?:from|import\s*\(?)\s*["'](node:)?(http|https|crypto|stream|zlib|fs|os|path)["']/g) ?? [], file).toEqual([]);
      }
    }
  });

  it('has its handler at index.mjs, which the CDK function names as index.handler', () => {
    for (const b of Object.values(built)) expect(b.entry.endsWith('/index.mjs')).toBe(true);
  });
});

describe('the CDK function', () => {
  it('deploys that build: its asset is what buildFunction makes (bundling on, as in `cdk synth`)', () => {
    const outdir = join(dir, 'cdk.out');
    const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': ['**'] } });
    const stack = new Stack(app, 'Bundling');
    new TenancyFunction(stack, 'OrgsGet', { handler: 'orgs/get', description: 'GET /orgs/{orgId}' });
    const assembly = app.synth();
    const template = assembly.getStackByName('Bundling').template as { Resources: Record<string, { Type: string; Properties: { Code: { S3Key: string } } }> };
    const fn = Object.values(template.Resources).find((r) => r.Type === 'AWS::Lambda::Function')!;
    const asset = join(outdir, `asset.${fn.Properties.Code.S3Key.replace(/\.zip$/, '')}`);
    // Chunk names carry a content hash, which depends on where the source maps point from.
    const names = (files: string[]) => files.map((f) => f.replace(/-[A-Z0-9]{8}\.mjs$/, '.mjs')).sort();
    const deployed = readdirSync(asset, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mjs'));
    const measured = built['orgs/get']!.files.map((f) => f.slice(join(dir, 'orgs/get').length + 1));
    expect(names(deployed)).toEqual(names(measured));
    expect(deployed).toContain('index.mjs');
  });
});
