/**
 * The local stack's DynamoDB Streams event source: what Lambda's event source mapping does in AWS
 * (infra/constructs/integrations.ts), done against DynamoDB Local's own stream. It reads each
 * shard in order, keeps only what the mapping's filter lets through (new audit events), hands
 * batches of up to 25 to the same publisher function (`functions/events/publisher.ts`) as a
 * DynamoDB Streams event of Lambda's shape (held to the published samples in
 * test/fixtures/dynamodb-streams/), and, as `ReportBatchItemFailures` asks, hands again from the
 * first record the function reports. Where it got to is kept in the data dir, so a restart goes
 * on where the last run stopped; a fresh table starts at the stream's beginning.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record as StreamRecord, type ShardIteratorType,
} from '@aws-sdk/client-dynamodb-streams';
import { DescribeTableCommand, UpdateTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { FEED_SOURCE, matchesPattern } from '../feed-source.js';
import { lambdaContext } from './gateway-handlers.js';

/** The stream the local table carries: the view the CDK table's stream has. */
export const LOCAL_STREAM = { StreamEnabled: true, StreamViewType: FEED_SOURCE.streamView };

/** The event source mapping's filter and batch size, as Lambda applies them (infra/feed-source.ts). */
const BATCH_SIZE = FEED_SOURCE.batchSize;
const passesFilter = (record: StreamRecord) => matchesPattern(record, FEED_SOURCE.filter);

/** Gives the table its stream when it has none (a table created before the change feed). */
export async function ensureStream(client: DynamoDBClient, tableName: string): Promise<string> {
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (Table?.StreamSpecification?.StreamEnabled && Table.LatestStreamArn) return Table.LatestStreamArn;
  const updated = await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: LOCAL_STREAM }));
  if (!updated.TableDescription?.LatestStreamArn) throw new Error(`DynamoDB Local gave ${tableName} no stream`);
  return updated.TableDescription.LatestStreamArn;
}

type Image = Record<string, unknown>;

/**
 * An empty map attribute comes off DynamoDB Local's stream as `{}` (no type at all), where the
 * service and Lambda write `{ "M": {} }`: put the type back, at any depth.
 */
export function repairImage(image: Image): Image {
  const value = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const typed = v as Record<string, unknown>;
    if (Object.keys(typed).length === 0) return { M: {} };
    if (typed.M && typeof typed.M === 'object') return { M: repairImage(typed.M as Image) };
    if (Array.isArray(typed.L)) return { L: typed.L.map(value) };
    return typed;
  };
  return Object.fromEntries(Object.entries(image).map(([name, v]) => [name, value(v)]));
}

