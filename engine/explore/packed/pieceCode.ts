/**
 * The generated code of a packed key's packer and unpacker (byteKeyPacker.ts, fieldKeyPacker.ts):
 * each piece of a state's word — its bits under a mask, from a bit of the word to a bit of the
 * key — becomes a literal shift and mask in straight-line code made once per layout (`new
 * Function`): V8 compiles it to a few instructions per piece, where the same work read from tables
 * of shifts and masks measured slower than the byte store it replaced (docs/exploration.md, the
 * controller engine). Packing also returns the state's bits outside every piece (0: packed
 * exactly), so a caller refuses a state its key would truncate.
 */

/** One piece: the bits `mask << from` of source word `word` (mask's bit 0 set), at bit `to` of the key. */
export interface KeyPiece {
  readonly word: number;
  readonly from: number;
  readonly mask: number;
  readonly to: number;
}

/** Packs the source words `w` into `key`; returns the bits of `w` outside every piece (0: packed exactly). */
export type PackFn = (w: Int32Array, key: Int32Array) => number;
/** Writes into `w` the source words of the key at `at` of `keys`. */
export type UnpackFn = (keys: Int32Array, at: number, w: Int32Array) => void;

/** The literal for the 32-bit pattern `v` (as a signed int, so V8 reads it as a small integer). */
const lit = (v: number): string => String(v | 0);

/** A mask of the low `bits` bits (bits ≤ 32). */
export const maskOf = (bits: number): number => (bits >= 32 ? -1 : (1 << bits) - 1);

/** `src` under `mask`, the mask left out when it keeps every bit `src` (shifted down by `shift`) can have. */
const masked = (src: string, mask: number, shift: number): string =>
  mask === maskOf(32 - shift) ? src : `(${src} & ${lit(mask)})`;

/** The packer and unpacker of `pieces` (see above), for states of `stateWords` and keys of `keyWords` words. */
export function pieceCode(
  pieces: readonly KeyPiece[],
  stateWords: number,
  keyWords: number,
): { readonly pack: PackFn; readonly unpack: UnpackFn } {
  return {
    pack: new Function('w', 'key', packSource(pieces, stateWords, keyWords)) as PackFn,
    unpack: new Function('keys', 'at', 'w', unpackSource(pieces, stateWords, keyWords)) as UnpackFn,
  };
}

/** The body of {@link PackFn} for `pieces`: each key word one expression of constant shifts and masks. */
function packSource(pieces: readonly KeyPiece[], stateWords: number, keyWords: number): string {
  const lines: string[] = [];
  const covered = new Array<number>(stateWords).fill(0);
  for (const p of pieces) covered[p.word] = (covered[p.word] ?? 0) | (p.mask << p.from);
  for (let i = 0; i < stateWords; i++) lines.push(`const w${i} = w[${i}] | 0;`);
  for (let j = 0; j < keyWords; j++) {
    const terms = pieces
      .filter((p) => p.to >> 5 === j)
      .map((p) => {
        const field = masked(p.from === 0 ? `w${p.word}` : `(w${p.word} >>> ${p.from})`, p.mask, p.from);
        return (p.to & 31) === 0 ? field : `(${field} << ${p.to & 31})`;
      });
    lines.push(`key[${j}] = ${terms.length === 0 ? '0' : terms.join(' | ')};`);
  }
  const outside = covered.map((c, i) => `(w${i} & ${lit(~c)})`);
  lines.push(`return ${outside.join(' | ')};`);
  return lines.join('\n');
}

/** The body of {@link UnpackFn} for `pieces`: each source word one expression of constant shifts and masks. */
function unpackSource(pieces: readonly KeyPiece[], stateWords: number, keyWords: number): string {
  const lines: string[] = [];
  for (let j = 0; j < keyWords; j++) lines.push(`const k${j} = keys[at + ${j}] | 0;`);
  for (let i = 0; i < stateWords; i++) {
    const terms = pieces
      .filter((p) => p.word === i)
      .map((p) => {
        const at = p.to & 31;
        const field = masked(at === 0 ? `k${p.to >> 5}` : `(k${p.to >> 5} >>> ${at})`, p.mask, at);
        return p.from === 0 ? field : `(${field} << ${p.from})`;
      });
    lines.push(`w[${i}] = ${terms.length === 0 ? '0' : terms.join(' | ')};`);
  }
  return lines.join('\n');
}
