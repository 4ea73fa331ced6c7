/** A deterministic pseudo-random sequence of unsigned 32-bit numbers (xorshift32), for tests that want many varied inputs without fast-check's shrinking. */
export function numbers(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}
