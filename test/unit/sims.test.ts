import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrivedSim, isIccid, luhnValid, transferredLocation, type Sim, type SimLocation } from '#domain/sims.js';
import { holderAt, summarizeUsage, usageRange } from '#domain/usage.js';
import { BadRequestError, ConflictError } from '#kernel/errors.js';

const NOW = new Date('2026-06-15T12:00:00.000Z');
const registered: SimLocation = { iccid: '89490200001234567894', workspaceId: 'A', since: '2026-06-01T00:00:00.000Z', history: [], version: 1 };

describe('ICCIDs', () => {
  it('are 19 or 20 digits ending in a Luhn check digit', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(isIccid('8944500102198304826')).toBe(true);
    expect(isIccid('89445001021983048260'.slice(0, 19))).toBe(true);
    expect(isIccid('8944500102198304827')).toBe(false);
    expect(isIccid('894450010219830482')).toBe(false);
    expect(isIccid('894450010219830482600')).toBe(false);
    expect(isIccid('894450010219830482a')).toBe(false);
  });

  it('exactly one check digit completes any 18 or 19 digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{18,19}$/), (body) => {
        const valid = Array.from({ length: 10 }, (_, d) => `${body}${d}`).filter(isIccid);
        return valid.length === 1;
      }),
    );
  });
});

describe('usage attribution', () => {
  const toB = transferredLocation(registered, 'B', new Date('2026-06-05T00:00:00.000Z'));
  const toC = transferredLocation(toB, 'C', new Date('2026-06-10T00:00:00.000Z'));

  it('before a transfer to the source, from its instant on to the target, across a chain', () => {
    expect(holderAt(toC, '2026-06-01T00:00:00.000Z', NOW)).toBe('A');
    expect(holderAt(toC, '2026-06-04T23:59:59.999Z', NOW)).toBe('A');
    expect(holderAt(toC, '2026-06-05T00:00:00.000Z', NOW)).toBe('B');
    expect(holderAt(toC, '2026-06-09T23:59:59.999Z', NOW)).toBe('B');
    expect(holderAt(toC, '2026-06-10T00:00:00.000Z', NOW)).toBe('C');
    expect(holderAt(toC, '2026-06-15T11:00:00.000Z', NOW)).toBe('C');
  });

  it('a late record dated before a transfer still goes to the source', () => {
    // Read after both transfers, a record of June 2nd belongs to A.
    expect(holderAt(toC, '2026-06-02T10:00:00.000Z', NOW)).toBe('A');
  });

  it('usage before the first registration is a conflict; usage in the future (beyond clock skew) a bad request', () => {
    expect(() => holderAt(toC, '2026-05-31T23:59:59.999Z', NOW)).toThrow(ConflictError);
    expect(() => holderAt(toC, '2026-06-15T13:00:00.000Z', NOW)).toThrow(BadRequestError);
    expect(holderAt(toC, '2026-06-15T12:04:00.000Z', NOW)).toBe('C');
  });

  it('each instant from registration on has exactly the holder whose period contains it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 86_400_000 }), { maxLength: 8 }), fc.integer({ min: 0, max: 10 * 86_400_000 }), (gaps, offset) => {
        let location = registered;
        const starts = [{ ws: 'A', at: Date.parse(registered.since) }];
        gaps.forEach((gap, i) => {
          const at = starts[starts.length - 1]!.at + gap;
          location = transferredLocation(location, `W${i}`, new Date(at));
          starts.push({ ws: `W${i}`, at });
        });
        const t = Date.parse(registered.since) + offset;
        const expected = [...starts].reverse().find((s) => s.at <= t)!.ws;
        return holderAt(location, new Date(t).toISOString(), new Date(t)) === expected;
      }),
    );
  });

  it('a transfer never cuts before the current holding began, even with a clock behind', () => {
    const next = transferredLocation(registered, 'B', new Date('2026-05-01T00:00:00.000Z'));
    expect(next.history).toEqual([{ workspaceId: 'A', from: registered.since, to: registered.since }]);
    expect(next).toMatchObject({ workspaceId: 'B', since: registered.since, version: 2 });
  });
});

describe('transfers', () => {
  it('the SIM arrives detached; an active SIM arrives suspended', () => {
    const sim: Sim = { iccid: '8944500102198304826', workspaceId: 'A', status: 'active', deviceId: 'd', createdAt: 'x', updatedAt: 'x', version: 3 };
    expect(arrivedSim(sim, 'B', 'now')).toEqual({ ...sim, workspaceId: 'B', status: 'suspended', deviceId: null, updatedAt: 'now', version: 4 });
    expect(arrivedSim({ ...sim, status: 'suspended' }, 'B', 'now').status).toBe('suspended');
  });
});

describe('usage ranges and sums', () => {
  it('default to the current month (UTC); from must come before to', () => {
    expect(usageRange({}, NOW)).toEqual({ from: '2026-06-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z' });
    expect(usageRange({}, new Date('2026-12-31T23:59:59.000Z')).to).toBe('2027-01-01T00:00:00.000Z');
    expect(usageRange({ from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' }, NOW)).toEqual({ from: '2026-01-01T00:00:00.000Z', to: '2026-02-01T00:00:00.000Z' });
    expect(() => usageRange({ from: '2026-08-01T00:00:00Z' }, NOW)).toThrow(BadRequestError);
    expect(() => usageRange({ from: '2026-01-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }, NOW)).toThrow(BadRequestError);
  });

  it('sum per SIM, sorted by ICCID', () => {
    expect(summarizeUsage([{ iccid: '2', bytes: 5 }, { iccid: '1', bytes: 1 }, { iccid: '2', bytes: 7 }])).toEqual({
      trafficBytes: 13,
      bySim: [{ iccid: '1', bytes: 1 }, { iccid: '2', bytes: 12 }],
    });
    expect(summarizeUsage([])).toEqual({ trafficBytes: 0, bySim: [] });
  });
});
