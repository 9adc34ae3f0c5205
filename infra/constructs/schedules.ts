import { Duration, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { Email } from './email.js';
import { TenancyFunction, type TenancyFunctionEnvironment } from './function.js';

export interface SchedulesProps {
  table: TableV2;
  email: Email;
  environment: TenancyFunctionEnvironment;
}

/** How often AWS runs the trial sweep (API.md "Trial sweep": hourly). */
export const SWEEP_SCHEDULE = Schedule.rate(Duration.hours(1));

/**
 * The jobs EventBridge runs on a clock, outside the API: the hourly trial sweep
 * (`functions/sweep/handler.ts`). It has no route-table row, hence no HTTP route, and a
 * run that still fails after the retries lands in a dead-letter queue instead of vanishing.
 */
export class Schedules extends Construct {
  readonly sweep: TenancyFunction;
  readonly sweepRule: Rule;
  readonly sweepDeadLetters: Queue;

  constructor(scope: Construct, id: string, props: SchedulesProps) {
    super(scope, id);

    // One queue for both ways a run can be lost: EventBridge failing to hand the event to
    // Lambda (throttled, permission), and the sweep itself failing after Lambda's retries.
    this.sweepDeadLetters = new Queue(this, 'SweepDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      // The longest SQS allows: time for someone to notice and look at what failed.
      retentionPeriod: Duration.days(14),
    });

    this.sweep = new TenancyFunction(this, 'Sweep', {
      handler: 'sweep/handler',
      description: 'Trial sweep: disables the workspaces of expired trials and emails their owners',
      environment: props.environment,
      // No client waits on it, and its work grows with the number of trials ending in the
      // hour: room for a backlog (say after an outage) instead of the API's 10 s.
      timeout: Duration.minutes(5),
      deadLetterQueue: this.sweepDeadLetters,
    });
    // A run is idempotent (a second one changes nothing more), so Lambda may retry a failed
    // one; past an hour the next scheduled run does the same work anyway.
    this.sweep.function.configureAsyncInvoke({ retryAttempts: 2, maxEventAge: Duration.hours(1) });

    // It reads the trial index and writes workspaces, orgs and audit events; it emails owners.
    props.table.grantReadWriteData(this.sweep.function);
    Validations.of(this.sweep).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.table.node.defaultChild as CfnElement)}.Arn>/index/*]`,
      reason: 'Queries the trial index (GSI2) of this table; the wildcard covers only this table\'s indexes.',
    });
    props.email.grantSend(this.sweep.function);

    this.sweepRule = new Rule(this, 'SweepSchedule', {
      description: 'Runs the trial sweep (API.md "Trial sweep")',
      schedule: SWEEP_SCHEDULE,
    });
    this.sweepRule.addTarget(new LambdaFunction(this.sweep.function, {
      retryAttempts: 2,
      maxEventAge: Duration.hours(1),
      deadLetterQueue: this.sweepDeadLetters,
    }));
  }
}
