/**
 * Sending email through SES (v2). Only functions that send mail import this module, so the
 * SES client is bundled into those alone; and there it is loaded on the first send, not at
 * init (a separate chunk of the bundle, infra/bundling/build.ts): most requests of a sending
 * function send nothing (a refused invitation, a sweep with nothing to remind). A failed send is
 * reported, never thrown: callers store what they send first and record the outcome.
 */
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import { credentialsFromEnvironment } from '#kernel/aws-credentials.js';
import { config } from '#kernel/config.js';
import { logger } from '#kernel/logger.js';

const sdk = () => import('@aws-sdk/client-sesv2');

let client: Promise<SESv2Client> | undefined;

/** Created on the first send, once per container. Two attempts: a dead endpoint fails fast and the caller records it. */
function ses(): Promise<SESv2Client> {
  client ??= sdk().then(
    ({ SESv2Client }) => new SESv2Client({ region: config().region, endpoint: config().sesEndpoint, maxAttempts: 2, credentials: credentialsFromEnvironment }),
  );
  return client;
}

export interface Email {
  to: string;
  subject: string;
  html: string;
  text: string;
}

export type SendOutcome = 'sent' | 'failed';

export async function sendEmail(email: Email): Promise<SendOutcome> {
  try {
    const [{ SendEmailCommand }, sender] = await Promise.all([sdk(), ses()]);
    await sender.send(
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
