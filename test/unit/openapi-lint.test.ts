/**
 * The OpenAPI document (generated from the route table) linted with Spectral: the `oas` and
 * OWASP API Security Top 10 rulesets, with the exceptions of openapi.spectral.ts. Any finding
 * of error severity fails; warnings are printed, not failed.
 */
import { Spectral, type ISpectralDiagnostic } from '@stoplight/spectral-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/openapi.js';
import { ruleset } from '../../openapi.spectral.js';

/** ERROR of @stoplight/types (0; warnings are 1). */
const ERROR = 0;
const where = (d: ISpectralDiagnostic): string => `${String(d.code)} at ${d.path.join('.')}: ${d.message}`;

describe('the OpenAPI document under Spectral (oas + OWASP)', () => {
  let findings: ISpectralDiagnostic[];

  beforeAll(async () => {
    const spectral = new Spectral();
    spectral.setRuleset(ruleset);
    findings = await spectral.run(JSON.parse(JSON.stringify(openApiDocument())) as Record<string, unknown>);
  }, 120_000);

  it('has no error-severity finding', () => {
    const errors = findings.filter((d) => d.severity === ERROR);
    expect(errors.map(where)).toEqual([]);
  });

  it('is linted at all: undoing a fix brings its OWASP error back', async () => {
    const spectral = new Spectral();
    spectral.setRuleset(ruleset);
    const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
      servers: Record<string, unknown>[];
      components: { securitySchemes: { cognito: { description: string } } };
    };
    doc.components.securitySchemes.cognito.description = 'A Cognito ID token';
    delete doc.servers[0]!['x-internal'];

    const codes = (await spectral.run(doc)).filter((d) => d.severity === ERROR).map((d) => String(d.code));

    expect(codes).toEqual(expect.arrayContaining(['owasp:api2:2023-jwt-best-practices', 'owasp:api9:2023-inventory-access']));
  }, 120_000);

  it('declares 401 on every operation behind a token, 429 and 500 on every operation', () => {
    const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>> };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const key = `${method.toUpperCase()} ${path}`;
        if ((op.security ?? []).length > 0) expect(Object.keys(op.responses), key).toContain('401');
        expect(Object.keys(op.responses), key).toEqual(expect.arrayContaining(['429', '500']));
      }
    }
  });
});
