import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#kernel/config.js';

/** Created once per container; repositories take it as a default parameter so tests can swap it. */
export const dynamodb = new DynamoDBClient({
  region: config().region,
  endpoint: config().dynamodbEndpoint,
  maxAttempts: 4,
});

export const db = DynamoDBDocumentClient.from(dynamodb, {
  marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
});

export type Db = typeof db;

export const tableName = (): string => config().tableName;
