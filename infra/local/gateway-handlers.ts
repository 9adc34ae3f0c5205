/**
 * How the local gateway runs a function: loading `functions/<handler>.ts` (kept warm once
 * loaded), setting the environment the handlers read, and the Lambda-like context each
 * invocation gets.
 */
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { API_FUNCTION } from '../api-settings.js';
import { ACCOUNT_ID } from './gateway-event.js';

/** The deployed functions' timeout (infra/api-settings.ts): the gateway stops waiting then, and the context counts down to it. */
export const FUNCTION_TIMEOUT_MS = API_FUNCTION.timeoutSeconds * 1000;

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
export type HandlerLoader = (handler: string) => Promise<LambdaHandler>;

/**
 * Imports `functions/<handler>.ts` on first use and keeps it, like a warm container.
 * A failed import is not kept, so a handler written while the stack runs is picked up.
 */
export function moduleLoader(functionsDir = new URL('../../functions/', import.meta.url)): HandlerLoader {
  const cache = new Map<string, Promise<LambdaHandler>>();
  return (handler) => {
    let loading = cache.get(handler);
    if (loading === undefined) {
      loading = import(new URL(`${handler}.ts`, functionsDir).href).then((module: { handler?: unknown }) => {
        if (typeof module.handler !== 'function') throw new Error(`functions/${handler}.ts exports no handler`);
        return module.handler as LambdaHandler;
      });
      cache.set(handler, loading);
      loading.catch(() => cache.delete(handler));
    }
    return loading;
  };
}

/** Sets the configuration the handlers read (shared/config.ts); must run before any handler loads. */
export function applyHandlerEnvironment(env: Record<string, string>): void {
  Object.assign(process.env, env);
}

/** A Lambda-like context for one invocation of `functionName`, with the deployed functions' memory and timeout. */
export function lambdaContext(functionName: string, region: string, requestId: string = randomUUID(), timeoutMs = FUNCTION_TIMEOUT_MS): Context {
  const deadline = Date.now() + timeoutMs;
  const unsupported = (): never => {
    throw new Error('The callback-style context methods are not supported; return a result instead');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${region}:${ACCOUNT_ID}:function:${functionName}`,
    memoryLimitInMB: String(API_FUNCTION.memoryMb),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: `local/[$LATEST]${requestId.replaceAll('-', '')}`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

/**
 * `me/get` → `tenancy-me-get`, the name the local context reports. It is not the deployed
 * function's name: infra/constructs/function.ts sets none, so CloudFormation generates one
 * from the stack and construct ids (`Tenancy-GetMeFunction<hash>-<suffix>`).
 */
export function functionNameOf(handler: string): string {
  return `tenancy-${handler.replaceAll('/', '-')}`;
}
