/**
 * The API reference the local stack serves at /docs: Swagger UI from node_modules (no CDN), loaded
 * in a real page would need a browser; here, what the page needs is served and names the document.
 */
import { describe, expect, it } from 'vitest';
import { referencePage } from '../../infra/local/api-reference.js';
import { call } from './support/api.js';

describe('the API reference', () => {
  it('serves the page, its script and styles from this server, and the document it loads', async () => {
    const page = await call('GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = String(page.body);
    expect(html).toContain("url: '/openapi.json'");
    // Nothing from another origin: every script and stylesheet is ours.
    expect(html).not.toMatch(/<(script|link)[^>]*\s(src|href)="(https?:)?\/\//);
    for (const asset of ['/docs/swagger-ui-bundle.js', '/docs/swagger-ui.css']) {
      expect(html).toContain(asset);
      const res = await call('GET', asset);
      expect(res.status, asset).toBe(200);
      expect(String(res.body).length, asset).toBeGreaterThan(10_000);
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
