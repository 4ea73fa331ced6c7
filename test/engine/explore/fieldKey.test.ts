/**
 * The field-packed key and its table against plain forms: FieldKeyPacker packs every state whose
 * bits lie in its masks one to one into ceil(bits / 32) words (runs crossing a key word, holes
 * bridged only where a word has bits to spare) and reports a bit outside them; KeySlotTable finds
 * what a Map of the keys' strings finds, with each key's payload, through its grows.
 */
import { describe, expect, it } from 'vitest';
import { FieldKeyPacker } from '../../../engine/explore/packed/fieldKeyPacker.ts';
import { KeySlotTable } from '../../../engine/explore/packed/keySlotTable.ts';
import { numbers } from '../../support/xorshift.ts';

/** Mask sets: one-word keys with and without bits to spare, keys across words, full and empty words. */
const MASKS: readonly (readonly number[])[] = [
  [0x387e1f, 3, 3, 0x3000003, 0x741, 3, 1],
  [0x387e1f, 3, 3, 0x3000001, 0x741, 3, 1],
  [0x787e3f, 7, 7, 0x7000003, 0x7000003, 0x741, 0x741, 0xf, 1],
  [-1, 0, 0x80000001, -1, 0x55555555, 0xffff0000 | 0],
  [0],
];

describe('FieldKeyPacker', () => {
  it.each(MASKS.map((m, i) => [i, m] as const))(
    'packs mask set %i one to one into its fewest words',
    (_i, masks) => {
      const packer = new FieldKeyPacker(masks);
      const bits = masks.reduce((n, m) => n + [...(m >>> 0).toString(2)].filter((c) => c === '1').length, 0);
      expect(packer.bits).toBe(bits);
      expect(packer.keyWords).toBe(Math.max(1, Math.ceil(bits / 32)));
      const next = numbers(7 + bits);
      const w = new Int32Array(masks.length);
      const key = new Int32Array(packer.keyWords);
      const back = new Int32Array(masks.length);
      const seen = new Map<string, string>();
      for (let t = 0; t < 3000; t++) {
        for (let i = 0; i < masks.length; i++) w[i] = next() & (masks[i] ?? 0);
        expect(packer.pack(w, key)).toBe(0);
        packer.unpack(key, 0, back);
        expect(Array.from(back)).toEqual(Array.from(w));
        const ks = key.join(',');
        expect(seen.get(ks) ?? w.join(',')).toBe(w.join(','));
        seen.set(ks, w.join(','));
      }
    },
  );

  it('reports a bit outside the masks', () => {
    const masks = MASKS[0] ?? [];
    const packer = new FieldKeyPacker(masks);
    const key = new Int32Array(packer.keyWords);
    for (let i = 0; i < masks.length; i++) {
      const outside = ~(masks[i] ?? 0);
      const bit = outside & -outside;
      const w = new Int32Array(masks.length);
      w[i] = bit;
      expect(packer.pack(w, key)).toBe(bit);
    }
  });
});

describe('KeySlotTable', () => {
  it.each([1, 2, 3])('finds what a Map finds, with the payloads, through its grows (%i-word keys)', (n) => {
    const table = new KeySlotTable(n, 2, 4);
    expect(table.stride).toBe(n === 3 ? 8 : 4);
    const next = numbers(n);
    const want = new Map<string, number>();
    const key = new Int32Array(n);
    for (let t = 0; t < 20_000; t++) {
      // few distinct keys early, so most look-ups find one; zero words and zero keys included
      for (let i = 0; i < n; i++) key[i] = (next() % (t < 10_000 ? 50 : 3000)) - 10;
      const ks = key.join(',');
      const found = table.find(key);
      expect(found).toBe(want.has(ks));
      if (found) {
        expect(table.slots[table.at + n]).toBe(want.get(ks));
        expect(Array.from(table.slots.subarray(table.at, table.at + n))).toEqual(Array.from(key));
        continue;
      }
      table.claim(key);
      table.slots[table.at + n] = t + 1;
      table.slots[table.at + n + 1] = t;
      want.set(ks, t + 1);
    }
    expect(table.count).toBe(want.size);
    for (const [ks, v] of want) {
      const k = Int32Array.from(ks.split(',').map(Number));
      expect(table.find(k)).toBe(true);
      expect([table.slots[table.at + n], table.slots[table.at + n + 1]]).toEqual([v, v - 1]);
    }
  });

  it.each([1, 2])(
    'keeps the payload above the key in its last word (%i-word keys, 4 bits in the last)',
    (n) => {
      const table = new KeySlotTable(n, 0, 4, 4);
      expect(table.stride).toBe(n);
      const next = numbers(10 + n);
      const want = new Map<string, number>();
      const key = new Int32Array(n);
      for (let t = 0; t < 20_000; t++) {
        for (let i = 0; i < n; i++) key[i] = next() % (i === n - 1 ? 16 : 40);
        const ks = key.join(',');
        const found = table.find(key);
        expect(found).toBe(want.has(ks));
        const at = table.at + n - 1;
        if (found) {
          expect((table.slots[at] ?? 0) >>> 4).toBe(want.get(ks));
          continue;
        }
        table.claim(key);
        // the payload replaces the bits above the key's (as a node admitted for a known key does)
        table.slots[at] = ((table.slots[at] ?? 0) & 15) | ((t + 1) << 4);
        want.set(ks, t + 1);
      }
      expect(table.count).toBe(want.size);
    },
  );
});
