/**
 * The packed UIPI engine's keyed admission (uipiAdmission.ts, keyedAdmission.ts) where the key
 * and the owed masks fit one word (every row of the Spin comparison: two slots 30 + 2 bits): the
 * key words packed leaving the owed masks' bits free at the top, the owed masks ORed in there, in
 * a WordIdTable — a 4-byte slot, the ids beside the slots, read only for the leads-to check's
 * chaining — instead of the 8-byte slot of a key and its id (the look-up's cache miss is most of
 * its cost, and it grows with the table). Each node's word is kept, so a successor equal to the
 * loaded node or its parent is found by the word its look-up needs anyway.
 */
import { FieldKeyPacker } from '../../../../engine/explore/packed/fieldKeyPacker.ts';
import { grownInt32 } from '../../../../engine/explore/packed/grownInt32.ts';
import { WordIdTable } from '../../../../engine/explore/packed/wordIdTable.ts';
import { outsideFields, type UipiAdmission } from './uipiAdmission.ts';
import { type UipiPackedLayout, uipiKeyMasks } from './uipiPackedLayout.ts';
import type { UipiPackedNodes } from './uipiPackedNodes.ts';

/** Keyed admission of one-word keys on layout `L`, numbering `nodes`, keying the owed bits `kept` (see above). */
export function oneWordAdmission(
  L: UipiPackedLayout,
  nodes: UipiPackedNodes,
  kept: Int32Array,
): UipiAdmission {
  /** Receivers and vectors: the owed masks are R masks of V bits (`vmask`). */
  const R = L.receivers;
  const V = L.vectors;
  const vmask = V >= 32 ? -1 : 2 ** V - 1;
  const OWN = R * V;
  /** Packs a node's key words into `packed`, leaving the top OWN bits, from `owedAt`, free. */
  const pack = new FieldKeyPacker(uipiKeyMasks(L), OWN).pack;
  const packed = new Int32Array(1);
  const owedAt = 32 - OWN;
  const words = new WordIdTable(1 << 18);
  /** Per node, its word. */
  let keyOf = new Int32Array(1 << 16);
  /**
   * See {@link UipiAdmission.exact}: the node, or -1; -2 when the table found the word known at
   * `foundAt`; -3 when the loaded node or its parent had the word, `by` (whether it owes exactly
   * what `owed`, the node's ghost, owes is asked only then).
   */
  let exactId = -1;
  let foundAt = -1;
  let by = -1;
  let owed: Int32Array = packed;
  /**
   * Admits the node (`w`, ghost `g`) as node `nodes.count` unless known, the loaded node and its
   * parent tested first by the word the look-up needs anyway: see {@link UipiAdmission.admit}.
   */
  const admit = (w: Int32Array, g: Int32Array, head: number, up: number): number => {
    const key = wordOf(w, g);
    if (head >= 0) {
      by = key === keyOf[head] ? head : up >= 0 && key === keyOf[up] ? up : -1;
      if (by >= 0) {
        exactId = -3;
        owed = g;
        return -1;
      }
    }
    const id = nodes.count;
    const at = words.add(key, id);
    if (at >= 0) {
      foundAt = at;
      exactId = -2;
      return -1;
    }
    keyOf = grownInt32(keyOf, id + 1);
    keyOf[id] = key;
    exactId = id;
    return nodes.add(w, g);
  };
  /** A node's word: its key words packed, its owed masks above them. */
  const wordOf = (w: Int32Array, g: Int32Array): number => {
    let o = 0;
    for (let r = 0; r < R; r++) {
      const x = g[r] ?? 0;
      if ((x & ~vmask) !== 0) outsideFields(g);
      o |= (x & (kept[r] ?? 0)) << (r * V);
    }
    if (pack(w, packed) !== 0) outsideFields(w);
    return (packed[0] ?? 0) | (o << owedAt);
  };
  const exact = (): number =>
    exactId === -2 ? words.idAt(foundAt) : exactId === -3 ? (nodes.owesExactly(owed, by) ? by : -1) : exactId;
  return { admit, exact };
}
