/** The webhook rules that need no service: addresses, the retry schedule, signatures, the stream's records. */
import { readFileSync } from 'node:fs';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { forbiddenAddress, isLoopbackAddress } from '#domain/addresses.js';
import { failedTooLong, liveSecrets, newWebhookSecret, nextAttemptAfter, RETRY_DELAYS_SECONDS, wantsEvent } from '#domain/webhooks.js';
import { FEED_SOURCE, matchesPattern } from '../../infra/feed-source.js';
import { lambdaRecordOf, repairImage } from '../../infra/local/streams.js';

// What shared/kernel/config.ts reads once, at first use (the publisher's bus among it).
Object.assign(process.env, { TABLE_NAME: 'unit', PORTAL_URL: 'http://localhost:5173', EMAIL_FROM: 'no-reply@tenancy.local', CURSOR_SECRET: 'unit', EVENT_BUS_NAME: 'tenancy-events' });

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/dynamodb-streams/${name}`, import.meta.url), 'utf8')) as DynamoDBStreamEvent;

describe('the address rule', () => {
  it.each([
    ['10.0.0.1', 'private'], ['172.16.5.4', 'private'], ['192.168.1.1', 'private'], ['127.0.0.1', 'loopback'], ['::1', 'loopback'],
    ['169.254.169.254', 'linkLocal'], ['fe80::1', 'linkLocal'], ['fd00:ec2::254', 'metadata'], ['fc00::1', 'uniqueLocal'], ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'], ['224.0.0.1', 'multicast'], ['255.255.255.255', 'broadcast'], ['::ffff:10.0.0.1', 'private'], ['::ffff:169.254.169.254', 'linkLocal'],
    ['2002:7f00:1::', '6to4'], ['64:ff9b::a00:1', 'rfc6052'], ['2001::1', 'teredo'], ['192.0.2.1', 'reserved'],
  ])('refuses %s (%s)', (address, kind) => {
    expect(forbiddenAddress(address, { allowLoopback: false })).toMatch(new RegExp(kind === 'metadata' ? 'metadata' : kind));
  });

  it('allows public unicast addresses, and loopback only when the local stack says so', () => {
    for (const address of ['8.8.8.8', '52.94.236.248', '2606:4700::6810:85e5', '::ffff:8.8.8.8']) expect(forbiddenAddress(address, { allowLoopback: false }), address).toBeUndefined();
    expect(forbiddenAddress('127.0.0.1', { allowLoopback: true })).toBeUndefined();
    expect(forbiddenAddress('::1', { allowLoopback: true })).toBeUndefined();
    expect(forbiddenAddress('10.0.0.1', { allowLoopback: true })).toBeDefined();
    expect(forbiddenAddress('example.com', { allowLoopback: true })).toBe('is not an IP address');
  });
});

describe('the retry schedule', () => {
  it('tries 8 times, the last within 24 hours of the first, then gives up', () => {
    let at = new Date('2026-12-01T00:00:00.000Z');
    const first = at.getTime();
    const times = [at];
    for (let made = 1; ; made++) {
      const next = nextAttemptAfter(made, at);
      if (!next) break;
      times.push((at = next));
    }
    expect(times).toHaveLength(RETRY_DELAYS_SECONDS.length + 1);
    expect(times.at(-1)!.getTime() - first).toBeLessThanOrEqual(24 * 3600 * 1000);
    expect(times[1]!.getTime() - first).toBe(5_000);
  });

  it('disables after 5 days of failures, not before', () => {
    const since = '2026-12-01T00:00:00.000Z';
    expect(failedTooLong(since, new Date('2026-12-05T23:59:59.000Z'))).toBe(false);
    expect(failedTooLong(since, new Date('2026-12-06T00:00:00.000Z'))).toBe(true);
    expect(failedTooLong(undefined, new Date('2030-01-01T00:00:00.000Z'))).toBe(false);
  });

  it('delivers the types asked for, or every type for "*", and nothing while disabled', () => {
    expect(wantsEvent({ enabled: true, eventTypes: ['tenancy.member.added'] }, 'tenancy.member.added')).toBe(true);
    expect(wantsEvent({ enabled: true, eventTypes: ['tenancy.member.added'] }, 'tenancy.trial.ended')).toBe(false);
    expect(wantsEvent({ enabled: true, eventTypes: ['*'] }, 'tenancy.trial.ended')).toBe(true);
    expect(wantsEvent({ enabled: false, eventTypes: ['*'] }, 'tenancy.trial.ended')).toBe(false);
  });
});

describe('signing', () => {
  it('makes secrets a Standard Webhooks verifier takes, and signs with each live secret', async () => {
    const { signedHeaders } = await import('#services/webhook-delivery.js');
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const now = new Date();
    const secrets = liveSecrets({ secrets: [{ secret: current, createdAt: now.toISOString() }, { secret: previous, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 60_000).toISOString() }] }, now);
    expect(secrets).toEqual([current, previous]);
    const payload = JSON.stringify({ id: 'evt', type: 'tenancy.member.added' });
    const headers = signedHeaders({ id: 'evt', payload }, secrets, now);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const secret of secrets) expect(new Webhook(secret).verify(payload, headers)).toEqual(JSON.parse(payload));
    expect(() => new Webhook(newWebhookSecret()).verify(payload, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${payload} `, headers)).toThrow();
    // A previous secret past its overlap signs no more.
    expect(liveSecrets({ secrets: [{ secret: current, createdAt: now.toISOString() }, { secret: previous, createdAt: now.toISOString(), expiresAt: now.toISOString() }] }, now)).toEqual([current]);
  });
});

