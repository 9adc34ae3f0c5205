import type { Email } from './ses.js';

/**
 * Sends through SES, loading the SES client on first use: functions that share a service with a
 * sender but never send (listing or withdrawing invitations, plan changes) don't build it at cold start.
 */
export async function send(email: Email): Promise<'sent' | 'failed'> {
  const { sendEmail } = await import('./ses.js');
  return sendEmail(email);
}
