/**
 * Sending email through SES (v2). Only functions that send mail import this module, so the
 * SES client is bundled into those alone. A failed send is reported, never thrown: callers
 * store what they send first and record the outcome.
 */
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { config } from '#kernel/config.js';
import { logger } from '#kernel/logger.js';

/** Created once per container. Two attempts: a dead endpoint fails fast and the caller records it. */
export const ses = new SESv2Client({ region: config().region, endpoint: config().sesEndpoint, maxAttempts: 2 });

export interface Email {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export type SendOutcome = 'sent' | 'failed';

export async function sendEmail(email: Email, client: SESv2Client = ses): Promise<SendOutcome> {
  try {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: config().emailFrom,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Html: { Data: email.html, Charset: 'UTF-8' }, Text: { Data: email.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    return 'sent';
  } catch (error) {
    logger.warn('Email not sent', { error, subject: email.subject });
    return 'failed';
  }
}
