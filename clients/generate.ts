/**
 * The typed client's types, generated from the OpenAPI document the API publishes
 * (`GET /openapi.json`, built by functions/openapi.ts from the route table) with openapi-typescript.
 * `npm run client` writes them to clients/tenancy-api.ts; a unit test fails when that file is not
 * what this would write, so a change of the document cannot land without its client.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from '../functions/openapi.js';

export const CLIENT_TYPES_FILE = fileURLToPath(new URL('./tenancy-api.ts', import.meta.url));

const HEADER = `/**
 * The Tenancy API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run client\` after changing a route or schema.
 */

`;

export async function clientTypes(): Promise<string> {
  const document = JSON.parse(JSON.stringify(openApiDocument()));
  return HEADER + astToString(await openapiTS(document));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(CLIENT_TYPES_FILE, await clientTypes());
  console.log(`wrote ${CLIENT_TYPES_FILE}`);
}
