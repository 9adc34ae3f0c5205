/**
 * The expectations beside the route table (functions/routes.expectations.ts): one entry per row in
 * the table's order, every caller kind named with its status, and a minimum with its reason. (A
 * row without an entry, or an entry without a row, already fails `tsc`.)
 */
import { describe, expect, it } from 'vitest';
import { routes } from '#functions/routes.js';
import { CALLER_KINDS, routeExpectations, statuses } from '#functions/routes.expectations.js';

describe('route expectations', () => {
  it('has one entry per row of the route table, in its order', () => {
    expect(Object.keys(routeExpectations)).toEqual(Object.keys(routes));
  });

  it('names every caller kind in every authorization row, in `CALLER_KINDS` order (a status, or a skip with its reason)', () => {
    for (const [key, { authz }] of Object.entries(routeExpectations)) {
      expect(Object.keys(authz), key).toEqual([...CALLER_KINDS]);
      for (const kind of CALLER_KINDS) {
        const expected = authz[kind];
        if (typeof expected === 'number') expect([200, 201, 202, 204, 401, 403, 404], `${key} ${kind}`).toContain(expected);
        else expect(expected.skip.trim().length, `${key} ${kind}: a skip needs a reason`).toBeGreaterThan(0);
      }
    }
  });

  it('gives every route a whole, non-negative round-trip minimum and why', () => {
    for (const [key, { roundTrips: [minimum, why] }] of Object.entries(routeExpectations)) {
      expect(Number.isInteger(minimum) && minimum >= 0, `${key}: ${minimum}`).toBe(true);
      expect(why.trim().length, key).toBeGreaterThan(0);
    }
  });

  it('statuses(): the listed kinds get their status, every other kind `others`', () => {
    expect(statuses({ 200: ['owner', 'orgAdmin'], 403: ['wsViewer'], 401: ['anonymous'], others: 404 })).toEqual({
      owner: 200, orgAdmin: 200, orgEditor: 404, orgMember: 404, wsAdmin: 404, wsEditor: 404, wsViewer: 403,
      grantRead: 404, grantWrite: 404, stranger: 404, anonymous: 401, operator: 404,
    });
  });

  it('statuses(): refuses a kind listed under two statuses', () => {
    expect(() => statuses({ 200: ['owner'], 403: ['owner'], others: 404 })).toThrow(/owner is listed twice/);
  });
});
