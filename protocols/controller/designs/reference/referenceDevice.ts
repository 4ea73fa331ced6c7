/**
 * The reference controller (spec/controller.md §3–§5, §8) as a hardware designer would build it:
 * a bus decoder in front of a {@link QueueEngine}. It shares no code with the model's step; only
 * `abs()` speaks the model's language, so the two can be compared access by access. Given a
 * {@link ControllerMutation}, it is that mutant instead (impl/mutants).
 */
import type { Config } from '../../model/config/config.ts';
import { OFFSET, PAGE_SIZE } from '../../model/registers.ts';
import { ACK, type Observation } from '../../model/result.ts';
import type { ControllerState } from '../../model/state.ts';
import type { ControllerMutation } from '../../mutants/mutation.ts';
import type { ControllerDevice } from '../device.ts';
import { QueueEngine, ZERO } from './queueEngine.ts';

/** Mask of the offset inside a page-relative address. */
const OFFSET_MASK = Number(PAGE_SIZE) - 1;
/** log2 of the page size: the page number is the relative address shifted by it. */
const PAGE_SHIFT = 12;
/** Low 32 bits of IPC_SEND data: the target process. */
const LOW32 = 0xffff_ffffn;

/** The reference design: the §4 register map decoded without allocating, one engine step per access. */
export class ReferenceDevice implements ControllerDevice {
  private readonly cfg: Config;
  private readonly engine: QueueEngine;
  /** Bytes of MMIO space: N pages from `base`. */
  private readonly span: bigint;
  /** The seeded bug, or undefined for the reference design. */
  private readonly mutation: ControllerMutation | undefined;

  /** The design at reset; given `engine` (its own, never shared), a device in that engine's state. */
  constructor(cfg: Config, mutation?: ControllerMutation, engine?: QueueEngine) {
    this.cfg = cfg;
    this.mutation = mutation;
    this.engine = engine ?? new QueueEngine(cfg, mutation);
    this.span = BigInt(cfg.processes) * PAGE_SIZE;
  }

  /** An independent copy of this device in its current state (ControllerDevice.copy, for the explorer). */
  copy(): ReferenceDevice {
    return new ReferenceDevice(this.cfg, this.mutation, this.engine.copy());
  }

  /** A 64-bit MMIO read: DEQUEUE, ERROR (read-to-clear) or STATUS; anything else is wrong. */
  read(addr: bigint): Observation {
    const rel = this.locate(addr);
    if (rel < 0) return this.engine.badAccess(ZERO);
    const p = rel >>> PAGE_SHIFT;
    const off = rel & OFFSET_MASK;
    if (off === OFFSET.DEQUEUE) return this.engine.dequeue(p);
    if (off === OFFSET.ERROR) return this.engine.readError();
    if (off === OFFSET.STATUS) return this.engine.readStatus(p);
    return this.engine.badAccess(ZERO);
  }

  /** A 64-bit MMIO write, decoded by offset range exactly as the §4 register map lays it out. */
  write(addr: bigint, data: bigint): Observation {
    const rel = this.locate(addr);
    const e = this.engine;
    if (rel < 0) return e.badAccess(ACK);
    const p = rel >>> PAGE_SHIFT;
    const off = rel & OFFSET_MASK;
    const cfg = this.cfg;
    if (off === OFFSET.STATUS) return e.writeStatus(p, data);
    if (off === OFFSET.DEQUEUE || off === OFFSET.ERROR)
      // read-only-write-accepted: the write completes as if the register were writable, and does nothing.
      return this.mutation === 'read-only-write-accepted' ? ACK : e.badAccess(ACK);
    if (off < OFFSET.IPC_SEND) {
      const k = (off - OFFSET.ENQUEUE) >>> 3;
      if (k < cfg.priorities) return e.enqueue(p, k, data);
      // priority-index-wraps: the decoder keeps only the index modulo P instead of refusing it.
      return this.mutation === 'priority-index-wraps'
        ? e.enqueue(p, k % cfg.priorities, data)
        : e.badAccess(ACK);
    }
    if (off === OFFSET.IPC_SEND) return e.send(p, Number(data >> 32n), Number(data & LOW32));
    if (off < OFFSET.IRQ_REGISTER) {
      const t = (off - OFFSET.IPC_REGISTER) >>> 3;
      return t < cfg.ipcTypes ? e.ipcRegister(p, t, data) : e.badAccess(ACK);
    }
    if (off < OFFSET.ERROR) {
      const d = (off - OFFSET.IRQ_REGISTER) >>> 3;
      return d < cfg.devices ? e.irqRegister(p, d, data) : e.badAccess(ACK);
    }
    return e.badAccess(ACK); // 0xF10..0xFF8: unmapped
  }

  /** An edge on interrupt line `line`; a line ≥ D is not wired to anything and changes nothing. */
  irq(line: number): Observation {
    if (!Number.isInteger(line) || line < 0 || line >= this.cfg.devices) return ACK;
    return this.engine.interrupt(line);
  }

  /** The abstraction function (spec §6): the engine's storage as the model's §3 state. */
  abs(): ControllerState {
    return this.engine.abs();
  }

  /** State outside abs(): the `empty-returns-stale` mutant's output register (explorer keys). */
  hiddenState(): string {
    return this.engine.hiddenState();
  }

  /** The occupancy counter of p, for tests. */
  occupancyOf(p: number): number {
    return this.engine.occupancyOf(p);
  }

  /** The page-relative address (page << 12 | offset) of an aligned in-range access, else -1. */
  private locate(addr: bigint): number {
    const rel = addr - this.cfg.base;
    if (rel < 0n || rel >= this.span) return -1;
    const r = Number(rel); // below 4096 pages × 4 KiB: exact as a number
    return (r & 7) === 0 ? r : -1;
  }
}
