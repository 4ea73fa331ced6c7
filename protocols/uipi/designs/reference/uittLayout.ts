/**
 * A UITT entry's architectural layout (research §1.4): 128 bits as two 64-bit words. Word 0:
 * V bit 0, bits 7:1 reserved, UV bits 15:8 (0–63), bits 63:16 reserved. Word 1: the target
 * UPID's linear address (64-byte aligned).
 */

/** Word 0 of an entry. */
export function uittWord0(valid: boolean, uv: number): bigint {
  return (valid ? 1n : 0n) | (BigInt(uv & 0x3f) << 8n);
}
export const uittValid = (w0: bigint): boolean => (w0 & 1n) === 1n;
export const uittUv = (w0: bigint): number => Number((w0 >> 8n) & 0xffn);
/** Word 0 with V replaced. */
export const uittWithValid = (w0: bigint, valid: boolean): bigint => (w0 & ~1n) | (valid ? 1n : 0n);
/** Reserved bits of word 0 (7:1 and 63:16) plus UV bits 15:14. */
export const UITT_RESERVED = 0xfen | 0xc000n | (0xffff_ffff_ffffn << 16n);
