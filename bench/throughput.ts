/**
 * Figure 4: throughput through the local gateway. autocannon's CLI (`--json`) runs in a child
 * `node` process — the gateway and the handlers run in this one, and a load generator on the
 * same event loop would take its time from the server it measures — with 10 connections,
 * a 2 s warm-up (not counted), then 10 s counted, for GET /me and GET /orgs/{orgId} of one
 * signed-up user (its own org, one workspace) with a real Cognito ID token.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Result } from 'autocannon';
import type { LocalStack } from '../infra/local/stack.js';
import { issueToken } from '../infra/local/cognito.js';

export interface ThroughputRow {
  route: string;
  connections: number;
  seconds: number;
  /** Requests per second, mean over the counted seconds. */
  requestsPerSecond: number;
  requests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  non2xx: number;
  errors: number;
}

const CONNECTIONS = 10;
const SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
const WARMUP_SECONDS = 2;

const cli = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');

/** autocannon in its own process; never blocks this one's event loop (the gateway's). */
function autocannon(url: string, token: string): Promise<Result> {
  const args = [
    cli, '--json', '--no-progress',
    '-c', String(CONNECTIONS), '-d', String(SECONDS),
    '-W', '[', '-c', String(CONNECTIONS), '-d', String(WARMUP_SECONDS), ']',
    '-H', `authorization=Bearer ${token}`,
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.trim()}`));
      const line = out.trim().split('\n').at(-1);
      try {
        resolve(JSON.parse(line ?? '') as Result);
      } catch {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 500)} ${err.slice(0, 500)}`));
      }
    });
  });
}

export async function measureThroughput(stack: LocalStack): Promise<ThroughputRow[]> {
  const { info } = stack;
  const email = `throughput-${randomUUID().slice(0, 8)}@example.com`;
  const { idToken } = await issueToken(info, email, { givenName: 'Throughput', familyName: 'Bench' });
  const signup = await fetch(`${info.apiUrl}/signup`, {
    method: 'POST',
    headers: { authorization: `Bearer ${idToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ givenName: 'Throughput', familyName: 'Bench', organizationName: 'Throughput Org' }),
  });
  const body = (await signup.json()) as { organizations: { id: string }[] };
  if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${JSON.stringify(body)}`);
  const orgId = body.organizations[0]!.id;

  const rows: ThroughputRow[] = [];
  for (const [route, path] of [['GET /me', '/me'], ['GET /orgs/{orgId}', `/orgs/${orgId}`]] as const) {
    // One call first, so a failure shows its answer rather than a count of non-2xx.
    const probe = await fetch(`${info.apiUrl}${path}`, { headers: { authorization: `Bearer ${idToken}` } });
    if (probe.status !== 200) throw new Error(`${route}: ${probe.status} ${await probe.text()}`);
    await probe.arrayBuffer().catch(() => undefined);
    const r = await autocannon(`${info.apiUrl}${path}`, idToken);
    const row: ThroughputRow = {
      route,
      connections: CONNECTIONS,
      seconds: SECONDS,
      requestsPerSecond: Math.round(r.requests.average * 10) / 10,
      requests: r.requests.total,
      latencyP50Ms: r.latency.p50,
      latencyP99Ms: r.latency.p99,
      latencyMeanMs: Math.round(r.latency.average * 10) / 10,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
    };
    console.log(`  ${route}: ${row.requestsPerSecond} req/s, p50 ${row.latencyP50Ms} ms, p99 ${row.latencyP99Ms} ms, non-2xx ${row.non2xx}, errors ${row.errors}`);
    if (row.non2xx !== 0 || row.errors !== 0) {
      throw new Error(`Figure 4, ${route}: ${row.non2xx} non-2xx answers and ${row.errors} errors/timeouts under load (status codes: ${JSON.stringify((r as { statusCodeStats?: unknown }).statusCodeStats)})`);
    }
    rows.push(row);
  }
  return rows;
}
