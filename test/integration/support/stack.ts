/** What integration tests need from the local stack that the global setup started. */
import { inject } from 'vitest';
import { issueToken, type IssueTokenOptions, type IssuedToken } from '../../../infra/local/cognito.js';
import { sentEmails, type SentEmail } from '../../../infra/local/ses.js';
import type { StackInfo } from '../../../infra/local/stack.js';

export type { IssuedToken, IssueTokenOptions, SentEmail, StackInfo };

/** Endpoints and ids of the stack under test. */
export function stack(): StackInfo {
  return inject('stack');
}

/** Signs `email` in at the local Cognito (creating the user if needed) and returns its tokens. */
export function token(email: string, opts?: IssueTokenOptions): Promise<IssuedToken> {
  return issueToken(stack(), email, opts);
}

/** Every email the local SES has accepted so far, oldest first (all tests share one inbox). */
export function sesMessages(): Promise<SentEmail[]> {
  return sentEmails(stack().sesEndpoint);
}
