import { Duration, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import { StreamViewType, type TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { type CfnFunction, FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FEED_SOURCE } from '../feed-source.js';
import type { Email } from './email.js';
import { TenancyFunction, type TenancyFunctionEnvironment } from './function.js';

export interface IntegrationsProps {
  table: TableV2;
  email: Email;
  environment: TenancyFunctionEnvironment;
}

/** The stream's view the publisher reads (FEED_SOURCE). */
export const STREAM_VIEW = StreamViewType[FEED_SOURCE.streamView];

/** How often AWS runs the webhook retry job (the local stack: every 5 s). */
export const RETRY_SCHEDULE = Schedule.rate(Duration.minutes(1));

/**
 * The change feed out of the table: DynamoDB Streams → the publisher (`functions/events/publisher.ts`)
 * → the EventBridge bus and the organizations' webhooks; and the webhook retry job on a clock.
 *
 * - The event source hands only new audit events (a filter on the stream: INSERT of an item of
 *   type AuditEvent), in batches of up to 25, one batch per shard at a time (order per
 *   organization: every item of an org shares its partition key). The function answers
 *   `batchItemFailures` (from each organization's first failure on); Lambda retries the batch from
 *   the earliest up to 10 times, for up to a day, then records where it gave up in the dead-letter
 *   queue (SQS keeps it 14 days; the events are still in the change feed for replay).
 * - The retry job runs every minute, one run at a time (reserved concurrency 1), with its own
 *   dead-letter queue for runs EventBridge could not hand over.
 */
export class Integrations extends Construct {
  readonly bus: EventBus;
  readonly publisher: TenancyFunction;
  readonly publisherDeadLetters: Queue;
  readonly retry: TenancyFunction;
  readonly retryRule: Rule;
  readonly retryDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: IntegrationsProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const deadLetters = (name: string) =>
      new Queue(this, name, { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    const indexes = (fn: TenancyFunction, why: string) =>
      Validations.of(fn).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(props.table.node.defaultChild as CfnElement)}.Arn>/index/*]`,
        reason: why,
      });

    this.bus = new EventBus(this, 'Bus', { eventBusName: `${stack.stackName}-events`, description: "Tenancy's change feed: one CloudEvent per audited change (detail-type: its type)" });

    this.publisherDeadLetters = deadLetters('PublisherDeadLetters');
    Validations.of(this.publisherDeadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: "It is a dead-letter queue: the stream event source's on-failure destination (where Lambda records the batches it gave up on), which the rule does not recognise as one.",
    });
    this.publisher = new TenancyFunction(this, 'Publisher', {
      handler: 'events/publisher',
      description: 'Change feed: new audit events from the table stream to EventBridge and the webhooks',
      environment: props.environment,
      variables: { EVENT_BUS_NAME: this.bus.eventBusName },
      // A batch of 25 events, each first delivery up to 5 s (the endpoints side by side).
      timeout: Duration.minutes(1),
    });
    this.bus.grantPutEventsTo(this.publisher.function);
    // Reads webhooks, writes deliveries and endpoint health (and their audit events); emails an owner whose endpoint it disables.
    props.table.grantReadWriteData(this.publisher.function);
    props.email.grantSend(this.publisher.function);
    indexes(this.publisher, 'Reads the deliveries of an endpoint on GSI1 of this table; the wildcard covers only this table\'s indexes.');
    this.publisher.function.addEventSource(new DynamoEventSource(props.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: FEED_SOURCE.batchSize,
      maxBatchingWindow: Duration.seconds(1),
      parallelizationFactor: 1,
      reportBatchItemFailures: true,
      retryAttempts: 10,
      maxRecordAge: Duration.days(1),
      onFailure: new SqsDlq(this.publisherDeadLetters),
      filters: [FilterCriteria.filter(FEED_SOURCE.filter)],
    }));

    this.retryDeadLetters = deadLetters('RetryDeadLetters');
    this.retry = new TenancyFunction(this, 'Retry', {
      handler: 'webhooks/retry',
      description: 'Webhook retries: every delivery whose next attempt is due',
      environment: props.environment,
      timeout: Duration.minutes(5),
      deadLetterQueue: this.retryDeadLetters,
    });
    // One run at a time: a run that outlasts the minute is not joined by the next (a delivery's
    // conditional save would refuse a second attempt anyway, but the receiver would see it).
    (this.retry.function.node.defaultChild as CfnFunction).reservedConcurrentExecutions = 1;
    this.retry.function.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(5) });
    props.table.grantReadWriteData(this.retry.function);
    props.email.grantSend(this.retry.function);
    indexes(this.retry, 'Queries the due-deliveries entries of GSI2 of this table; the wildcard covers only this table\'s indexes.');
    this.retryRule = new Rule(this, 'RetrySchedule', { description: 'Runs the webhook retry job', schedule: RETRY_SCHEDULE });
    this.retryRule.addTarget(new LambdaTarget(this.retry.function, { retryAttempts: 0, maxEventAge: Duration.minutes(5), deadLetterQueue: this.retryDeadLetters }));
  }
}
