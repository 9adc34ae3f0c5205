import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#kernel/config.js';

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
  maxAttempts,
  retryMode: 'standard',
  requestHandler: { connectionTimeout: connectionMs, requestTimeout: requestMs, throwOnRequestTimeout: true },
});

export const db = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export type Db = typeof db;

export const tableName = (): string => config().tableName;
