/**
 * WordIdTable against a Map: every one-word key (the key 0 and negative words included) is added
 * once with the id it came with, and a known key's place gives that id, through the table's grows.
 */
import { describe, expect, it } from 'vitest';
import { WordIdTable } from '../../../engine/explore/packed/wordIdTable.ts';
import { numbers } from '../../support/xorshift.ts';

describe('WordIdTable', () => {
  it('adds what a Map adds, each key with its first id, through its grows', () => {
    const table = new WordIdTable(4);
    const next = numbers(7);
    const want = new Map<number, number>();
    for (let t = 0; t < 40_000; t++) {
      // few distinct keys early, so most adds find one; 0 and words with the top bit set included
      const r = next() % (t < 20_000 ? 60 : 8000);
      const key = r % 7 === 0 ? (r * 0x9e3779b1) | 0 : r - 20;
      const at = table.add(key, t);
      const id = want.get(key);
      if (id === undefined) {
        expect(at).toBe(-1);
        want.set(key, t);
      } else {
        expect(at).toBeGreaterThanOrEqual(0);
        expect(table.idAt(at)).toBe(id);
      }
    }
    expect(want.has(0)).toBe(true);
    expect(table.count).toBe(want.size);
    for (const [key, id] of want) expect(table.idAt(table.add(key, -5))).toBe(id);
  });
});
