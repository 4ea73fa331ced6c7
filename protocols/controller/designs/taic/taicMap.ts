/**
 * TAIC's register map and constants (taic.md *Parameters*, *Pages*, *Error register*): the
 * control page at `base`, one page per local queue (LQ) at `base + 0x1000 + (g·8 + l)·0x1000`,
 * 64-bit registers. Citations use taic.md's keys ([T] TAIC.scala, [Q] Queue.scala, …).
 */

/** Global queues (GQs) [T:16]. */
export const GQ_NUM = 4;
/** Local queues per GQ [T:17]. */
export const LQ_NUM = 8;
/** Send and receive capability slots per GQ [T:22]. */
export const SOFTINTR_NUM = 6;
/** The first LQ page, and the size of every page [T:20-21]. */
export const LQ_BASE = 0x1000n;
export const PAGE = 0x1000n;
/** The 64-bit mask: every TAIC register is 64 bits wide [T:19]. */
export const MASK64 = (1n << 64n) - 1n;
export const MASK32 = (1n << 32n) - 1n;

/** Control-page offsets [T:112-115,145-150]. */
export const CTL = { alq: 0x00, flq: 0x08, simExtint: 0x10 } as const;

/** LQ-page offsets [T:116-144]. */
export const LQ_REG = {
  taskEnqueue: 0x00,
  taskDequeue: 0x08,
  error: 0x10,
  registerSender: 0x18,
  cancelSender: 0x20,
  registerReceiver: 0x28,
  sendIntr: 0x30,
  whart: 0x38,
  registerExtint: 0x40,
} as const;

/** A GQ's error bits [Q:6-13]. */
export const GQ_ERR = { queueFull: 1, notInit: 2, noSendPerm: 4, noRecvPerm: 8, noLq: 16 } as const;

/** The address of LQ l of GQ g's page (TD lib.rs:31-33; cd:49). */
export function lqPage(base: bigint, g: number, l: number): bigint {
  return base + LQ_BASE + BigInt(g * LQ_NUM + l) * PAGE;
}

/** ⌈log2 n⌉, Chisel's `log2Ceil` (0 for n = 1). */
export function log2Ceil(n: number): number {
  let w = 0;
  while (1 << w < n) w++;
  return w;
}
