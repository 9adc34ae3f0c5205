/**
 * The answers the OpenAPI document declares (derived by shared/http/answers.ts from the route
 * table): cross-checked against what the authorization matrix expects of every caller kind, the
 * statuses issue 14 found missing, the headers, and the examples of every request body and
 * success response (each one valid against its own schema). That nothing answered in the
 * integration tests is undeclared is checked there, on every response (support/conformance.ts).
 */
import { describe, expect, it } from 'vitest';
import { openApiDocument } from '#functions/openapi.js';
import { routeList } from '#functions/routes.js';
import { routeExpectations } from '#functions/routes.expectations.js';
import { answersOf, ASSET_WRITE_ACTIONS } from '#http/answers.js';
import { Iccid } from '#http/resources/sims.js';
import { schemaValidator } from '../support/openapi-schemas.js';

type Json = Record<string, unknown>;
interface Media {
  schema?: Json;
  example?: unknown;
}
interface Response {
  $ref?: string;
  headers?: Record<string, { required?: boolean; 'x-with-content-type'?: string }>;
  content?: Record<string, Media>;
}
interface Operation {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, Response>;
}
const doc = JSON.parse(JSON.stringify(openApiDocument())) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; responses: Record<string, Response> };
};
const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
const operation = (key: string): Operation => operations.find((o) => o.key === key)!.op;
const resolve = (r: Response): Response => (r.$ref ? doc.components.responses[r.$ref.split('/').pop()!]! : r);
const response = (key: string, status: number): Response | undefined => {
  const found = operation(key).responses[String(status)];
  return found && resolve(found);
};
/** The problem codes the document declares for `status` of `key`. */
const codes = (key: string, status: number): string[] => {
  const schema = response(key, status)?.content?.['application/problem+json']?.schema as { allOf: { properties?: { code?: { enum: string[] } } }[] } | undefined;
  return schema?.allOf[1]?.properties?.code?.enum ?? [];
};

