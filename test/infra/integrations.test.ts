/** The change feed in CDK: the table's stream, the publisher on it, the bus, the retry job, their dead letters. */
import { type CfnElement } from 'aws-cdk-lib';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTenancyApp } from '../../infra/tenancy-app.js';
import type { TenancyStack } from '../../infra/stack.js';
import { flatTemplateOf, synthContext, type CfnResource } from '../support/cdk.js';

describe('the change feed in the stack', () => {
  let stack: TenancyStack;
  let template: Template;
  const id = (element: unknown) => stack.getLogicalId(element as CfnElement);
  const statementsOf = (fn: { function: { role?: { node: { defaultChild?: unknown } } } }) => {
    const roleId = id(fn.function.role!.node.defaultChild);
    return (Object.values(template.findResources('AWS::IAM::Policy')) as CfnResource[])
      .filter((p) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
  };

  beforeAll(() => {
    const built = createTenancyApp({ context: synthContext });
    stack = built.stack;
    template = flatTemplateOf(built.app.synth().directory, stack).template;
  });

  it('streams the table\'s new images', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', { StreamSpecification: { StreamViewType: 'NEW_IMAGE' } });
  });

  it('hands the publisher new audit events only, in order, reporting failures per record, with a dead-letter queue', () => {
    const publisherId = id(stack.integrations.publisher.function.node.defaultChild);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: publisherId },
      EventSourceArn: { 'Fn::GetAtt': [id(stack.data.table.node.defaultChild), 'StreamArn'] },
      StartingPosition: 'TRIM_HORIZON',
      ParallelizationFactor: 1,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 10,
      MaximumRecordAgeInSeconds: 86400,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [id(stack.integrations.publisherDeadLetters.node.defaultChild), 'Arn'] } } },
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: ['AuditEvent'] } } } }) }] },
    });
    const fn = template.findResources('AWS::Lambda::Function')[publisherId] as CfnResource;
    expect(fn.Properties.Environment.Variables.EVENT_BUS_NAME).toEqual({ Ref: id(stack.integrations.bus.node.defaultChild) });
  });

  it('lets the publisher put events on its own bus alone, and read the stream', () => {
    const statements = statementsOf(stack.integrations.publisher);
    expect(statements).toContainEqual(expect.objectContaining({ Action: 'events:PutEvents', Resource: { 'Fn::GetAtt': [id(stack.integrations.bus.node.defaultChild), 'Arn'] } }));
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:PutItem', 'ses:SendEmail']));
    expect(actions.filter((a) => a.startsWith('events:'))).toEqual(['events:PutEvents']);
  });

  it('runs the retry job every minute, one run at a time, behind no route and on no bus', () => {
    const retryId = id(stack.integrations.retry.function.node.defaultChild);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)', Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [retryId, 'Arn'] } })] });
    const fn = template.findResources('AWS::Lambda::Function')[retryId] as CfnResource;
    expect(fn.Properties.ReservedConcurrentExecutions).toBe(1);
    expect(fn.Properties.Environment.Variables.EVENT_BUS_NAME).toBeUndefined();
    expect(statementsOf(stack.integrations.retry).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).filter((a) => a.startsWith('events:'))).toEqual([]);
    expect([...stack.functions.values()]).not.toContain(stack.integrations.retry);
    expect([...stack.functions.values()]).not.toContain(stack.integrations.publisher);
  });

  it('keeps dead letters encrypted, TLS-only, for 14 days', () => {
    for (const queue of [stack.integrations.publisherDeadLetters, stack.integrations.retryDeadLetters]) {
      const resource = template.findResources('AWS::SQS::Queue')[id(queue.node.defaultChild)] as CfnResource;
      expect(resource.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    }
  });
});
