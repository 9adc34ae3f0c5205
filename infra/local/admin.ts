/**
 * A browser for the local table: dynamodb-admin's Express app, in the stack's own process (it
 * stops with it), on 127.0.0.1 only. It can read, edit and delete every item, so it answers only
 * requests addressed to it by a loopback name (no page of another site can reach it through DNS
 * rebinding) and refuses any change a page of another origin sends (no cross-site form posts).
 */
import { createRequire } from 'node:module';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

const require = createRequire(import.meta.url);

type Next = (error?: unknown) => void;
interface ExpressApp {
  (req: IncomingMessage, res: ServerResponse): void;
  use(handler: (req: IncomingMessage, res: ServerResponse, next: Next) => void): void;
  listen(port: number, host: string, done: () => void): Server;
}

export interface AdminUi {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may reach the admin UI at `port`: its Host names this machine's loopback and
 * this port, and a change (anything but a read) comes from the UI's own pages — a browser sends
 * `Origin` on every cross-origin POST, and `Sec-Fetch-Site` where it knows it.
 */
export function adminRequestAllowed(port: number, headers: IncomingMessage['headers'], method: string): boolean {
  const allowedHosts = new Set(LOOPBACK_HOSTS.map((host) => `${host}:${port}`));
  if (!allowedHosts.has((headers.host ?? '').toLowerCase())) return false;
  if (READS.has(method)) return true;
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return false;
  const origin = headers.origin;
  if (origin === undefined) return true;
  try {
    return allowedHosts.has(new URL(origin).host.toLowerCase()) && new URL(origin).protocol === 'http:';
  } catch {
    return false;
  }
}

/** Starts dynamodb-admin over `client` on 127.0.0.1:`port` (0: any free port). */
export async function startAdminUi(opts: { port: number; client: DynamoDBClient }): Promise<AdminUi> {
  // dynamodb-admin's own Express (4), not whatever version another package put at the top.
  const express = createRequire(require.resolve('dynamodb-admin'))('express') as () => ExpressApp;
  const { createServer } = require('dynamodb-admin') as {
    createServer(options: { dynamoDbClient: DynamoDBClient; expressInstance: ExpressApp }): ExpressApp;
  };
  const app = express();
  let port = opts.port;
  // Before dynamodb-admin's own routes: every request passes this check first.
  app.use((req, res, next) => {
    if (adminRequestAllowed(port, req.headers, req.method ?? 'GET')) return next();
    res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Forbidden: the local DynamoDB admin answers only http://127.0.0.1 and http://localhost, and changes only from its own pages.\n');
  });
  createServer({ dynamoDbClient: opts.client, expressInstance: app });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(opts.port, '127.0.0.1', () => resolve(listening));
    listening.once('error', reject);
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
