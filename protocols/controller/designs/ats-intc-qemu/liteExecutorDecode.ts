/**
 * Address decoding of the ATS-INTC QEMU model ("lite executor", research/ats-intc.md §2.2,
 * spec/controller.md §7): which page and register an access reaches, before the device applies
 * its own rules (what it asserts on, what it ignores). Offsets follow the reference map.
 */
import type { Config } from '../../model/config/config.ts';
import { OFFSET, PAGE_SIZE } from '../../model/registers.ts';

/** The QEMU model's fixed array sizes; an index at or above them trips an `assert` (an abort). */
export const LITE_LIMITS = {
  /** `MAX_TASK_QUEUE`: ready FIFOs per process; ENQUEUE_k with k ≥ 8 asserts. */
  priorities: 8,
  /** `MAX_PROCESS`: status-table entries; a page ≥ 16 asserts. */
  pages: 16,
  /** `MAX_EXTERNAL_INTR`: waiter FIFOs per process; IRQ_REGISTER_d or line d ≥ 16 asserts. */
  devices: 16,
  /** Processes 0–3 are forced online at realize and nothing ever changes that. */
  onlineProcesses: 4,
  /** The MMIO window: 4096 pages of 4 KiB. */
  windowBytes: 0x100_0000n,
} as const;

/** The register families of one QEMU process page. */
export type LiteRegister =
  /** 0x000: `ps_pop` on read; a write is logged and ignored. */
  | 'DEQUEUE'
  /** 0x008 + 8k (k ≤ 254): append to ready FIFO k on write (k ≥ 8 asserts). */
  | 'ENQUEUE'
  /** 0x800–0x8F8 (IPC_SEND, IPC_REGISTER_t): logged only, IPC is not implemented. */
  | 'IPC'
  /** 0x900 + 8d: append to waiter FIFO d on write (d ≥ 16 asserts). */
  | 'EIH'
  /** 0xF00 / 0xF08 (the reference's ERROR and STATUS): no such register, reads 0, writes ignored. */
  | 'NONE';

/** Where an access lands in the QEMU model. */
export type LiteTarget =
  /** Never reaches the device: outside its window or not 8-byte aligned (QEMU's memory core refuses it). */
  | { readonly kind: 'unrouted' }
  /** A page ≥ 16: `assert(process_index < MAX_PROCESS)` fails. */
  | { readonly kind: 'badPage'; readonly page: number }
  /** A page whose process is not online (≥ 4) or not in this configuration: reads 0, drops writes. */
  | { readonly kind: 'offline'; readonly p: number }
  /** A register of an online process page. */
  | { readonly kind: 'register'; readonly p: number; readonly reg: LiteRegister; readonly index: number };

const UNROUTED: LiteTarget = Object.freeze({ kind: 'unrouted' });

/** The number of processes of `cfg` that the QEMU model keeps online (0–3, as far as N allows). */
export function liteOnlineCount(cfg: Config): number {
  return Math.min(cfg.processes, LITE_LIMITS.onlineProcesses);
}

/**
 * Decodes `addr` in the order the QEMU callbacks check it: the page bound (assert) first, then
 * the process's online bit, then the offset. The configuration only says where the window
 * starts and how many processes exist; every other limit is QEMU's own.
 */
export function decodeLiteExecutor(cfg: Config, addr: bigint): LiteTarget {
  const rel = addr - cfg.base;
  if (rel < 0n || rel >= LITE_LIMITS.windowBytes || (rel & 7n) !== 0n) return UNROUTED;
  const page = Number(rel / PAGE_SIZE);
  if (page >= LITE_LIMITS.pages) return { kind: 'badPage', page };
  if (page >= liteOnlineCount(cfg)) return { kind: 'offline', p: page };
  const off = Number(rel % PAGE_SIZE);
  const at = (reg: LiteRegister, index: number): LiteTarget => ({ kind: 'register', p: page, reg, index });
  if (off === OFFSET.DEQUEUE) return at('DEQUEUE', 0);
  if (off < OFFSET.IPC_SEND) return at('ENQUEUE', (off - OFFSET.ENQUEUE) / 8);
  if (off < OFFSET.IRQ_REGISTER) return at('IPC', 0);
  if (off === OFFSET.ERROR || off === OFFSET.STATUS) return at('NONE', 0);
  return at('EIH', (off - OFFSET.IRQ_REGISTER) / 8);
}
