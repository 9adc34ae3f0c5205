/**
 * Figure 9: the portal's first load. What a browser fetches before the first screen — the
 * built index.html and every script, module preload and stylesheet it names — in bytes and
 * gzipped (level 6, what CloudFront's and most servers' compression approximate). Target: the
 * JS + CSS under 150 KB gzipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPortal, PORTAL_DIST } from '../infra/local/portal.js';

export interface PortalFile {
  file: string;
  kind: 'html' | 'js' | 'css';
  bytes: number;
  gzipBytes: number;
}

export interface PortalFigure {
  files: PortalFile[];
  /** JS + CSS, gzipped: what the target counts. */
  firstLoadGzipBytes: number;
  /** index.html included. */
  totalGzipBytes: number;
}

export const PORTAL_FIRST_LOAD_LIMIT = 150 * 1024;

/** The assets index.html loads before the first screen (scripts, module preloads, stylesheets). */
export function firstLoadAssets(html: string): string[] {
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"[^>]*>/g)].filter(([tag]) => /<script|rel="(?:stylesheet|modulepreload)"/.test(tag!));
  return [...new Set(refs.map(([, href]) => href!.replace(/^\//, '')))];
}

export function measureDist(dist: string): PortalFigure {
  const html = readFileSync(join(dist, 'index.html'));
  const file = (name: string, kind: PortalFile['kind'], content: Buffer): PortalFile => ({ file: name, kind, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length });
  const files = [file('index.html', 'html', html), ...firstLoadAssets(html.toString('utf8')).map((a) => file(a, a.endsWith('.css') ? 'css' : 'js', readFileSync(join(dist, a))))];
  const firstLoadGzipBytes = files.filter((f) => f.kind !== 'html').reduce((sum, f) => sum + f.gzipBytes, 0);
  return { files, firstLoadGzipBytes, totalGzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}

/** Builds the portal afresh (the build `npm start` serves and CI checks) and measures it. */
export async function measurePortal(): Promise<PortalFigure> {
  await buildPortal({ force: true });
  return measureDist(PORTAL_DIST);
}

const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

export function portalMarkdown(figure: PortalFigure): string[] {
  return [
    "## 9. The portal's first load",
    '',
    `index.html and what it loads before the first screen, built by \`vite build\` (portal/), gzipped at level 6. JS + CSS: **${kb(figure.firstLoadGzipBytes)} KB** gzipped (target < ${kb(PORTAL_FIRST_LOAD_LIMIT)} KB); with the HTML ${kb(figure.totalGzipBytes)} KB.`,
    '',
    '| file | kind | bytes | gzipped |',
    '|---|---|---:|---:|',
    ...figure.files.map((f) => `| \`${f.file}\` | ${f.kind} | ${f.bytes} | ${f.gzipBytes} |`),
    '',
  ];
}
