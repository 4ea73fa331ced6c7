/**
 * The UPID's architectural layout (research §1.3): 16 bytes as two 64-bit words. Word 0: ON
 * bit 0, SN bit 1, bits 15:2 reserved, NV bits 23:16, bits 31:24 reserved, NDST bits 63:32
 * (x2APIC: the whole APIC id). Word 1: PIR, bit v for user vector v.
 */

export const ON_BIT = 1n;
export const SN_BIT = 2n;
const NV_SHIFT = 16n;
const NDST_SHIFT = 32n;
const BYTE = 0xffn;
const WORD32 = 0xffff_ffffn;
/** Bits 15:2 and 31:24 of word 0: must be 0 (SENDUIPI takes #GP otherwise). */
export const UPID_RESERVED = 0xfffcn | (0xffn << 24n);

/** Word 0 from its fields. */
export function upidWord0(on: boolean, sn: boolean, nv: number, ndst: number): bigint {
  return (
    (on ? ON_BIT : 0n) |
    (sn ? SN_BIT : 0n) |
    ((BigInt(nv) & BYTE) << NV_SHIFT) |
    ((BigInt(ndst) & WORD32) << NDST_SHIFT)
  );
}
export const upidOn = (w0: bigint): boolean => (w0 & ON_BIT) !== 0n;
export const upidSn = (w0: bigint): boolean => (w0 & SN_BIT) !== 0n;
export const upidNv = (w0: bigint): number => Number((w0 >> NV_SHIFT) & BYTE);
export const upidNdst = (w0: bigint): number => Number((w0 >> NDST_SHIFT) & WORD32);
/** Word 0 with NV replaced. */
export const withNv = (w0: bigint, nv: number): bigint =>
  (w0 & ~(BYTE << NV_SHIFT)) | ((BigInt(nv) & BYTE) << NV_SHIFT);
/** Word 0 with NDST replaced. */
export const withNdst = (w0: bigint, ndst: number): bigint =>
  (w0 & ~(WORD32 << NDST_SHIFT)) | ((BigInt(ndst) & WORD32) << NDST_SHIFT);

/** IA32_UINTR_MISC (research §1.2): bits 31:0 UITTSZ, 39:32 UINV; bit 63 holds UIF in the XSAVE image. */
export const MISC_UIF = 1n << 63n;
export const miscUinv = (misc: bigint): number => Number((misc >> 32n) & BYTE);
export const miscWithUinv = (misc: bigint, uinv: number): bigint =>
  (misc & ~(BYTE << 32n)) | ((BigInt(uinv) & BYTE) << 32n);
