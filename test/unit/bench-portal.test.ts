import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { firstLoadAssets, measureDist } from '../../bench/portal.js';

const HTML = `<!doctype html><html><head>
<script type="module" crossorigin src="/assets/index-abc.js"></script>
<link rel="modulepreload" crossorigin href="/assets/vendor-def.js">
<link rel="stylesheet" crossorigin href="/assets/index-123.css">
<link rel="icon" href="/favicon.svg">
</head><body><div id="app"></div></body></html>`;

describe("figure 9: the portal's first load", () => {
  it('counts the scripts, module preloads and stylesheets index.html loads, not its icon', () => {
    expect(firstLoadAssets(HTML)).toEqual(['assets/index-abc.js', 'assets/vendor-def.js', 'assets/index-123.css']);
  });

  it('sums the gzipped JS and CSS, and the HTML apart', () => {
    const dist = mkdtempSync(join(tmpdir(), 'portal-dist-'));
    const js = 'export const a = 1;\n'.repeat(200);
    const css = 'body { color: red; }\n'.repeat(50);
    writeFileSync(join(dist, 'index.html'), HTML);
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets/index-abc.js'), js);
    writeFileSync(join(dist, 'assets/vendor-def.js'), js);
    writeFileSync(join(dist, 'assets/index-123.css'), css);
    const figure = measureDist(dist);
    const gz = (s: string) => gzipSync(s, { level: 6 }).length;
    expect(figure.firstLoadGzipBytes).toBe(2 * gz(js) + gz(css));
    expect(figure.totalGzipBytes).toBe(figure.firstLoadGzipBytes + gz(HTML));
    expect(figure.files.map((f) => f.kind)).toEqual(['html', 'js', 'js', 'css']);
  });
});
