/**
 * The interactive API reference: Swagger UI (swagger-ui-dist, served from node_modules, no CDN)
 * over the document the API publishes. The local stack serves it at `<api>/docs`, same origin as
 * the API so "Try it out" needs no CORS grant; `npm run docs:api` writes the same page as one
 * self-contained HTML file (document, script and styles inlined) to open from disk or deploy as a
 * static file next to the portal. API Gateway itself serves no such page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { GatewayResponse } from './gateway-responses.js';

const require = createRequire(import.meta.url);
const ASSETS = dirname(require.resolve('swagger-ui-dist/package.json'));

const asset = (name: 'swagger-ui.css' | 'swagger-ui-bundle.js'): Buffer => readFileSync(join(ASSETS, name));

/** `</script>` inside an inlined script or document would end the element early. */
const inlineSafe = (text: string): string => text.replace(/<\/(script)/gi, '<\\/$1');

/**
 * The page. `linked`: it loads its script, styles and the document from the server it is served
 * by (`/docs/…`, `/openapi.json`); otherwise everything is inlined and `document` is required.
 */
export function referencePage(options: { linked: true } | { linked: false; document: unknown }): string {
  const styles = options.linked ? '<link rel="stylesheet" href="/docs/swagger-ui.css">' : `<style>${asset('swagger-ui.css').toString('utf8')}</style>`;
  const script = options.linked
    ? '<script src="/docs/swagger-ui-bundle.js"></script>'
    : `<script>${inlineSafe(asset('swagger-ui-bundle.js').toString('utf8'))}</script>`;
  const source = options.linked ? "url: '/openapi.json'" : `spec: ${inlineSafe(JSON.stringify(options.document))}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tenancy API reference</title>
${styles}
</head>
<body>
<main id="reference"></main>
${script}
<script>
window.ui = SwaggerUIBundle({ ${source}, dom_id: '#reference', deepLinking: true, tryItOutEnabled: false, persistAuthorization: false });
</script>
</body>
</html>
`;
}

const html = (body: string): GatewayResponse => ({ statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(body) });

/** The reference's answer to `GET path`, or undefined when the path is not the reference's. */
export function referenceResponse(method: string, path: string): GatewayResponse | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  if (path === '/docs' || path === '/docs/') return html(referencePage({ linked: true }));
  if (path === '/docs/swagger-ui.css') return { statusCode: 200, headers: { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'max-age=3600' }, body: asset('swagger-ui.css') };
  if (path === '/docs/swagger-ui-bundle.js') {
    return { statusCode: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'max-age=3600' }, body: asset('swagger-ui-bundle.js') };
  }
  return undefined;
}