describe('the declared answers', () => {
  it('has one operation per row of the route table', () => {
    expect(operations.map((o) => o.key).sort()).toEqual(routeList.map((r) => r.key).sort());
  });

  it('declares every status the authorization matrix expects of each caller kind (functions/routes.expectations.ts)', () => {
    const missing: string[] = [];
    for (const [key, { authz }] of Object.entries(routeExpectations)) {
      for (const [kind, expected] of Object.entries(authz)) {
        if (typeof expected === 'number' && !(String(expected) in operation(key).responses)) missing.push(`${key}: ${kind} gets ${expected}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('declares what issue 14 found missing: 409 with its codes, 423 on asset writes, 415 with a body, 422 on idempotent creates, 404 without a path parameter, 200 on a repeated sign-up, 503 with Retry-After', () => {
    expect(codes('POST /orgs/{orgId}/workspaces', 409)).toEqual(expect.arrayContaining(['conflict', 'quota_exceeded']));
    expect(codes('POST /workspaces/{workspaceId}/move', 409)).toEqual(expect.arrayContaining(['conflict', 'quota_exceeded']));
    expect(codes('PUT /workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}', 409)).toContain('quota_exceeded');
    for (const key of ['DELETE /orgs/{orgId}/members/{userId}', 'POST /sims/{iccid}/transfer', 'POST /admin/orgs/{orgId}/trial', 'DELETE /workspaces/{workspaceId}/devices/{deviceId}']) {
      expect(codes(key, 409), key).toContain('conflict');
    }
    for (const route of routeList) {
      const declared = Object.keys(operation(route.key).responses);
      if (route.action && ASSET_WRITE_ACTIONS.has(route.action)) expect(codes(route.key, 423), route.key).toEqual(['workspace_disabled']);
      if (route.body) expect(declared, route.key).toEqual(expect.arrayContaining(['400', '413', '415']));
      if (route.idempotent) expect(codes(route.key, 422), route.key).toEqual(['idempotency_key_reused']);
      if (route.permissions.table) {
        expect(codes(route.key, 503), route.key).toEqual(['unavailable']);
        expect(response(route.key, 503)?.headers?.['Retry-After']?.required, route.key).toBe(true);
      }
      expect(declared, route.key).toEqual(expect.arrayContaining(['413', '429', '500']));
    }
    expect(codes('POST /sims/{iccid}/transfer', 423)).toEqual(['workspace_disabled']);
    expect(codes('POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}', 423)).toEqual(['workspace_disabled']);
    for (const key of ['GET /me', 'PATCH /me', 'POST /orgs', 'GET /reports']) expect(codes(key, 404), key).toEqual(['not_found']);
    expect(Object.keys(operation('POST /signup').responses)).toEqual(expect.arrayContaining(['200', '201']));
    for (const key of ['POST /orgs/{orgId}/invitations', 'POST /orgs/{orgId}/invitations/{invitationId}/resend', 'POST /orgs', 'POST /signup']) {
      expect(codes(key, 429), key).toEqual(['rate_limited']);
    }
  });

  it("declares API Gateway's own { message } answers beside the problem documents where it gives them in AWS, and only there", () => {
    const gateway = (key: string, status: number) => response(key, status)?.content?.['application/json']?.schema;
    for (const route of routeList) {
      expect(gateway(route.key, 429), route.key).toEqual({ $ref: '#/components/schemas/GatewayMessage' });
      expect(gateway(route.key, 500), route.key).toEqual({ $ref: '#/components/schemas/GatewayMessage' });
      expect(!!gateway(route.key, 401), route.key).toBe(route.auth === 'user');
      expect(gateway(route.key, 413), route.key).toEqual({ $ref: '#/components/schemas/GatewayMessage' });
      expect(codes(route.key, 413), route.key).toEqual(route.body ? ['payload_too_large'] : []);
      for (const status of [400, 403, 404, 409, 412, 415, 422, 423, 503]) expect(gateway(route.key, status), `${route.key} ${status}`).toBeUndefined();
    }
    // The device key and the function's own 401 stay problem documents.
    expect(codes('POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}', 401)).toEqual(['unauthorized']);
    expect(doc.components.responses.UnknownRoute?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/GatewayMessage' });
  });

  it('declares the headers: ETag where the row sends a version, Location on 201, Retry-After on 429 and 503, WWW-Authenticate on 401', () => {
    for (const route of routeList) {
      const success = response(route.key, route.status)!;
      expect(success.headers?.ETag?.required ?? false, route.key).toBe(route.etag === true);
      expect(success.headers?.Location?.required ?? false, route.key).toBe(route.location === true && route.status === 201);
      const limited = response(route.key, 429)!;
      if (codes(route.key, 429).length) expect(limited.headers?.['Retry-After']?.['x-with-content-type'], route.key).toBe('application/problem+json');
      if (route.auth !== 'none') expect(response(route.key, 401)?.headers?.['WWW-Authenticate'], route.key).toBeDefined();
    }
    expect(response('POST /ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}', 401)?.headers?.['WWW-Authenticate']?.required).toBe(true);
  });

  it('has every 201 row say whether it sends Location (`location: true | false`)', () => {
    const silent = routeList.filter((route) => route.status === 201 && route.location === undefined).map((route) => route.key);
    expect(silent).toEqual([]);
  });

  it('lists per status the codes the row names in `answers`, next to the derived ones', () => {
    for (const route of routeList) {
      for (const [status, named] of Object.entries(route.answers)) {
        if (status === 'success') continue;
        expect(codes(route.key, Number(status)), `${route.key} ${status}`).toEqual(expect.arrayContaining([...(named as string[])]));
      }
    }
    expect(answersOf(routeList.find((r) => r.key === 'GET /health')!).map((a) => a.status)).toEqual([200, 413, 429, 500]);
  });
});

describe('the examples', () => {
  const validator = schemaValidator(doc.components);

  it('gives every request body and every success response an example that its own schema accepts', () => {
    const problems: string[] = [];
    const check = (where: string, media: Media | undefined) => {
      if (!media?.schema) return;
      if (media.example === undefined) return void problems.push(`${where}: no example`);
      const validate = validator.compile(media.schema);
      if (!validate(media.example)) problems.push(`${where}: ${validator.errorsText(validate)}`);
    };
    for (const { key, op } of operations) {
      check(`${key} request`, op.requestBody?.content['application/json']);
      for (const [status, r] of Object.entries(op.responses)) if (status.startsWith('2')) check(`${key} ${status}`, resolve(r).content?.['application/json']);
    }
    expect(problems).toEqual([]);
  });

  it("keeps every component's examples valid against the component", () => {
    const problems: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const example of (schema.examples as unknown[] | undefined) ?? []) {
        const validate = validator.compile({ $ref: `#/components/schemas/${name}` });
        if (!validate(example)) problems.push(`${name}: ${validator.errorsText(validate)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('parse the request schemas as before: an ICCID refused for its digits or its check digit gets one issue with the one message', () => {
    const issues = (value: string) => (Iccid.safeParse(value).error?.issues ?? []).map((i) => i.message);
    const message = 'must be an ICCID: 19 or 20 digits ending in a valid Luhn check digit';
    expect(issues('89882280000000000006')).toEqual([]);
    expect(issues('8988228000000000000a')).toEqual([message]);
    expect(issues('898822800000000000')).toEqual([message]);
    expect(issues('89882280000000000007')).toEqual([message]);
    expect(doc.components.schemas.Iccid?.pattern).toBe('^\\d{19,20}$');
  });
});
