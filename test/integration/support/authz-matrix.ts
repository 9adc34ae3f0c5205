/**
 * The authorization matrix as authz-matrix.test.ts reads it: the `authz` of every route's
 * expectations (functions/routes.expectations.ts, beside the route table), keyed `METHOD /path`.
 */
import { CALLER_KINDS, routeExpectations, type AuthzRow } from '#functions/routes.expectations.js';

export const authzMatrix: Record<string, AuthzRow> = Object.fromEntries(
  Object.entries(routeExpectations).map(([key, expectation]) => [key, expectation.authz]),
);

/** Routes without a row and rows without a route (both empty when the matrix is complete). */
export function matrixGaps(routeKeys: readonly string[], rows: Record<string, AuthzRow>): { missing: string[]; extra: string[] } {
  const routes = new Set(routeKeys);
  return {
    missing: routeKeys.filter((key) => !(key in rows)).sort(),
    extra: Object.keys(rows).filter((key) => !routes.has(key)).sort(),
  };
}

/** How many (route, caller) cases the matrix asks for: every pair but the skipped ones. */
export function expectedCaseCount(rows: Record<string, AuthzRow>): number {
  return Object.values(rows).reduce((n, row) => n + CALLER_KINDS.filter((kind) => typeof row[kind] === 'number').length, 0);
}
