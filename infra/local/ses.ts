/**
 * aws-ses-v2-local: accepts the SES v1/v2 API, keeps sent mail in memory, shows it on its
 * root page (the inbox) and lists it at `GET /store`. Mail does not survive a restart.
 */
import { createRequire } from 'node:module';
import { answers, spawnChild, waitUntil, type Child } from './process.js';

export interface SesLocal {
  child: Child;
  endpoint: string;
}

/** One sent email as `GET /store` lists it. */
export interface SentEmail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  attachments: { content: string; contentType: string; filename?: string; size: number }[];
  /** Epoch seconds. */
  at: number;
}

export async function startSes(opts: { port: number }): Promise<SesLocal> {
  const endpoint = `http://127.0.0.1:${opts.port}`;
  const cli = createRequire(import.meta.url).resolve('aws-ses-v2-local/dist/cli.js');
  const child = spawnChild('aws-ses-v2-local', process.execPath, [cli, '--port', String(opts.port), '--host', '127.0.0.1']);
  try {
    await waitUntil(child, () => answers(`${endpoint}/health-check`, (s) => s === 200));
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { child, endpoint };
}

/** Every email the local SES has accepted since it started, oldest first. */
export async function sentEmails(sesEndpoint: string): Promise<SentEmail[]> {
  const response = await fetch(`${sesEndpoint}/store`);
  if (!response.ok) throw new Error(`${sesEndpoint}/store: HTTP ${response.status}`);
  const store = (await response.json()) as { emails: SentEmail[] };
  return store.emails;
}
