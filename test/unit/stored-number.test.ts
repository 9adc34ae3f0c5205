import { describe, expect, it } from 'vitest';
import { storedNumber } from '#db/client.js';

describe('storedNumber: how the document client reads a stored number', () => {
  it('reads exact numbers as they are', () => {
    expect(storedNumber('0')).toBe(0);
    expect(storedNumber('42')).toBe(42);
    expect(storedNumber('-7')).toBe(-7);
    expect(storedNumber('1.5')).toBe(1.5);
    expect(storedNumber(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads an integer beyond the exact range as the nearest safe integer, never a BigInt', () => {
    expect(storedNumber('9007199254740992')).toBe(Number.MAX_SAFE_INTEGER);
    expect(storedNumber('99999999999999999999999999999999999999')).toBe(Number.MAX_SAFE_INTEGER);
    expect(storedNumber('-9007199254740993')).toBe(-Number.MAX_SAFE_INTEGER);
    expect(typeof storedNumber('1e38')).toBe('number');
  });
});
