/**
 * The explorer's unit-keyed tables against their string-keyed forms: a KeyTable numbers keys as
 * a Set of their strings would tell them apart (through many grows and rehashes, keys that are
 * prefixes of each other, wide values); CoverSet.addAt and DrainMemo.visitAt answer as add and
 * visit do on the same keys.
 */
import { describe, expect, it } from 'vitest';
import { CoverSet } from '../../../engine/explore/coverSet.ts';
import { DrainMemo } from '../../../engine/explore/drainMemo.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { KeyTable } from '../../../engine/explore/keyTable.ts';
import { numbers } from '../../support/xorshift.ts';

/** Key number `k` of a universe: 0 to 5 units long, some values wide (two or five units), distinct per k. */
function build(kb: KeyBuilder, k: number): string {
  kb.reset();
  const len = k % 6;
  let x = Math.floor(k / 6);
  for (let i = 0; i < len - 1; i++) {
    kb.int(x % 3);
    x = Math.floor(x / 3);
  }
  if (len > 0) {
    if (k % 7 === 0) kb.big(BigInt(x) << 40n);
    else kb.int(k % 5 === 0 ? x + 0x10000 : x);
  }
  return kb.done();
}

describe('KeyTable', () => {
  it('gives each distinct key one dense id, exactly as a Map of the key strings, across many grows', () => {
    const t = new KeyTable();
    const kb = new KeyBuilder();
    const ids = new Map<string, number>();
    // 90,000 keys, each looked up in three passes in different orders: well past the initial room
    // (2^14 keys), so entries, units and the table all grow, and every key is found again after them
    const universe = 90_000;
    let wrong = 0; // counted, not expected one by one (270,000 expects take seconds)
    for (const stride of [1, 7_919, 40_009]) {
      for (let i = 0; i < universe; i++) {
        const s = build(kb, (i * stride) % universe);
        const id = t.id(kb);
        const known = ids.get(s);
        if (known === undefined) {
          if (!t.added || id !== ids.size) wrong++;
          ids.set(s, id);
        } else if (t.added || id !== known) wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(t.count).toBe(ids.size);
    expect(ids.size).toBeGreaterThan(60_000);
  });

  it('tells apart a key from its prefixes and the empty key', () => {
    const t = new KeyTable();
    const kb = new KeyBuilder();
    const a = t.id(kb.reset());
    const b = t.id(kb.reset().int(0));
    const c = t.id(kb.reset().int(0).int(0));
    expect(new Set([a, b, c]).size).toBe(3);
    expect(t.id(kb.reset().int(0))).toBe(b);
    expect(t.added).toBe(false);
  });
});

/** Numbers strings densely in the order first seen, as a KeyTable numbers keys. */
function numbering(): (key: string) => number {
  const ids = new Map<string, number>();
  return (key) => {
    const id = ids.get(key) ?? ids.size;
    ids.set(key, id);
    return id;
  };
}

describe('the unit-keyed forms', () => {
  it('CoverSet.addAt answers as add on the same keys', () => {
    const byKey = new CoverSet();
    const byId = new CoverSet();
    const idOf = numbering();
    const next = numbers(7);
    for (let i = 0; i < 20_000; i++) {
      const key = String(next() % 500);
      const m = [next() % 3, next() % 3];
      expect(byId.addAt(idOf(key), m)).toBe(byKey.add(key, m));
    }
    expect(byId.size).toBe(byKey.size);
  });

  it('DrainMemo.visitAt answers as visit on the same positions', () => {
    const next = numbers(11);
    const idOf = numbering();
    const [byKey, byId] = [new DrainMemo(), new DrainMemo()];
    for (let drain = 0; drain < 3_000; drain++) {
      byKey.begin();
      byId.begin();
      let steps = 0;
      let cut = false;
      while (!cut && steps < 8) {
        const key = String(next() % 300);
        cut = byKey.visit(key, steps, 10);
        expect(byId.visitAt(idOf(key), steps, 10)).toBe(cut);
        if (!cut) steps++;
      }
      expect(byId.cut).toBe(byKey.cut);
      if (cut || next() % 4 !== 0) {
        byKey.succeeded(steps);
        byId.succeeded(steps);
      }
      expect(byId.size).toBe(byKey.size);
    }
  });
});
