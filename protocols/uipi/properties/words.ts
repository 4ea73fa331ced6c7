/** Domain words for UIPI messages: vector masks as lists. */

/** `{0, 2}` for mask 0b101. */
export function vectors(mask: bigint): string {
  const out: number[] = [];
  for (let v = 0, m = mask; m > 0n; v++, m >>= 1n) if ((m & 1n) === 1n) out.push(v);
  return `{${out.join(', ')}}`;
}
