/**
 * Counts every DynamoDB call made through one SDK client (the handlers' module-level client,
 * shared/db/client.ts), and asks DynamoDB for the capacity each one consumed.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Commands that accept `ReturnConsumedCapacity`. */
const CAPACITY_COMMANDS = new Set([
  'GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'QueryCommand', 'ScanCommand',
  'BatchGetItemCommand', 'BatchWriteItemCommand', 'TransactGetItemsCommand', 'TransactWriteItemsCommand',
]);

export interface Tally {
  requests: number;
  /** Command names in call order, without the `Command` suffix. */
  commands: string[];
  rcu: number;
  wcu: number;
  /** Whether every call reported its capacity. */
  capacityReported: boolean;
}

export const emptyTally = (): Tally => ({ requests: 0, commands: [], rcu: 0, wcu: 0, capacityReported: true });

interface Capacity { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }

export function installCounter(client: DynamoDBClient): { reset(): void; read(): Tally } {
  let tally = emptyTally();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown');
      const input = args.input as Record<string, unknown>;
      if (CAPACITY_COMMANDS.has(name) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
      tally.requests++;
      tally.commands.push(name.replace(/Command$/, ''));
      const current = tally;
      let result;
      try {
        result = await next(args);
      } catch (error) {
        current.capacityReported = false;
        throw error;
      }
      const consumed = (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity;
      const list = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
      if (list.length === 0) current.capacityReported = false;
      for (const c of list) {
        // Reads report ReadCapacityUnits or only CapacityUnits; writes likewise.
        const isWrite = /Put|Update|Delete|BatchWrite|TransactWrite/.test(name);
        const read = c.ReadCapacityUnits ?? (isWrite ? 0 : (c.CapacityUnits ?? 0));
        const write = c.WriteCapacityUnits ?? (isWrite ? (c.CapacityUnits ?? 0) : 0);
        current.rcu += read;
        current.wcu += write;
      }
      return result;
    },
    { step: 'initialize', name: 'benchCounter', priority: 'high', override: true },
  );
  return {
    reset: () => {
      tally = emptyTally();
    },
    read: () => tally,
  };
}
