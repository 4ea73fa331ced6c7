/**
 * The packed UIPI engine's default admission (uipiAdmission.ts): the owed masks are the covering
 * measure exactly as uipiGhostMeasure.ts defines it. A node whose key is known is admitted only
 * when no node admitted before with that key owes a superset of what it owes (CoverSet's
 * componentwise ≤ on "owed ? 0 : 1"). Each key keeps the list of its admitted nodes (newest
 * first); CoverSet drops the nodes a newer one covers, this list keeps them, which changes no
 * answer (whatever a dropped node covers, the node that covered it covers too).
 *
 * The known keys are packed by field into as few words as the configuration's fields need (one
 * on the two-slot row), in a KeySlotTable whose slot holds beside the key its latest admitted node
 * and that node's owed masks — so a look-up reads one slot, and the covering test against that
 * node, which settles nearly every known key (plain, two slots: 1,781,577 of 1,843,561), reads
 * what the look-up brought in. The payload is one of two shapes, chosen once per search:
 *
 * - compact, where the owed masks are few bits (R·V at most {@link COMPACT_OWED}: every preset):
 *   one word, (latest + 1) << R·V | the owed masks side by side, so the two-slot row's slot is 8
 *   bytes and its table 4 MB rather than 8 (a look-up's cache miss is most of its cost); where the
 *   key's last word leaves room for those with EMBEDDED_ID_BITS for the id (`small`), that word is
 *   the key's last, above the key's bits, and the slot is the key alone;
 * - wide, else: latest + 1, then each owed mask, a word each.
 *
 * Either way a slot in use has a nonzero payload word.
 */
import { FieldKeyPacker } from '../../../../engine/explore/packed/fieldKeyPacker.ts';
import { grownInt32 } from '../../../../engine/explore/packed/grownInt32.ts';
import { KeySlotTable } from '../../../../engine/explore/packed/keySlotTable.ts';
import { EMBEDDED_ID_BITS, outsideFields, tooMany, type UipiAdmission } from './uipiAdmission.ts';
import { type UipiPackedLayout, uipiKeyMasks } from './uipiPackedLayout.ts';
import { owesExactly, type UipiPackedNodes } from './uipiPackedNodes.ts';

/**
 * The most owed-mask bits (receivers × vectors) a key's slot packs beside its latest node's id in
 * one word: at most 2^28 - 1 nodes then (some 20 GB of node tables); a search past that stops
 * with an error rather than number a node wrong.
 */
const COMPACT_OWED = 4;

