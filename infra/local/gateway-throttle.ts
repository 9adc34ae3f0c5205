/**
 * Stage throttling as API Gateway does it: a token bucket per route, holding at most `burstLimit`
 * requests and refilled at `rateLimit` a second; a request that finds it empty is answered 429
 * by the gateway. Routes with their own settings (the device routes) get their own limits; every
 * other route gets the stage's default. The limits are the CDK stage's (infra/api-settings.ts).
 */
import type { Route } from '#http/route.js';

export interface ThrottleLimits {
  rateLimit: number;
  burstLimit: number;
}

export interface ThrottleSettings {
  /** The stage's default route settings. */
  default: ThrottleLimits;
  /** Per-route overrides, keyed by route key. */
  routes?: Record<string, ThrottleLimits>;
}

/** A throttle over the route table: `take(route)` is false when the route's bucket is empty. */
export function createThrottle(settings: ThrottleSettings, now: () => number = () => performance.now()): (route: Route) => boolean {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (route) => {
    const limits = settings.routes?.[route.key] ?? settings.default;
    const t = now();
    const bucket = buckets.get(route.key) ?? { tokens: limits.burstLimit, at: t };
    bucket.tokens = Math.min(limits.burstLimit, bucket.tokens + ((t - bucket.at) / 1000) * limits.rateLimit);
    bucket.at = t;
    buckets.set(route.key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };
}
