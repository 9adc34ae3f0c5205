/**
 * Counts every DynamoDB call made through one SDK client (the handlers' module-level client,
 * shared/db/client.ts), and asks DynamoDB for the capacity each one consumed. Optionally
 * captures each call (command class, the low-level input as sent, start and end times, the
 * output) so that bench/latency.ts can replay a route's calls directly against DynamoDB.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Commands that accept `ReturnConsumedCapacity`. */
const CAPACITY_COMMANDS = new Set([
  'GetItemCommand', 'PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'QueryCommand', 'ScanCommand',
  'BatchGetItemCommand', 'BatchWriteItemCommand', 'TransactGetItemsCommand', 'TransactWriteItemsCommand',
]);

/** One call as the client sent it. */
export interface CapturedCall {
  /** The low-level command class of `@aws-sdk/client-dynamodb`, e.g. `TransactWriteItemsCommand`. */
  command: string;
  /**
   * The input after the document client's marshalling (AttributeValues), as serialized:
   * `new ddb[command](input)` sends the same request. A deep copy.
   */
  input: Record<string, unknown>;
  /** `performance.now()` when `send` entered the middleware stack and when it settled. */
  start: number;
  end: number;
  ok: boolean;
  /** The output as `send` returned it (document-client calls: unmarshalled). Not copied. */
  output?: unknown;
}

export interface Tally {
  requests: number;
  /** Command names in call order, without the `Command` suffix. */
  commands: string[];
  rcu: number;
  wcu: number;
  /** Whether every call reported its capacity. */
  capacityReported: boolean;
  /** Each call in call order, when capturing (see `Counter.capture`); empty otherwise. */
  calls: CapturedCall[];
}

export const emptyTally = (): Tally => ({ requests: 0, commands: [], rcu: 0, wcu: 0, capacityReported: true, calls: [] });

interface Capacity { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }

export interface Counter {
  reset(): void;
  read(): Tally;
  /** Turn capturing of each call's command, input and timing on or off (off by default). */
  capture(on: boolean): void;
}

const installed = new WeakMap<DynamoDBClient, Counter>();
const CALL = Symbol('benchCall');

/** Installs the counter on `client` once; later calls return the same counter. */
export function installCounter(client: DynamoDBClient): Counter {
  const existing = installed.get(client);
  if (existing !== undefined) return existing;
  let tally = emptyTally();
  let capturing = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const name = String(context.commandName ?? 'unknown');
      const input = args.input as Record<string, unknown>;
      if (CAPACITY_COMMANDS.has(name) && input.ReturnConsumedCapacity === undefined) input.ReturnConsumedCapacity = 'TOTAL';
      tally.requests++;
      tally.commands.push(name.replace(/Command$/, ''));
      const current = tally;
      let call: CapturedCall | undefined;
      if (capturing) {
        call = { command: name, input: {}, start: performance.now(), end: 0, ok: false };
        (context as Record<symbol, unknown>)[CALL] = call;
        current.calls.push(call);
      }
      let result;
      try {
        result = await next(args);
      } catch (error) {
        current.capacityReported = false;
        if (call !== undefined) call.end = performance.now();
        throw error;
      }
      if (call !== undefined) {
        call.end = performance.now();
        call.ok = true;
        call.output = result.output;
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
  // After serialization the input is the low-level one (the document client marshals just
  // before the serializer): that is what a replay must send.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const call = (context as Record<symbol, unknown>)[CALL] as CapturedCall | undefined;
      if (call !== undefined && Object.keys(call.input).length === 0) call.input = structuredClone(args.input as Record<string, unknown>);
      return next(args);
    },
    { step: 'build', name: 'benchCapture', priority: 'high', override: true },
  );
  const counter: Counter = {
    reset: () => {
      tally = emptyTally();
    },
    read: () => tally,
    capture: (on) => {
      capturing = on;
    },
  };
  installed.set(client, counter);
  return counter;
}
