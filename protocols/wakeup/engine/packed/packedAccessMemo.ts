/**
 * A memo of the controller judge (packedControllerJudge.ts) over packed states. Its verdict on an
 * access, and the ghosts after it, are a function of what it reads: the controller bytes and the
 * ghost bytes of the state and of its successor, and the access (kind and arguments). Two steps
 * that agree on all of those get the same answer, so the judge computes it once: the small preset
 * makes 325,536 accesses over 48,032 distinct such inputs.
 *
 * An entry is found by the state's words (its controller words, the last one masked to the
 * controller's bytes, and its ghost words) and the access; it keeps the successor's words it was
 * judged on (the same masked controller words and ghost words, before the ghosts' advance), and a
 * step whose successor differs there (never in the model, whose controller step is a function of
 * the state and the access; in a seeded bug, sometimes) is judged afresh and not remembered. Only
 * verdicts the byte judge gave are remembered (not the steps it hands to the object judge). The
 * table has a fixed number of entries; once it is full, new inputs are judged every time.
 */
import type { PackedGhostLayout } from './packedGhost.ts';

/** Entries the memo holds (the small preset needs 48,032). */
const ENTRIES = 1 << 16;

export class PackedAccessMemo {
  /** Controller words, the last one's mask, the first ghost word and ghost words. */
  private readonly cw: number;
  private readonly lastMask: number;
  private readonly g0: number;
  private readonly gw: number;
  /** Words of a key (controller, ghost, access) and of the successor an entry was judged on (controller, ghost). */
  private readonly kw: number;
  private readonly nw: number;
  private readonly keys: Int32Array;
  private readonly hashes: Int32Array;
  private readonly nexts: Int32Array;
  /** Per entry: the ghost words after the access, and the verdict bits. */
  private readonly outs: Int32Array;
  private readonly verdicts: Int32Array;
  /** Slot → entry + 1 (0: empty). */
  private readonly table: Int32Array;
  private readonly slotMask: number;
  /** Tests only: an entry answers whatever the successor (to show that comparison is needed). */
  private readonly dontMatchNext: boolean;
  count = 0;
  /** Where the last {@link find} that missed would insert (-1: it may not). */
  private pendingSlot = -1;
  private pendingHash = 0;
  /** Steps answered from the memo. */
  hits = 0;

  constructor(G: PackedGhostLayout, dontMatchNext = false) {
    this.dontMatchNext = dontMatchNext;
    const ctrlBytes = G.L.harts; // the controller's bytes come first (packedLayout.ts), the harts' after them
    this.cw = (ctrlBytes + 3) >> 2;
    const m = new Uint8Array(4).fill(0xff);
    m.fill(0, ctrlBytes - 4 * (this.cw - 1));
    this.lastMask = new Int32Array(m.buffer)[0] ?? 0;
    this.g0 = G.start >> 2;
    this.gw = (G.width - G.start) >> 2;
    this.kw = this.cw + this.gw + 1;
    this.nw = this.cw + this.gw;
    this.keys = new Int32Array(ENTRIES * this.kw);
    this.hashes = new Int32Array(ENTRIES);
    this.nexts = new Int32Array(ENTRIES * this.nw);
    this.outs = new Int32Array(ENTRIES * this.gw);
    this.verdicts = new Int32Array(ENTRIES);
    this.table = new Int32Array(2 * ENTRIES);
    this.slotMask = 2 * ENTRIES - 1;
  }

  /** Whether the words of `w` the memo reads (controller, the last masked, and ghost) are `at`'s from `o`. */
  private same(at: Int32Array, o: number, w: Int32Array): boolean {
    const { cw, gw, g0 } = this;
    const last = cw - 1;
    for (let i = 0; i < last; i++) if (at[o + i] !== w[i]) return false;
    if (at[o + last] !== ((w[last] ?? 0) & this.lastMask)) return false;
    for (let i = 0; i < gw; i++) if (at[o + cw + i] !== w[g0 + i]) return false;
    return true;
  }

  /** Writes the words of `w` the memo reads into `at` from `o` (see {@link same}). */
  private write(at: Int32Array, o: number, w: Int32Array): void {
    const { cw, gw, g0 } = this;
    const last = cw - 1;
    for (let i = 0; i < last; i++) at[o + i] = w[i] ?? 0;
    at[o + last] = (w[last] ?? 0) & this.lastMask;
    for (let i = 0; i < gw; i++) at[o + cw + i] = w[g0 + i] ?? 0;
  }

  /**
   * The entry judged on the step from `cur` to `next` by the access `access`, or -1 (then
   * {@link remember} may keep the judge's answer for it).
   */
  find(cur: Int32Array, next: Int32Array, access: number): number {
    const { cw, gw, g0, kw } = this;
    const last = cw - 1;
    let h = 0x811c9dc5;
    for (let i = 0; i < last; i++) h = Math.imul(h ^ (cur[i] ?? 0), 0x9e3779b1);
    h = Math.imul(h ^ ((cur[last] ?? 0) & this.lastMask), 0x9e3779b1);
    for (let i = 0; i < gw; i++) h = Math.imul(h ^ (cur[g0 + i] ?? 0), 0x9e3779b1);
    h = Math.imul(h ^ access, 0x9e3779b1);
    h ^= h >>> 15;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    const table = this.table;
    let slot = (h - 1) & this.slotMask;
    this.pendingSlot = -1;
    for (;;) {
      slot = (slot + 1) & this.slotMask; // stepped on every call (see packedStore.ts)
      const e1 = table[slot] ?? 0;
      if (e1 === 0) break;
      const e = e1 - 1;
      if (this.hashes[e] !== h || this.keys[e * kw + kw - 1] !== access || !this.same(this.keys, e * kw, cur))
        continue;
      return this.dontMatchNext || this.same(this.nexts, e * this.nw, next) ? e : -1;
    }
    if (this.count === ENTRIES) return -1;
    // written into the next free entry now: the successor's words before the judge advances its ghosts
    const e = this.count;
    this.write(this.keys, e * kw, cur);
    this.keys[e * kw + kw - 1] = access;
    this.write(this.nexts, e * this.nw, next);
    this.pendingSlot = slot;
    this.pendingHash = h;
    return -1;
  }

  /** Keeps the judge's verdict `bits` and the ghosts it left in `next` for the step the last {@link find} missed. */
  remember(next: Int32Array, bits: number): void {
    const slot = this.pendingSlot;
    if (slot < 0) return;
    this.pendingSlot = -1;
    const e = this.count;
    const { gw, g0 } = this;
    for (let i = 0; i < gw; i++) this.outs[e * gw + i] = next[g0 + i] ?? 0;
    this.verdicts[e] = bits;
    this.hashes[e] = this.pendingHash;
    this.table[slot] = e + 1;
    this.count = e + 1;
  }

  /** The verdict of entry `e`, its ghosts written into `next`. */
  answer(e: number, next: Int32Array): number {
    const { gw, g0 } = this;
    for (let i = 0; i < gw; i++) next[g0 + i] = this.outs[e * gw + i] ?? 0;
    this.hits++;
    return this.verdicts[e] ?? 0;
  }
}
