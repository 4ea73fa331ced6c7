/**
 * Physical memory as 64-bit words (8-byte aligned addresses), with the address map of the
 * implementation: receiver r's UPID at UPID_BASE + 64·r, sender s's UITT at UITT_BASE + 4 KiB·s
 * (entry i at +16·i). Unwritten words read 0.
 */

export const UPID_BASE = 0x10_0000n;
export const UITT_BASE = 0x20_0000n;

export const upidAddr = (r: number): bigint => UPID_BASE + 64n * BigInt(r);
export const uittEntryAddr = (s: number, i: number): bigint =>
  UITT_BASE + 0x1000n * BigInt(s) + 16n * BigInt(i);

/** Word-addressed memory (keyed by the address as a number: every address here is far below 2^53). */
export class Memory {
  private readonly words = new Map<number, bigint>();

  read(addr: bigint): bigint {
    return this.words.get(Number(addr)) ?? 0n;
  }

  write(addr: bigint, value: bigint): void {
    this.words.set(Number(addr), BigInt.asUintN(64, value));
  }

  /** A locked exchange: returns the old word and stores `value` in one step. */
  xchg(addr: bigint, value: bigint): bigint {
    const old = this.read(addr);
    this.write(addr, value);
    return old;
  }
}
