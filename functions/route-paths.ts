import type { RouteKey } from '#functions/routes.js';

/**
 * The path of route `key` with its parameters filled in (URI-encoded): a created resource's
 * `Location`, built from the table so that a renamed route fails `tsc` here rather than links.
 */
export function pathTo(key: RouteKey, params: Record<string, string>): string {
  return key.slice(key.indexOf(' ') + 1).replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`pathTo(${key}): no value for {${name}}`);
    return encodeURIComponent(value);
  });
}