/** A record as the Streams API answers it → as Lambda hands it to a function (epoch seconds, `aws:dynamodb`). */
export function lambdaRecordOf(record: StreamRecord, streamArn: string, region: string): DynamoDBRecord {
  const data = record.dynamodb!;
  return {
    eventID: record.eventID,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: region,
    dynamodb: {
      ApproximateCreationDateTime: data.ApproximateCreationDateTime instanceof Date ? Math.floor(data.ApproximateCreationDateTime.getTime() / 1000) : Number(data.ApproximateCreationDateTime),
      Keys: data.Keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      ...(data.NewImage ? { NewImage: repairImage(data.NewImage) as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'] } : {}),
      ...(data.OldImage ? { OldImage: repairImage(data.OldImage) as NonNullable<DynamoDBRecord['dynamodb']>['OldImage'] } : {}),
      SequenceNumber: data.SequenceNumber,
      SizeBytes: data.SizeBytes,
      StreamViewType: data.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
    },
    eventSourceARN: streamArn,
  };
}

export type StreamHandler = (event: DynamoDBStreamEvent, context: Context) => Promise<DynamoDBBatchResponse>;

export interface StreamPoller {
  /** Resolves once every record written so far has been handed (for tests and `npm run status`). */
  drained(): Promise<void>;
  /** Hands nothing more until `resume()` (resolves once the round under way is over): the benchmark counts a route's own calls alone. */
  pause(): Promise<void>;
  resume(): void;
  stop(): Promise<void>;
}

interface Checkpoint {
  streamArn: string;
  /** Per shard, the last sequence number handed successfully. */
  shards: Record<string, string>;
}

/** Polls the stream every `everyMs` and hands what it finds to `handler`, shard by shard, in order. */
export async function startStreamPoller(options: {
  endpoint: string;
  region: string;
  streamArn: string;
  handler: () => Promise<StreamHandler>;
  /** Where the checkpoint is kept; none: in memory only. */
  dataDir?: string;
  /** A table that already held data but no checkpoint starts at the stream's end (LATEST), a new one at its start. */
  from: 'TRIM_HORIZON' | 'LATEST';
  everyMs?: number;
  log?: (line: string) => void;
}): Promise<StreamPoller> {
  const client = new DynamoDBStreamsClient({ endpoint: options.endpoint, region: options.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const file = options.dataDir === undefined ? undefined : join(options.dataDir, 'streams-checkpoint.json');
  const saved = file === undefined ? undefined : await readFile(file, 'utf8').then((text) => JSON.parse(text) as Checkpoint).catch(() => undefined);
  const checkpoint: Checkpoint = saved?.streamArn === options.streamArn ? saved : { streamArn: options.streamArn, shards: {} };
  const iterators = new Map<string, string | null>();
  const log = options.log ?? ((line: string) => console.error(line));
  let stopped = false;
  let paused = false;
  let round: Promise<void> = Promise.resolve();
  let idle: (() => void)[] = [];

  const iteratorFor = async (shardId: string, type: ShardIteratorType, sequenceNumber?: string) =>
    (await client.send(new GetShardIteratorCommand({ StreamArn: options.streamArn, ShardId: shardId, ShardIteratorType: type, SequenceNumber: sequenceNumber }))).ShardIterator ?? null;

  const discover = async () => {
    const { StreamDescription } = await client.send(new DescribeStreamCommand({ StreamArn: options.streamArn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      const id = shard.ShardId!;
      if (iterators.has(id)) continue;
      const last = checkpoint.shards[id];
      iterators.set(id, last ? await iteratorFor(id, 'AFTER_SEQUENCE_NUMBER', last) : await iteratorFor(id, saved || options.from === 'TRIM_HORIZON' ? 'TRIM_HORIZON' : 'LATEST'));
    }
  };

  /** Hands one shard's records, a batch at a time; false when the function reported a failure (handed again next round). */
  const handShard = async (shardId: string): Promise<boolean> => {
    const iterator = iterators.get(shardId);
    if (!iterator) return true;
    const out = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
    const records = out.Records ?? [];
    const wanted = records.filter(passesFilter);
    const handler = await options.handler();
    for (let i = 0; i < wanted.length; i += BATCH_SIZE) {
      const batch = wanted.slice(i, i + BATCH_SIZE).map((r) => lambdaRecordOf(r, options.streamArn, options.region));
      const result = await handler({ Records: batch }, lambdaContext('tenancy-local-publisher', options.region, undefined, 60_000));
      const failed = (result?.batchItemFailures ?? []).map((f) => f.itemIdentifier).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
      if (failed.length > 0) {
        // As Lambda does: from the earliest reported record on, again.
        iterators.set(shardId, await iteratorFor(shardId, 'AT_SEQUENCE_NUMBER', failed[0]));
        const before = batch.filter((r) => BigInt(r.dynamodb!.SequenceNumber!) < BigInt(failed[0]!)).at(-1);
        if (before) checkpoint.shards[shardId] = before.dynamodb!.SequenceNumber!;
        return false;
      }
    }
    const last = records.at(-1)?.dynamodb?.SequenceNumber;
    if (last) checkpoint.shards[shardId] = last;
    iterators.set(shardId, out.NextShardIterator ?? null);
    return records.length === 0;
  };

  let rounds = 0;
  const loop = (async () => {
    while (!stopped) {
      let quiet = true;
      let done!: () => void;
      round = new Promise<void>((resolve) => (done = resolve));
      if (paused) {
        done();
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      try {
        if (rounds++ % 20 === 0 || iterators.size === 0) await discover();
        for (const shardId of iterators.keys()) if (!(await handShard(shardId))) quiet = false;
        if (file) await writeFile(file, JSON.stringify(checkpoint));
      } catch (error) {
        quiet = false;
        if (!stopped) log(`[streams] ${error instanceof Error ? error.message : String(error)}`);
      }
      done();
      if (quiet) {
        for (const resolve of idle) resolve();
        idle = [];
      }
      await new Promise((resolve) => setTimeout(resolve, quiet ? (options.everyMs ?? 250) : 50));
    }
  })();

  return {
    drained: () => new Promise<void>((resolve) => idle.push(resolve)),
    pause: async () => {
      paused = true;
      await round;
    },
    resume: () => {
      paused = false;
    },
    stop: async () => {
      stopped = true;
      await loop;
      for (const resolve of idle) resolve();
      client.destroy();
    },
  };
}