describe('the stream\'s records', () => {
  const auditImage = (orgId: string, id: string) =>
    marshall({ PK: `ORG#${orgId}`, SK: `AUDIT#2026-12-01T00:00:00.000Z#${id}`, type: 'AuditEvent', id, at: '2026-12-01T00:00:00.000Z', actorId: 'u1', action: 'member.joined', target: { type: 'member', id: 'u2' }, details: { role: 'admin' } });
  const record = (sequence: string, image: Record<string, unknown>, eventName: DynamoDBRecord['eventName'] = 'INSERT'): DynamoDBRecord => ({
    ...fixture('powertools-base.json').Records[0]!,
    eventName,
    dynamodb: { ...fixture('powertools-base.json').Records[0]!.dynamodb, SequenceNumber: sequence, NewImage: image as never },
  });

  it('reads the published samples\' records as none of the feed\'s (not audit events)', async () => {
    const { feedRecordsOf } = await import('#services/publisher.js');
    expect(feedRecordsOf(fixture('powertools-base.json').Records)).toEqual([]);
    expect(feedRecordsOf(fixture('aws-lambda-go-insert.json').Records)).toEqual([]);
  });

  it('turns new audit events into CloudEvents, and nothing else (a MODIFY, another item)', async () => {
    const { feedRecordsOf } = await import('#services/publisher.js');
    const feed = feedRecordsOf([record('1', auditImage('o1', 'e1')), record('2', auditImage('o1', 'e2'), 'MODIFY'), record('3', marshall({ PK: 'ORG#o1', SK: 'META', type: 'Organization' }))]);
    expect(feed).toEqual([{ sequenceNumber: '1', orgId: 'o1', event: expect.objectContaining({ id: 'e1', type: 'tenancy.member.added', source: '/orgs/o1', subject: 'member/u2', data: { actorId: 'u1', target: { type: 'member', id: 'u2' }, details: { role: 'admin' } } }) }]);
  });

  it('puts each event on the bus with its type as detail-type, and hands again from an org\'s first refused event', async () => {
    const { publish } = await import('#services/publisher.js');
    // The organizations have no webhooks (the Query of their endpoints answers none).
    const table = mockClient(DynamoDBDocumentClient);
    table.on(QueryCommand).resolves({ Items: [] });
    const bus = mockClient(EventBridgeClient);
    bus.on(PutEventsCommand).callsFake((input: { Entries: { Detail: string }[] }) => ({
      FailedEntryCount: input.Entries.some((e) => JSON.parse(e.Detail).id === 'b2') ? 1 : 0,
      Entries: input.Entries.map((e) => (JSON.parse(e.Detail).id === 'b2' ? { ErrorCode: 'InternalFailure' } : { EventId: 'x' })),
    }));
    const result = await publish([record('10', auditImage('a', 'a1')), record('11', auditImage('b', 'b1')), record('12', auditImage('b', 'b2')), record('13', auditImage('b', 'b3'))], { client: new EventBridgeClient({}), now: new Date() });
    const entries = bus.commandCalls(PutEventsCommand).flatMap((c) => c.args[0].input.Entries ?? []);
    expect(entries.map((e) => [e.Source, e.DetailType, e.EventBusName])).toContainEqual(['tenancy', 'tenancy.member.added', 'tenancy-events']);
    expect(JSON.parse(entries[0]!.Detail!)).toMatchObject({ specversion: '1.0', type: 'tenancy.member.added' });
    // a went out; b as far as b1: b2 and everything of b after it are handed again, in order.
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['12', '13']);
    // b3 went in the same call as b2 and got on the bus: it comes again with b2 (at least once; the bus never promised order).
    expect(entries.map((e) => JSON.parse(e.Detail!).id)).toEqual(['a1', 'b1', 'b2', 'b3']);
    // Webhooks were looked up for what got on the bus only: a's and b's first event.
    expect(table.commandCalls(QueryCommand).map((c) => c.args[0].input.ExpressionAttributeValues?.[':pk']).sort()).toEqual(['ORG#a', 'ORG#b']);
    bus.restore();
    table.restore();
  });
});

