/**
 * The environment that the shared modules (shared/config.ts, the DynamoDB and SES clients) read
 * once, at first use: pointed at the stack under test. Call before importing any of them in a
 * worker (seeding through repositories, running the sweep in-process).
 */
import { stack } from './stack.js';

export function configureRepositories(): void {
  const info = stack();
  process.env.TABLE_NAME = info.tableName;
  process.env.DYNAMODB_ENDPOINT = info.dynamodbEndpoint;
  process.env.SES_ENDPOINT = info.sesEndpoint;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  process.env.PORTAL_URL ??= 'http://localhost:5173';
  process.env.EMAIL_FROM ??= 'no-reply@tenancy.local';
  process.env.CURSOR_SECRET ??= 'seed-only';
  // As the stack under test runs its handlers (owners may pick paid plans); a file that runs them
  // in-process without self-serve sets 'false' before calling this.
  process.env.SELF_SERVE_PLANS ??= 'true';
  process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
  // As the stack's handlers: webhook receivers of the tests listen on loopback.
  process.env.WEBHOOKS_ALLOW_LOOPBACK ??= 'true';
}
