/**
 * model/thousands.ts writes every number as `toLocaleString('en-US')` does (the text the reports
 * printed before it), integers without calling it.
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { thousands } from '../../model/thousands.ts';
import { SEED } from '../support/seed.ts';

test('the same text as toLocaleString for integers, fractions and the edge values', () => {
  for (const n of [
    0,
    -0,
    1,
    999,
    1000,
    -1000,
    12_345,
    999_999,
    1_000_000,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
  ])
    expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  for (const n of [0.5, 1234.5678, -1234.5, 2 ** 60, Number.POSITIVE_INFINITY, Number.NaN])
    expect(thousands(n)).toBe(n.toLocaleString('en-US'));
  fc.assert(
    fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.double()), (n) => {
      expect(thousands(n)).toBe(n.toLocaleString('en-US'));
    }),
    { seed: SEED },
  );
});

test('an integer is written without toLocaleString (the first call in a process loads ICU: 13–20 ms)', () => {
  const original = Number.prototype.toLocaleString;
  let calls = 0;
  Number.prototype.toLocaleString = function (this: number, ...args: Parameters<typeof original>) {
    calls++;
    return original.apply(this, args);
  };
  try {
    expect(thousands(1_234_567)).toBe('1,234,567');
    expect(calls).toBe(0);
    expect(thousands(0.25)).toBe('0.25');
    expect(calls).toBe(1);
  } finally {
    Number.prototype.toLocaleString = original;
  }
});
