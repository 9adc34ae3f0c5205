/**
 * The database unreachable or stalled (issue 13), through real sockets and the real SDK: handlers
 * pointed at a DynamoDB endpoint nobody listens on, and at a server that accepts connections and
 * never answers. Either way they answer 503 problem+json `unavailable` with `Retry-After` — not a
 * generic 500, and not a hang until the function's timeout. The timeouts are set small through the
 * environment (`DYNAMODB_*`, read by `shared/kernel/config.ts`); the bound is the test's timeout,
 * nothing here times the answer.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { context, event, idClaims, json } from '../support/events.js';

const ORG = '11111111-1111-4111-8111-111111111111';
const USER = 'storage-down-user';

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** A port that was just free and that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server);
  await close(server);
  return port;
}

/** Accepts every connection, reads what it is sent, never answers. */
const sockets: Socket[] = [];
const stalled = createServer((socket) => {
  sockets.push(socket);
  socket.on('data', () => {});
  socket.on('error', () => {});
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await close(stalled);
});

/** The handlers, loaded afresh with the environment pointing at `endpoint`. */
async function handlersAt(endpoint: string) {
  vi.resetModules();
  Object.assign(process.env, {
    TABLE_NAME: 'tenancy-storage-down',
    DYNAMODB_ENDPOINT: endpoint,
    DYNAMODB_CONNECTION_TIMEOUT_MS: '200',
    DYNAMODB_REQUEST_TIMEOUT_MS: '300',
    DYNAMODB_MAX_ATTEMPTS: '2',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    PORTAL_URL: 'http://localhost:5173',
    EMAIL_FROM: 'no-reply@tenancy.local',
    CURSOR_SECRET: 'storage-down',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
  const [getOrg, createOrg] = await Promise.all([import('#functions/orgs/get.js'), import('#functions/orgs/create.js')]);
  return {
    'GET /orgs/{orgId} (the authorization read)': () => getOrg.handler(event({ pathParameters: { orgId: ORG }, claims: idClaims(USER) }), context()),
    'POST /orgs (the profile read)': () => createOrg.handler(event({ method: 'POST', claims: idClaims(USER), body: { name: 'Acme' } }), context()),
    'POST /orgs with Idempotency-Key (the idempotency record first)': () =>
      createOrg.handler(event({ method: 'POST', claims: idClaims(USER), body: { name: 'Acme' }, headers: { 'idempotency-key': 'k-down' } }), context()),
  };
}

function expectUnavailable(res: APIGatewayProxyStructuredResultV2, label: string): void {
  expect(res.statusCode, label).toBe(503);
  expect(res.headers?.['Content-Type'], label).toBe('application/problem+json');
  expect(Number(res.headers?.['Retry-After']), label).toBeGreaterThanOrEqual(1);
  expect(json(res), label).toMatchObject({ status: 503, code: 'unavailable', detail: expect.any(String) });
}

describe('storage unreachable or stalled', () => {
  it('nobody listening on the DynamoDB endpoint: 503 + Retry-After', { timeout: 15_000 }, async () => {
    const calls = await handlersAt(`http://127.0.0.1:${await closedPort()}`);
    for (const [label, call] of Object.entries(calls)) expectUnavailable(await call(), label);
  });

  it('an endpoint that accepts and never answers: 503 + Retry-After, not a hang', { timeout: 15_000 }, async () => {
    const calls = await handlersAt(`http://127.0.0.1:${await listen(stalled)}`);
    for (const [label, call] of Object.entries(calls)) expectUnavailable(await call(), label);
    expect(sockets.length).toBeGreaterThan(0);
  });
});
