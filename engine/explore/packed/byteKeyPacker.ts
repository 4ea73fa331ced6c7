/**
 * A packed state's key squeezed into the fewest 32-bit words: each byte of the state (a layout of
 * fixed byte fields, stored as 32-bit words) is given as many bits as its largest value needs, the
 * fields laid end to end. The packing and unpacking are straight-line code generated once per
 * layout (pieceCode.ts).
 *
 * A byte above its field's bits would be truncated, so the packer reports it instead (every pack
 * tests the bits outside the fields, word by word); a byte above its bound but within its bits
 * is packed exactly and refused by {@link ByteKeyPacker.refuseOutOfBounds}, which a store calls
 * on each state it has not seen before (a state equal to a stored one has its bytes).
 */

import { type KeyPiece, maskOf, type PackFn, pieceCode, type UnpackFn } from './pieceCode.ts';

/** Whether this machine's typed arrays are little-endian (byte b of a word is bits 8b..8b+7). */
function littleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

/** The bits a byte of largest value `bound` needs (0 for a byte always zero). */
function bitsFor(bound: number): number {
  return 32 - Math.clz32(bound);
}

/**
 * The fields of a state of `bounds.length` bytes (a multiple of 4): per byte, its bits at the next
 * free bit of the key; a run of bytes of one source word whose earlier bytes take all 8 bits is one
 * piece (contiguous in both). A piece crossing a key word is split in two.
 */
function piecesOf(bounds: readonly number[]): KeyPiece[] {
  const out: KeyPiece[] = [];
  let to = 0;
  let run: { word: number; from: number; bits: number } | null = null;
  const flush = (): void => {
    if (run === null) return;
    let { from, bits } = run;
    while (bits > 0) {
      const room = 32 - (to & 31);
      const take = Math.min(room, bits);
      out.push({ word: run.word, from, mask: maskOf(take), to });
      to += take;
      from += take;
      bits -= take;
    }
    run = null;
  };
  for (let b = 0; b < bounds.length; b++) {
    const bits = bitsFor(bounds[b] ?? 0);
    const word = b >> 2;
    const from = 8 * (b & 3);
    // a byte joins the run when it is the next byte of the same word and the run's bytes fill 8 bits each
    if (run !== null && run.word === word && run.from + run.bits === from && run.bits % 8 === 0 && bits > 0)
      run.bits += bits;
    else {
      flush();
      if (bits > 0) run = { word, from, bits };
    }
  }
  flush();
  return out;
}

/** The packer of one layout: its key's length and its generated code (see above). */
export class ByteKeyPacker {
  /** Bits of a packed key, and its words. */
  readonly bits: number;
  readonly keyWords: number;
  /** Words of the unpacked state. */
  readonly stateWords: number;
  /** Packs a state; nonzero: some byte is above its field's bits ({@link refuseTruncated}). */
  readonly pack: PackFn;
  readonly unpack: UnpackFn;
  private readonly bounds: readonly number[];
  private readonly nameOf: (byte: number) => string;
  /** The bytes whose bound is below their bits' largest value: the ones {@link refuseOutOfBounds} reads. */
  private readonly inexact: Int32Array;

  /**
   * `bounds`: per byte of the state, its largest value (0 for padding); `nameOf` names a byte in
   * an error. Use {@link ByteKeyPacker.of}, which declines a machine that is not little-endian.
   */
  private constructor(bounds: readonly number[], nameOf: (byte: number) => string) {
    if (bounds.length % 4 !== 0) throw new Error(`byte key: ${bounds.length} bytes are no whole words`);
    for (const [b, v] of bounds.entries())
      if (!Number.isInteger(v) || v < 0 || v > 255)
        throw new Error(`byte key: the bound ${v} of ${nameOf(b)} is not a byte`);
    this.bounds = bounds;
    this.nameOf = nameOf;
    this.stateWords = bounds.length >> 2;
    const pieces = piecesOf(bounds);
    this.bits = pieces.reduce((n, p) => n + 32 - Math.clz32(p.mask), 0);
    this.keyWords = Math.max(1, Math.ceil(this.bits / 32));
    this.inexact = Int32Array.from(bounds.flatMap((v, b) => (v > 0 && v !== 2 ** bitsFor(v) - 1 ? [b] : [])));
    const code = pieceCode(pieces, this.stateWords, this.keyWords);
    this.pack = code.pack;
    this.unpack = code.unpack;
  }

  /** The packer of `bounds` (see the constructor), or null on a big-endian machine (its byte fields lie elsewhere). */
  static of(bounds: readonly number[], nameOf: (byte: number) => string): ByteKeyPacker | null {
    return littleEndian() ? new ByteKeyPacker(bounds, nameOf) : null;
  }

  /** The byte of the state `w` at `b`. */
  private byteAt(w: Int32Array, b: number): number {
    return ((w[b >> 2] ?? 0) >>> (8 * (b & 3))) & 255;
  }

  /** Throws naming the first byte of `w` above its field's bits (a {@link pack} that returned nonzero). */
  refuseTruncated(w: Int32Array): never {
    for (let b = 0; b < this.bounds.length; b++) {
      const v = this.byteAt(w, b);
      const bound = this.bounds[b] ?? 0;
      if (v > 2 ** bitsFor(bound) - 1)
        throw new Error(`byte key: ${this.nameOf(b)} (byte ${b}) = ${v} is above its bound ${bound}`);
    }
    throw new Error('byte key: a pack reported bits outside its fields but no byte is above its bound');
  }

  /** Throws naming the first byte of `w` above its bound (packed exactly, but outside the layout's bounds). */
  refuseOutOfBounds(w: Int32Array): void {
    const inexact = this.inexact;
    for (let i = 0; i < inexact.length; i++) {
      const b = inexact[i] ?? 0;
      const v = this.byteAt(w, b);
      const bound = this.bounds[b] ?? 0;
      if (v > bound)
        throw new Error(`byte key: ${this.nameOf(b)} (byte ${b}) = ${v} is above its bound ${bound}`);
    }
  }
}
