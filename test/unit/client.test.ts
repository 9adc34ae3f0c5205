import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_TYPES_FILE, clientTypes } from '../../clients/generate.js';

describe('the generated client', () => {
  it('clients/tenancy-api.ts is what the current document generates (run `npm run client` when this fails)', async () => {
    expect(readFileSync(CLIENT_TYPES_FILE, 'utf8') === (await clientTypes()), 'clients/tenancy-api.ts is stale: run `npm run client`').toBe(true);
  });
});
