/**
 * The register map of the ATS-INTC RTL (upstream ats-intc-chisel/ATSINTC.scala:82-97) as the
 * variant elaborates it with the configuration's P and D: what one 64-bit access reaches.
 */
import type { Config } from '../../model/config/config.ts';

/** Offsets from the device's base. */
const ATSINTC_MAP = {
  /** ATSINTC.scala:15, :33: the device answers a 16 MiB window. */
  windowBytes: 0x100_0000n,
  /** ATSINTC.scala:82: DEQUEUE, a `RegField.r` on the queue's dequeue port. */
  dequeue: 0x00,
  /** ATSINTC.scala:83-85: ENQUEUE_k at 0x08 + 8k, k < numPrio, each a `RegField.w`. */
  enqueue: 0x08,
  /** ATSINTC.scala:93-95: IRQ_REGISTER_d at 0x900 + 8d, d < nDevices, each a `RegField.w`. */
  register: 0x900,
  /** ATSINTC.scala:86-92: the simulated interrupt of line d at 0x200000 + 8d, d < nDevices. */
  pulse: 0x20_0000,
} as const;

/** Where one access lands. */
export type AtsIntcRegister =
  /**
   * No register: outside the window, not 8-byte aligned, another page, or an index the RTL was
   * not elaborated with: the register router reads 0 and ignores the write.
   */
  | { readonly kind: 'none' }
  | { readonly kind: 'dequeue' }
  | { readonly kind: 'enqueue'; readonly prio: number }
  | { readonly kind: 'register'; readonly line: number }
  | { readonly kind: 'pulse'; readonly line: number };

const NONE: AtsIntcRegister = Object.freeze({ kind: 'none' });
const DEQUEUE: AtsIntcRegister = Object.freeze({ kind: 'dequeue' });

/** The register `addr` reaches (the same for a read and a write: the device decides what each does). */
export function decodeAtsIntc(cfg: Config, addr: bigint): AtsIntcRegister {
  const rel = addr - cfg.base;
  // Reading: the suite's accesses are all 64-bit; an unaligned one (TileLink cannot carry it) reads 0.
  if (rel < 0n || rel >= ATSINTC_MAP.windowBytes || (rel & 7n) !== 0n) return NONE;
  const off = Number(rel);
  const index = (from: number, count: number): number => {
    const i = (off - from) / 8;
    return off >= from && i < count ? i : -1;
  };
  if (off === ATSINTC_MAP.dequeue) return DEQUEUE;
  const prio = index(ATSINTC_MAP.enqueue, cfg.priorities);
  if (prio >= 0) return { kind: 'enqueue', prio };
  const line = index(ATSINTC_MAP.register, cfg.devices);
  if (line >= 0) return { kind: 'register', line };
  const pulsed = index(ATSINTC_MAP.pulse, cfg.devices);
  if (pulsed >= 0) return { kind: 'pulse', line: pulsed };
  return NONE;
}
