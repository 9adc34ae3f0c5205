/** What integration tests need from the local stack that the global setup started. */
import { inject } from 'vitest';
import { issueToken, type IssueTokenOptions, type IssuedToken } from '../../../infra/local/cognito.js';
import { issueFederatedToken, type FederatedToken, type FederatedTokenOptions } from '../../../infra/local/federation.js';
import { sentEmails, type SentEmail } from '../../../infra/local/ses.js';
import type { StackInfo } from '../../../infra/local/stack.js';

export type { FederatedToken, FederatedTokenOptions, IssuedToken, IssueTokenOptions, SentEmail, StackInfo };

/** Endpoints and ids of the stack under test. */
export function stack(): StackInfo {
  return inject('stack');
}

/** Signs `email` in at the local Cognito (creating the user if needed) and returns its tokens. */
export function token(email: string, opts?: IssueTokenOptions): Promise<IssuedToken> {
  return issueToken(stack(), email, opts);
}

/** An ID token for `email` as Cognito issues it after a sign-in through `opts.provider` (infra/local/federation.ts). */
export function federatedToken(email: string, opts: FederatedTokenOptions): Promise<FederatedToken> {
  return issueFederatedToken(stack(), email, opts);
}

/** Every email the local SES has accepted so far, oldest first (all tests share one inbox). */
export function sesMessages(): Promise<SentEmail[]> {
  return sentEmails(stack().sesEndpoint);
}
