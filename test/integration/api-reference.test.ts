/**
 * The API reference the local stack serves at /docs: Swagger UI from node_modules (no CDN), loaded
 * in a real page would need a browser; here, what the page needs is served and names the document.
 */
import { describe, expect, it } from 'vitest';
import { referencePage } from '../../infra/local/api-reference.js';
import { call } from './support/api.js';
import { stack } from './support/stack.js';

/** The reference is the local stack's page, not an operation of the API: fetched as it is, outside the conformance check. */
async function page(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${stack().apiUrl}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

describe('the API reference', () => {
  it('serves the page, its script and styles from this server, and the document it loads', async () => {
    const docs = await page('/docs');
    expect(docs.status).toBe(200);
    expect(docs.type).toContain('text/html');
    const html = docs.text;
    expect(html).toContain("url: '/openapi.json'");
    // Nothing from another origin: every script and stylesheet is ours.
    expect(html).not.toMatch(/<(script|link)[^>]*\s(src|href)="(https?:)?\/\//);
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']) {
      expect(html).toContain(asset);
      const res = await page(asset);
      expect(res.status, asset).toBe(200);
      expect(res.text.length, asset).toBeGreaterThan(10_000);
    }
    const document = await call('GET', '/openapi.json');
    expect(document.body.openapi).toBe('3.1.0');
  });

  it('the one-file page inlines the document and the script, safely', () => {
    const html = referencePage({ linked: false, document: { openapi: '3.1.0', info: { title: '</script><script>alert(1)</script>', version: '1' }, paths: {} } });
    expect(html).not.toMatch(/<script[^>]*\ssrc=/);
    expect(html).not.toMatch(/<link[^>]*\shref=/);
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('SwaggerUIBundle({ spec: ');
  });
});
