/**
 * A packed state's key squeezed into the fewest 32-bit words by field: given, per word of the
 * state, the bits any reachable state may set (a mask computed from the configuration's ranges),
 * the runs of those bits are laid end to end, so a key is exactly as long as the fields' bits
 * (byteKeyPacker.ts gives every byte its own bits, so a field of two bits in a byte of its own
 * costs a byte's bound: 39 bits against 30 on the UIPI two-slot row). Where the last key word has
 * bits to spare, the smallest gaps between two runs of one word are kept as holes (always zero)
 * instead, so fewer pieces are shifted into place. Packing is straight-line code generated once
 * per layout (pieceCode.ts), a few instructions per run, with no chain of multiplies (a one-word
 * key hashes with one).
 *
 * A state with a bit outside its word's mask would alias another state's key, so every pack
 * returns those bits (0: packed exactly) and the caller refuses the state.
 */

import { type KeyPiece, type PackFn, pieceCode, type UnpackFn } from './pieceCode.ts';

/** The number of set bits of a word. */
function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/** The runs of consecutive set bits of `m`, lowest first: [first bit, length]. */
function runsOf(m: number): [number, number][] {
  const out: [number, number][] = [];
  for (let b = 0; b < 32; ) {
    if (((m >>> b) & 1) === 0) {
      b++;
      continue;
    }
    let e = b;
    while (e < 32 && ((m >>> e) & 1) === 1) e++;
    out.push([b, e - b]);
    b = e;
  }
  return out;
}

/** The bits from `from`, `span` of them, of `m`, shifted down to bit 0. */
const window = (m: number, from: number, span: number): number =>
  (m >>> from) & (span >= 32 ? -1 : (1 << span) - 1);

/**
 * The pieces of `masks`: each word's runs, the smallest gaps between runs of one word bridged
 * while the key keeps its number of words, laid end to end; a piece crossing a key word is split.
 */
function piecesOf(masks: readonly number[], keyWords: number, bits: number, free: number): KeyPiece[] {
  let spare = 32 * keyWords - bits - free;
  // per word, its runs as [from, span]: a span bridged over a gap keeps the gap's bits as zero holes
  const spans = masks.map((m) => runsOf(m));
  for (;;) {
    let best: { word: number; i: number; gap: number } | null = null;
    for (const [word, rs] of spans.entries())
      for (let i = 0; i + 1 < rs.length; i++) {
        const a = rs[i];
        const b = rs[i + 1];
        if (a === undefined || b === undefined) continue;
        const gap = b[0] - (a[0] + a[1]);
        if (gap <= spare && (best === null || gap < best.gap)) best = { word, i, gap };
      }
    if (best === null) break;
    const rs = spans[best.word] ?? [];
    const a = rs[best.i];
    const b = rs[best.i + 1];
    if (a === undefined || b === undefined) break;
    rs.splice(best.i, 2, [a[0], b[0] + b[1] - a[0]]);
    spare -= best.gap;
  }
  const out: KeyPiece[] = [];
  let to = 0;
  for (const [word, rs] of spans.entries()) {
    const m = masks[word] ?? 0;
    for (const [from0, span0] of rs) {
      let from = from0;
      let span = span0;
      while (span > 0) {
        const take = Math.min(32 - (to & 31), span);
        out.push({ word, from, mask: window(m, from, take), to });
        to += take;
        from += take;
        span -= take;
      }
    }
  }
  return out;
}

/** The packer of one layout's masks: its key's length and its generated code (see above). */
export class FieldKeyPacker {
  /** Bits of the masks, and the words of a packed key. */
  readonly bits: number;
  readonly keyWords: number;
  /** Words of the unpacked state. */
  readonly stateWords: number;
  /** The bits of a key of `masks`. */
  static bitsOf(masks: readonly number[]): number {
    return masks.reduce((n, m) => n + popcount(m), 0);
  }

  /** Packs a state; nonzero: some bit outside the masks is set (the state cannot be keyed). */
  readonly pack: PackFn;
  /** The state of a packed key (tests: packing is one to one). */
  readonly unpack: UnpackFn;

  /**
   * `masks`: per word of the state, the bits a state may set; `free`: bits at the top of the key's
   * last word to leave unused (at most what the key's bits leave there), for the caller's own.
   */
  constructor(masks: readonly number[], free = 0) {
    this.stateWords = masks.length;
    this.bits = FieldKeyPacker.bitsOf(masks);
    this.keyWords = Math.max(1, Math.ceil(this.bits / 32));
    if (free > 32 * this.keyWords - this.bits)
      throw new Error(`field key: ${free} free bits do not fit beside ${this.bits} bits`);
    const code = pieceCode(piecesOf(masks, this.keyWords, this.bits, free), masks.length, this.keyWords);
    this.pack = code.pack;
    this.unpack = code.unpack;
  }
}
