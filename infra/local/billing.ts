/**
 * `npm run billing -- --org <orgId> --plan pro [--id <eventId>] [--at <ISO time>]`: sends the
 * running local stack a `plan.changed` event signed as the billing provider signs it
 * (`Billing-Signature`, with the stack's signing secret from `.local/stack.json`), and prints
 * the status and the answer. `--id` repeats an event (a repeat changes nothing); `--at` signs as
 * if at that time (more than 5 minutes away: refused, 401).
 */
import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { billingSignatureHeader } from '#domain/billing.js';
import { readStackInfo, STACK_FILE } from './stack.js';
import { parseAt } from './sweep-report.js';

const USAGE = 'Usage: npm run billing -- --org <orgId> --plan free|pro|enterprise [--id <eventId>] [--at <ISO 8601 time>]';
const PLANS = ['free', 'pro', 'enterprise'];

async function main(): Promise<void> {
  let values: { org?: string; plan?: string; id?: string; at?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: { org: { type: 'string' }, plan: { type: 'string' }, id: { type: 'string' }, at: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help === true) {
    console.error(USAGE);
    return;
  }
  if (values.org === undefined || values.plan === undefined || !PLANS.includes(values.plan)) throw new Error(USAGE);
  const at = values.at === undefined ? new Date() : parseAt(values.at);

  const info = await readStackInfo();
  if (!info.billingSecret) throw new Error(`${STACK_FILE} has no billingSecret: restart the local stack (npm start)`);

  const body = JSON.stringify({ id: values.id ?? `evt_local_${randomUUID()}`, type: 'plan.changed', organizationId: values.org, plan: values.plan });
  let response: Response;
  try {
    response = await fetch(`${info.apiUrl}/billing/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'billing-signature': billingSignatureHeader(info.billingSecret, body, at) },
      body,
    });
  } catch (error) {
    throw new Error(`The local stack does not answer at ${info.apiUrl} (is npm start running?): ${error instanceof Error ? error.message : String(error)}`);
  }
  const text = await response.text();
  let shown = text;
  try {
    shown = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // Not JSON: printed as it came.
  }
  process.stdout.write(`POST /billing/events ${body}\n${response.status}\n${shown}\n`);
  if (!response.ok) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
