import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#kernel/config.js';
import { credentialsFromEnvironment } from '#kernel/aws-credentials.js';

const { connectionMs, requestMs, maxAttempts } = config().dynamodbTimeouts;

/**
 * Created once per container; repositories take it as a default parameter so tests can swap it.
 * Bounded: a connection must open within `connectionMs` and a request answer within `requestMs`
 * (`throwOnRequestTimeout`: without it the SDK only logs a warning and waits on), retried by the
 * SDK's standard strategy — its retry quota is the budget that stops retries when most calls fail —
 * up to `maxAttempts` tries in all (`config().dynamodbTimeouts`, below the function timeout). What
 * still fails answers 503 (`shared/http/problem.ts`).
 */
export const dynamodb = new DynamoDBClient({
  region: config().region,
  endpoint: config().dynamodbEndpoint,
  credentials: credentialsFromEnvironment,
  maxAttempts,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: connectionMs, requestTimeout: requestMs, throwOnRequestTimeout: true },
});

/**
 * A number as stored, read as a plain JavaScript number whatever it is: an integer beyond
 * `Number.MAX_SAFE_INTEGER` (which the document client would otherwise hand over as a BigInt or
 * refuse, breaking every answer built from that item) reads as the nearest safe integer. The write
 * paths keep counters within it; this is what lets a value stored before, or by hand, still be read.
 */
export function storedNumber(text: string): number {
  const n = Number(text);
  return Math.min(Math.max(n, -Number.MAX_SAFE_INTEGER), Number.MAX_SAFE_INTEGER);
}

export const db = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  unmarshallOptions: { wrapNumbers: storedNumber },
});

export type Db = typeof db;

export const tableName = (): string => config().tableName;
