/**
 * A compact canonical state key: small non-negative integers packed one UTF-16 code unit each
 * into a string (two units plus an escape for values of 0xFFFF and above, three for 32-bit and
 * larger), so a Set of keys compares states by content without JSON.stringify. One builder is
 * reused for every key of an exploration (no allocation but the final string).
 */

/** The escape unit announcing a wide value (two 16-bit halves, or a bigint's decimal digits). */
const WIDE = 0xffff;
const BIG = 0xfffe;
const BIG_N = BigInt(BIG);

export class KeyBuilder {
  private buf = new Uint16Array(256);
  private len = 0;

  /** Starts a new key. */
  reset(): this {
    this.len = 0;
    return this;
  }

  /** Appends a whole number in 0..2^32-1 (a negative one as its 32-bit complement). */
  int(n: number): this {
    const v = n >>> 0;
    if (v < BIG) return this.unit(v);
    this.unit(WIDE);
    this.unit(v >>> 16);
    return this.unit(v & 0xffff);
  }

  /** Appends a boolean as 0 or 1. */
  bool(b: boolean): this {
    return this.unit(b ? 1 : 0);
  }

  /** Appends a 64-bit value (task ids, register data): small ones as one unit, others in 16-bit limbs. */
  big(t: bigint): this {
    if (t >= 0n && t < BIG_N) return this.unit(Number(t));
    this.unit(BIG);
    let x = BigInt.asUintN(64, t);
    for (let i = 0; i < 4; i++) {
      this.unit(Number(x & 0xffffn));
      x >>= 16n;
    }
    return this;
  }

  /** The key so far as units: the first {@link size} of this buffer (valid until the next append or reset). */
  get units(): Uint16Array {
    return this.buf;
  }

  /** Units in the key so far. */
  get size(): number {
    return this.len;
  }

  /** The key so far. */
  done(): string {
    const b = this.buf;
    const n = this.len;
    // fromCharCode over slices of ≤ 4096 units: no spread of a huge array.
    if (n <= 4096) return String.fromCharCode.apply(null, b.subarray(0, n) as unknown as number[]);
    let s = '';
    for (let i = 0; i < n; i += 4096)
      s += String.fromCharCode.apply(null, b.subarray(i, Math.min(n, i + 4096)) as unknown as number[]);
    return s;
  }

  private unit(u: number): this {
    if (this.len === this.buf.length) {
      const next = new Uint16Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.len++] = u;
    return this;
  }
}
