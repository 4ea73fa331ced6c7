/**
 * A packed state's key squeezed into the fewest 32-bit words: each byte of the state (a layout of
 * fixed byte fields, stored as 32-bit words) is given as many bits as its largest value needs, the
 * fields laid end to end. The packing and unpacking are straight-line code generated once per
 * layout (`new Function`, every shift and mask a literal constant): V8 compiles them to a few
 * instructions per field, where the same work read from tables of shifts and masks measured slower
 * than the byte store it replaced (docs/exploration.md, the controller engine).
 *
 * A byte above its field's bits would be truncated, so the packer reports it instead (every pack
 * tests the bits outside the fields, word by word); a byte above its bound but within its bits
 * is packed exactly and refused by {@link ByteKeyPacker.refuseOutOfBounds}, which a store calls
 * on each state it has not seen before (a state equal to a stored one has its bytes).
 */

/** One byte field's bits: from bit `from` of source word `word`, `bits` of them, to bit `to` of the key. */
interface Piece {
  readonly word: number;
  readonly from: number;
  readonly bits: number;
  readonly to: number;
}

/** Packs the source words `w` into `key`; returns the bits of `w` outside every field (0: packed exactly). */
export type PackFn = (w: Int32Array, key: Int32Array) => number;
/** Writes into `w` the source words of the key at `at` of `keys`. */
export type UnpackFn = (keys: Int32Array, at: number, w: Int32Array) => void;

/** The literal for the 32-bit pattern `v` (as a signed int, so V8 reads it as a small integer). */
const lit = (v: number): string => String(v | 0);

/** A mask of the low `bits` bits (bits ≤ 32). */
const maskOf = (bits: number): number => (bits >= 32 ? -1 : (1 << bits) - 1);

/** {@link maskOf} as a literal. */
const low = (bits: number): string => lit(maskOf(bits));

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
function piecesOf(bounds: readonly number[]): Piece[] {
  const out: Piece[] = [];
  let to = 0;
  let run: { word: number; from: number; bits: number } | null = null;
  const flush = (): void => {
    if (run === null) return;
    let { from, bits } = run;
    while (bits > 0) {
      const room = 32 - (to & 31);
      const take = Math.min(room, bits);
      out.push({ word: run.word, from, bits: take, to });
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
    this.bits = pieces.reduce((n, p) => n + p.bits, 0);
    this.keyWords = Math.max(1, Math.ceil(this.bits / 32));
    this.inexact = Int32Array.from(bounds.flatMap((v, b) => (v > 0 && v !== 2 ** bitsFor(v) - 1 ? [b] : [])));
    this.pack = new Function('w', 'key', packSource(pieces, this.stateWords, this.keyWords)) as PackFn;
    this.unpack = new Function(
      'keys',
      'at',
      'w',
      unpackSource(pieces, this.stateWords, this.keyWords),
    ) as UnpackFn;
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

/** The body of {@link PackFn} for `pieces`: each key word one expression of constant shifts and masks. */
function packSource(pieces: readonly Piece[], stateWords: number, keyWords: number): string {
  const lines: string[] = [];
  const covered = new Array<number>(stateWords).fill(0);
  for (const p of pieces) covered[p.word] = (covered[p.word] ?? 0) | (maskOf(p.bits) << p.from);
  for (let i = 0; i < stateWords; i++) lines.push(`const w${i} = w[${i}] | 0;`);
  for (let j = 0; j < keyWords; j++) {
    const terms = pieces
      .filter((p) => p.to >> 5 === j)
      .map((p) => {
        const src = p.from === 0 ? `w${p.word}` : `(w${p.word} >>> ${p.from})`;
        const field = p.from + p.bits === 32 ? src : `(${src} & ${low(p.bits)})`;
        return (p.to & 31) === 0 ? field : `(${field} << ${p.to & 31})`;
      });
    lines.push(`key[${j}] = ${terms.length === 0 ? '0' : terms.join(' | ')};`);
  }
  const outside = covered.map((c, i) => `(w${i} & ${lit(~c)})`);
  lines.push(`return ${outside.join(' | ')};`);
  return lines.join('\n');
}

/** The body of {@link UnpackFn} for `pieces`: each source word one expression of constant shifts and masks. */
function unpackSource(pieces: readonly Piece[], stateWords: number, keyWords: number): string {
  const lines: string[] = [];
  for (let j = 0; j < keyWords; j++) lines.push(`const k${j} = keys[at + ${j}] | 0;`);
  for (let i = 0; i < stateWords; i++) {
    const terms = pieces
      .filter((p) => p.word === i)
      .map((p) => {
        const at = p.to & 31;
        const src = at === 0 ? `k${p.to >> 5}` : `(k${p.to >> 5} >>> ${at})`;
        const field = at + p.bits === 32 ? src : `(${src} & ${low(p.bits)})`;
        return p.from === 0 ? field : `(${field} << ${p.from})`;
      });
    lines.push(`w[${i}] = ${terms.length === 0 ? '0' : terms.join(' | ')};`);
  }
  return lines.join('\n');
}