/** Admission by covering on layout `L`, numbering `nodes` (see above). */
export function coveringAdmission(L: UipiPackedLayout, nodes: UipiPackedNodes): UipiAdmission {
  const R = L.receivers;
  const V = L.vectors;
  const masks = uipiKeyMasks(L);
  const keyBits = FieldKeyPacker.bitsOf(masks);
  const P = Math.max(1, Math.ceil(keyBits / 32));
  const OWN = R * V;
  /** The bits the key leaves free at the top of its last word, and whether the payload word is that word. */
  const spare = 32 * P - keyBits;
  const embedded = spare - OWN >= EMBEDDED_ID_BITS;
  const pack = new FieldKeyPacker(masks, embedded ? spare : 0).pack;
  const packed = new Int32Array(P);
  /** Whether the payload is one word (see above). */
  const compact = embedded || OWN <= COMPACT_OWED;
  /** A compact payload word: the key's bits below `base` (kept: `keyLow`), the owed masks (`ownMask`), then latest + 1 from `idShift`. */
  const base = embedded ? 32 - spare : 0;
  const keyLow = embedded ? 2 ** base - 1 : 0;
  const idShift = base + OWN;
  const ownMask = compact ? ((2 ** OWN - 1) * 2 ** base) | 0 : 0;
  /** The most nodes a compact payload numbers. */
  const most = -1 >>> idShift;
  /** The payload word's place in a slot. */
  const pAt = embedded ? P - 1 : P;
  const keys = new KeySlotTable(P, embedded ? 0 : compact ? 1 : R + 1, 1 << 18, embedded ? base : 32);
  /** Per node: the node admitted before it with its key most recently, or -1 (its key's list). */
  let sameKey = new Int32Array(1 << 16);
  /**
   * See {@link UipiAdmission.exact}: the node, or -1; or -2 when the loaded node or its parent
   * covered the node, `by` (whether exactly is asked only then, of `owed`, the node's ghost).
   */
  let exactId = -1;
  let by = -1;
  let owed: Int32Array = packed;
  /** The owed masks of `g` side by side (a compact payload's). */
  const owedBits = (g: Int32Array): number => {
    let b = 0;
    for (let r = 0; r < R; r++) b |= (g[r] ?? 0) << (r * V);
    return b;
  };
  /**
   * Admits the node (`w`, ghost `g`) as node `nodes.count` unless known, the loaded node and its
   * parent tested first: see {@link UipiAdmission.admit}. Three functions, so V8 compiles the
   * look-up ({@link lookUp}) with the table's find inlined rather than the tests before it.
   */
  const admit = (w: Int32Array, g: Int32Array, head: number, up: number): number => {
    if (head >= 0) {
      by = nodes.holds(w, g, head, false) ? head : up >= 0 && nodes.holds(w, g, up, false) ? up : -1;
      if (by >= 0) {
        exactId = -2;
        owed = g;
        return -1;
      }
    }
    return lookUp(w, g);
  };
  /** {@link admit} by the table: -1 when a node with the key covers the node, else its id. */
  const lookUp = (w: Int32Array, g: Int32Array): number => {
    if (pack(w, packed) !== 0) outsideFields(w);
    const fresh = !keys.find(packed);
    const kw = keys.slots;
    const at = keys.at + pAt;
    let latest = -1;
    if (!fresh) {
      const pw = kw[at] ?? 0;
      if (compact) {
        latest = (pw >>> idShift) - 1;
        const gb = owedBits(g) << base;
        if ((gb & ~pw) === 0) {
          exactId = gb === (pw & ownMask) ? latest : -1;
          return -1;
        }
      } else {
        latest = pw - 1;
        let covers = true;
        for (let r = 0; r < R && covers; r++) covers = ((g[r] ?? 0) & ~(kw[at + 1 + r] ?? 0)) === 0;
        if (covers) {
          exactId = owesExactly(g, kw, at + 1, R) ? latest : -1;
          return -1;
        }
      }
      const { ghosts, G } = nodes;
      for (let n = sameKey[latest] ?? -1; n >= 0; n = sameKey[n] ?? -1) {
        let covers = true;
        for (let r = 0; r < R && covers; r++) covers = ((g[r] ?? 0) & ~(ghosts[n * G + r] ?? 0)) === 0;
        if (covers) {
          exactId = owesExactly(g, ghosts, n * G, R) ? n : -1;
          return -1;
        }
      }
    }
    const id = nodes.count;
    if (compact && id + 1 > most) tooMany(most);
    if (fresh) keys.claim(packed);
    if (compact) kw[at] = ((kw[at] ?? 0) & keyLow) | ((id + 1) << idShift) | (owedBits(g) << base);
    else {
      kw[at] = id + 1;
      for (let r = 0; r < R; r++) kw[at + 1 + r] = g[r] ?? 0;
    }
    return number(w, g, latest);
  };
  /** Numbers the node (`w`, ghost `g`) whose key's slot names it, the latest before it with its key `latest` (else -1): its id. */
  const number = (w: Int32Array, g: Int32Array, latest: number): number => {
    const id = nodes.count;
    sameKey = grownInt32(sameKey, id + 1);
    sameKey[id] = latest;
    exactId = id;
    return nodes.add(w, g);
  };
  return { admit, exact: () => (exactId !== -2 ? exactId : nodes.owesExactly(owed, by) ? by : -1) };
}
