/**
 * The packed UIPI engine's keyed admission (uipiAdmission.ts; `covering: false`, `--no-covering`)
 * where the key and the owed masks need more than one word (oneWordAdmission.ts has the rest): the
 * owed masks are part of the key, as Spin's uipi.pml keeps them in its state vector, and a node
 * is admitted exactly when its key words and owed masks are new (the object engine's space with
 * its measure keyed: more nodes, the same verdicts). They are packed together, the owed masks'
 * fields after the key's, in a KeySlotTable whose payload is the node's id + 1: in the key's last
 * word above its bits where EMBEDDED_ID_BITS fit there (`small`), else a word after the key.
 */
import { FieldKeyPacker } from '../../../../engine/explore/packed/fieldKeyPacker.ts';
import { KeySlotTable } from '../../../../engine/explore/packed/keySlotTable.ts';
import { EMBEDDED_ID_BITS, outsideFields, tooMany, type UipiAdmission } from './uipiAdmission.ts';
import { type UipiPackedLayout, uipiKeyMasks } from './uipiPackedLayout.ts';
import type { UipiPackedNodes } from './uipiPackedNodes.ts';

/** The keyed search's fields: the key words' (uipiKeyMasks), then each receiver's owed mask. */
export function uipiKeyedMasks(L: UipiPackedLayout): number[] {
  const vmask = L.vectors >= 32 ? -1 : 2 ** L.vectors - 1;
  return [...uipiKeyMasks(L), ...new Array<number>(L.receivers).fill(vmask)];
}

/** Keyed admission in a key slot table on layout `L`, numbering `nodes`, keying the owed bits `kept` (see above). */
export function keyedAdmission(L: UipiPackedLayout, nodes: UipiPackedNodes, kept: Int32Array): UipiAdmission {
  const K = L.words;
  const R = L.receivers;
  const masks = uipiKeyedMasks(L);
  const bits = FieldKeyPacker.bitsOf(masks);
  const KP = Math.max(1, Math.ceil(bits / 32));
  const spare = 32 * KP - bits;
  /** Whether the id is kept in the key's last word, above its bits from `base` (kept: `low`). */
  const embedded = spare >= EMBEDDED_ID_BITS;
  const base = embedded ? 32 - spare : 0;
  const low = embedded ? 2 ** base - 1 : 0;
  /** The most nodes an embedded payload numbers. */
  const most = -1 >>> base;
  const pack = new FieldKeyPacker(masks, embedded ? spare : 0).pack;
  /** A node's key words, then its owed masks (a look-up's unpacked key), and that key packed. */
  const withOwed = new Int32Array(K + R);
  const packed = new Int32Array(KP);
  /** The payload word's place in a slot. */
  const idAt = embedded ? KP - 1 : KP;
  const table = new KeySlotTable(KP, embedded ? 0 : 1, 1 << 18, embedded ? base : 32);
  /** See {@link UipiAdmission.exact}. */
  let exactId = -1;
  /**
   * Admits the node (`w`, ghost `g`) as node `nodes.count` unless known, the loaded node and its
   * parent tested first: see {@link UipiAdmission.admit} (three functions: coveringAdmission.ts).
   */
  const admit = (w: Int32Array, g: Int32Array, head: number, up: number): number => {
    if (head >= 0) {
      exactId = nodes.holds(w, g, head, true) ? head : up >= 0 && nodes.holds(w, g, up, true) ? up : -1;
      if (exactId >= 0) return -1;
    }
    return lookUp(w, g);
  };
  /** {@link admit} by the table: -1 when the key and owed masks are known, else {@link number}. */
  const lookUp = (w: Int32Array, g: Int32Array): number => {
    for (let i = 0; i < K; i++) withOwed[i] = w[i] ?? 0;
    for (let r = 0; r < R; r++) withOwed[K + r] = (g[r] ?? 0) & (kept[r] ?? 0);
    if (pack(withOwed, packed) !== 0) outsideFields(withOwed);
    if (!table.find(packed)) return number(w, g);
    const pw = table.slots[table.at + idAt] ?? 0;
    exactId = (embedded ? pw >>> base : pw) - 1;
    return -1;
  };
  /** Numbers the node (`w`, ghost `g`) whose key the look-up did not find: its id. */
  const number = (w: Int32Array, g: Int32Array): number => {
    const id = nodes.count;
    if (embedded && id + 1 > most) tooMany(most);
    table.claim(packed);
    const kw = table.slots;
    const at = table.at + idAt;
    kw[at] = embedded ? ((kw[at] ?? 0) & low) | ((id + 1) << base) : id + 1;
    exactId = id;
    return nodes.add(w, g);
  };
  return { admit, exact: () => exactId };
}
