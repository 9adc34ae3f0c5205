/**
 * The billing secret's one fetch (shared/auth/billing-secret.ts) in AWS's shape: the Parameters
 * and Secrets Lambda Extension is an HTTP server on localhost, played here by one on a free port.
 * The request carries the secret's ARN and the function's session token; the value is kept five
 * minutes; an extension that fails answers 503 (the provider retries), never the secret.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:BillingSecret-AbCdEf';
const saved = { ...process.env };
let server: Server;
let requests: { url: string; token: string | undefined }[];
let answer: (req: IncomingMessage) => { status: number; body: string };

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', token: req.headers['x-aws-parameters-secrets-token'] as string | undefined });
    const { status, body } = answer(req);
    res.writeHead(status, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.env.BILLING_SECRET_ARN = ARN;
  process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String((server.address() as AddressInfo).port);
  process.env.AWS_SESSION_TOKEN = 'session-token-of-the-function';
  delete process.env.BILLING_SECRET;
});

afterAll(async () => {
  process.env = saved;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  requests = [];
  answer = () => ({ status: 200, body: JSON.stringify({ ARN, Name: 'BillingSecret', SecretString: 'from-secrets-manager' }) });
  // A cold start per test: the module's cache and the configuration read afresh.
  vi.resetModules();
});

const load = () => import('#auth/billing-secret.js');

describe('billing secret through the Parameters and Secrets extension', () => {
  it('asks the extension on localhost for the ARN with the session token', async () => {
    const { billingSecret } = await load();
    expect(await billingSecret(0)).toBe('from-secrets-manager');
    expect(requests).toEqual([{ url: `/secretsmanager/get?secretId=${encodeURIComponent(ARN)}`, token: 'session-token-of-the-function' }]);
  });

  it('keeps the value five minutes, then asks again (a rotated secret is picked up)', async () => {
    const { billingSecret, SECRET_CACHE_MS } = await load();
    expect(SECRET_CACHE_MS).toBe(300_000);
    await billingSecret(0);
    await billingSecret(SECRET_CACHE_MS - 1);
    expect(requests).toHaveLength(1);
    answer = () => ({ status: 200, body: JSON.stringify({ SecretString: 'rotated' }) });
    expect(await billingSecret(SECRET_CACHE_MS)).toBe('rotated');
    expect(requests).toHaveLength(2);
  });

  it.each([
    ['an error status', { status: 400, body: JSON.stringify({ message: 'not authorized' }) }],
    ['no SecretString', { status: 200, body: JSON.stringify({ SecretBinary: 'AAAA' }) }],
    ['an empty SecretString', { status: 200, body: JSON.stringify({ SecretString: '' }) }],
    ['not JSON', { status: 200, body: 'oops' }],
  ])('answers 503 for %s, and keeps nothing', async (_name, reply) => {
    answer = () => reply;
    const { billingSecret } = await load();
    await expect(billingSecret(0)).rejects.toMatchObject({ status: 503, code: 'unavailable' });
    answer = () => ({ status: 200, body: JSON.stringify({ SecretString: 'later' }) });
    expect(await billingSecret(1)).toBe('later');
  });

  it('answers 503 when nothing listens on the extension port', async () => {
    process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = '1';
    try {
      const { billingSecret } = await load();
      await expect(billingSecret(0)).rejects.toMatchObject({ status: 503, code: 'unavailable' });
    } finally {
      process.env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT = String((server.address() as AddressInfo).port);
    }
  });

  it('uses BILLING_SECRET as it is when the local stack sets it, with no request', async () => {
    process.env.BILLING_SECRET = 'local-secret';
    try {
      const { billingSecret } = await load();
      expect(await billingSecret(0)).toBe('local-secret');
      expect(requests).toEqual([]);
    } finally {
      delete process.env.BILLING_SECRET;
    }
  });

  it('stops at first use without either variable, naming them', async () => {
    delete process.env.BILLING_SECRET_ARN;
    try {
      const { billingSecret } = await load();
      await expect(billingSecret(0)).rejects.toThrow(/BILLING_SECRET_ARN/);
    } finally {
      process.env.BILLING_SECRET_ARN = ARN;
    }
  });
});
