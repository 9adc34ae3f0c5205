/**
 * `npm run docs:api [-- <file>]`: writes the API reference as one self-contained HTML file
 * (default `api-reference.html` at the repository root, git-ignored), the document inlined.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApiDocument } from '../../functions/openapi.js';
import { referencePage } from './api-reference.js';

const out = resolve(process.argv[2] ?? 'api-reference.html');
writeFileSync(out, referencePage({ linked: false, document: openApiDocument() }));
console.log(`wrote ${out} — open it in a browser`);
