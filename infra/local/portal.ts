/**
 * The portal in the local stack: portal/ built with Vite (when its sources are newer than the
 * last build) and served as CloudFront serves it in AWS — the built files, `index.html` for any
 * other path (the app routes in the browser), `/config.json` with this stack's endpoints, and
 * the portal's security headers (infra/portal-headers.ts).
 */
import { createServer, type Server } from 'node:http';
import { listenOnLoopback } from './process.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { originsOf, portalSecurityHeaders, type PortalConfig } from '../portal-headers.js';

export const PORTAL_DIR = fileURLToPath(new URL('../../portal/', import.meta.url));
export const PORTAL_DIST = join(PORTAL_DIR, 'dist');
const STAMP = '.built';
/** What the build reads: the app, its page and config, and the typed client it imports. */
const SOURCES = [join(PORTAL_DIR, 'src'), join(PORTAL_DIR, 'index.html'), join(PORTAL_DIR, 'vite.config.ts'), fileURLToPath(new URL('../../clients/', import.meta.url))];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stat.mtimeMs);
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesUnder(join(path, name)));
}

/** A hash of everything the build reads (and of the lockfile, for the versions it builds with): CDK's asset hash of the portal. */
export function portalSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of [...SOURCES.flatMap(filesUnder), fileURLToPath(new URL('../../package-lock.json', import.meta.url))]) {
    hash.update(file.slice(PORTAL_DIR.length - 'portal/'.length)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** Builds the portal into `outDir` (CDK's asset bundling: infra/bundling/portal-cli.ts). */
export async function buildPortalInto(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(PORTAL_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** Whether portal/dist is missing or older than any of its sources. */
export function portalIsStale(): boolean {
  const stamp = join(PORTAL_DIST, STAMP);
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => existsSync(source) && newestMtime(source) > built);
}

/**
 * Builds the portal into portal/dist if it is stale. The build goes to a directory of its own
 * and replaces dist at the end, so a stack starting meanwhile never serves half a build.
 */
export async function buildPortal(opts: { force?: boolean } = {}): Promise<'built' | 'fresh'> {
  if (!opts.force && !portalIsStale()) return 'fresh';
  const outDir = await mkdtemp(join(PORTAL_DIR, '.build-'));
  try {
    await buildPortalInto(outDir);
    await writeFile(join(outDir, STAMP), `${new Date().toISOString()}\n`);
    await rm(PORTAL_DIST, { recursive: true, force: true });
    await rename(outDir, PORTAL_DIST);
  } catch (error) {
    await rm(outDir, { recursive: true, force: true });
    // Another stack finished the same build first: its dist is as good as ours.
    if (existsSync(join(PORTAL_DIST, STAMP)) && (error as NodeJS.ErrnoException).code === 'ENOTEMPTY') return 'built';
    throw error;
  }
  return 'built';
}

export interface PortalServer {
  url: string;
  close(): Promise<void>;
}

/** Serves portal/dist on `port` (127.0.0.1), `/config.json` from `config`. */
export async function startPortal(opts: { port: number; config: PortalConfig }): Promise<PortalServer> {
  const headers = portalSecurityHeaders(originsOf(opts.config), false);
  const configBody = JSON.stringify(opts.config);
  // Hashed assets are immutable; index.html (the fallback) is revalidated, as CloudFront is told to.
  const files = sirv(PORTAL_DIST, {
    single: true,
    dev: false,
    etag: true,
    gzip: false,
    setHeaders: (res, pathname) => {
      res.setHeader('cache-control', pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const server: Server = createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (req.url?.split('?')[0] === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache' }).end(req.method === 'HEAD' ? undefined : configBody);
      return;
    }
    files(req, res, () => void res.writeHead(404).end());
  });
  const listening = await listenOnLoopback(server, opts.port);
  return { url: `http://localhost:${listening.port}`, close: listening.close };
}