describe('the event source filter (one definition for Lambda and the local poller)', () => {
  it('lets through inserts of audit events only', () => {
    const insert = fixture('powertools-base.json').Records[0]!;
    const audit = { ...insert, dynamodb: { ...insert.dynamodb, NewImage: { type: { S: 'AuditEvent' } } } };
    expect(matchesPattern(audit, FEED_SOURCE.filter)).toBe(true);
    expect(matchesPattern({ ...audit, eventName: 'MODIFY' }, FEED_SOURCE.filter)).toBe(false);
    expect(matchesPattern(insert, FEED_SOURCE.filter)).toBe(false);
    expect(matchesPattern(fixture('aws-lambda-go-insert.json').Records[0], FEED_SOURCE.filter)).toBe(false);
    expect(matchesPattern({ ...audit, dynamodb: { ...audit.dynamodb, NewImage: { type: { S: 'Organization' } } } }, FEED_SOURCE.filter)).toBe(false);
  });

  it('knows loopback addresses, mapped ones included', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['10.0.0.1', '8.8.8.8', 'localhost', '::2']) expect(isLoopbackAddress(address), address).toBe(false);
  });
});

describe('the local event source', () => {
  it('hands records in the shape of the published samples', () => {
    const sample = fixture('aws-lambda-go-insert.json').Records[0]!;
    const local = lambdaRecordOf(
      { eventID: 'e', eventName: 'INSERT', eventVersion: '1.1', eventSource: 'aws:dynamodb', awsRegion: 'us-east-1', dynamodb: { ApproximateCreationDateTime: new Date(1480642020_000), Keys: { PK: { S: 'a' } }, NewImage: { PK: { S: 'a' }, details: {} as never }, SequenceNumber: '1', SizeBytes: 10, StreamViewType: 'NEW_IMAGE' } },
      'arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/x',
      'us-east-1',
    );
    const keysOf = (r: object) => Object.keys(r).filter((k) => k !== 'userIdentity').sort();
    expect(keysOf(local)).toEqual(keysOf(sample));
    expect(Object.keys(local.dynamodb!).sort()).toEqual(Object.keys(sample.dynamodb!).sort());
    expect(local.dynamodb!.ApproximateCreationDateTime).toBe(sample.dynamodb!.ApproximateCreationDateTime);
    expect(local.dynamodb!.NewImage!.details).toEqual({ M: {} });
    expect(repairImage({ a: { M: { b: {}, c: { L: [{}] } } } })).toEqual({ a: { M: { b: { M: {} }, c: { L: [{ M: {} }] } } } });
  });
});
