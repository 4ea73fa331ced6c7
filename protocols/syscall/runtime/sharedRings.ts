/**
 * The shared-memory request rings of the syscall runtime (spec/controller.md §4.2): one ring of R
 * slots per process with free-running `head`/`tail` indices (io_uring style, research/uintr-
 * syscall.md §2.2). The runtime's coroutines read and write them directly (no MMIO). Given the
 * `ring-no-wraparound` mutation, occupancy is computed without the modular correction; given
 * `overwrite-slot`, a producer never finds the ring full.
 */
import type { Config } from '../../controller/model/config/config.ts';
import { FREE_SLOT, type Ring, type Slot } from '../model/state.ts';
import type { SyscallRuntimeMutation } from './mutation.ts';

interface MutRing {
  head: number;
  tail: number;
  slots: Slot[];
}

export class SharedRings {
  private readonly R: number;
  private readonly rings: MutRing[];
  private readonly mutation: SyscallRuntimeMutation | undefined;
  /** The last abs() of each ring (frozen), or undefined once the ring was written since. */
  private readonly cached: (Ring | undefined)[];

  /** Empty rings; given `from` (see {@link copy}), a copy of `from`'s rings instead. */
  constructor(cfg: Config, mutation: SyscallRuntimeMutation | undefined, from?: SharedRings) {
    this.R = cfg.ringSlots;
    this.mutation = mutation;
    if (from !== undefined) {
      this.rings = from.rings.map((r) => ({ head: r.head, tail: r.tail, slots: r.slots.slice() }));
      this.cached = from.cached.slice();
      return;
    }
    this.rings = Array.from({ length: cfg.processes }, () => ({
      head: 0,
      tail: 0,
      slots: new Array<Slot>(cfg.ringSlots).fill(FREE_SLOT),
    }));
    this.cached = new Array<Ring | undefined>(cfg.processes).fill(undefined);
  }

  /**
   * An independent copy of these rings (the explorer's branching). Slots are frozen when stored
   * and the cached abstractions are never modified once handed out, so both are shared.
   */
  copy(cfg: Config): SharedRings {
    return new SharedRings(cfg, this.mutation, this);
  }

  /** Slots in use in ring p, as this runtime computes it. */
  private occupied(r: MutRing): number {
    const R = this.R;
    if (this.mutation === 'ring-no-wraparound') return ((((r.tail % R) - (r.head % R)) % R) + R) % R;
    return r.tail - r.head;
  }

  /** The producer's check before writing (rule 5): the tail slot is free to take. */
  hasRoom(p: number): boolean {
    const r = this.rings[p];
    if (r === undefined) return false;
    return this.mutation === 'overwrite-slot' || this.occupied(r) < this.R;
  }

  /** Writes `slot` (frozen) into ring p's tail slot and advances the tail; the slot's index. */
  alloc(p: number, slot: Slot): number {
    const r = this.rings[p];
    if (r === undefined) return -1;
    const i = r.tail % this.R;
    r.slots[i] = Object.freeze(slot);
    r.tail++;
    this.cached[p] = undefined;
    return i;
  }

  /** Slot i of ring p. */
  slot(p: number, i: number): Slot | undefined {
    return this.rings[p]?.slots[i];
  }

  /** Slot `code` (`ring * R + index`). */
  at(code: number): Slot | undefined {
    return this.slot(Math.floor(code / this.R), code % this.R);
  }

  /** Overwrites slot i of ring p (with `slot` frozen). */
  set(p: number, i: number, slot: Slot): void {
    const r = this.rings[p];
    if (r !== undefined) r.slots[i] = Object.freeze(slot);
    this.cached[p] = undefined;
  }

  /** Overwrites slot `code`. */
  setAt(code: number, slot: Slot): void {
    this.set(Math.floor(code / this.R), code % this.R, slot);
  }

  /** Frees slot i of ring p; the head moves past every FREE slot at it. */
  free(p: number, i: number): void {
    const r = this.rings[p];
    if (r === undefined) return;
    r.slots[i] = FREE_SLOT;
    this.cached[p] = undefined;
    while (r.tail - r.head > 0 && r.slots[r.head % this.R]?.state === 'FREE') r.head++;
  }

  /** The oldest SUBMITTED slot for process q, scanning rings 0..N−1 from head to tail, as `ring * R + index`; -1 when none. */
  submittedFor(q: number): number {
    const R = this.R;
    for (let p = 0; p < this.rings.length; p++) {
      const r = this.rings[p];
      if (r === undefined) continue;
      for (let j = 0; j < Math.min(R, r.tail - r.head); j++) {
        const i = (r.head + j) % R;
        const s = r.slots[i];
        if (s !== undefined && s.state === 'SUBMITTED' && s.target === q) return p * R + i;
      }
    }
    return -1;
  }

  /**
   * The rings as the model's (indices modulo 2R), incrementally: `prev` itself when no ring was
   * written since it was handed out, else a copy sharing every unwritten ring.
   */
  abs(prev: readonly Ring[] | undefined): readonly Ring[] {
    const R2 = 2 * this.R;
    let out: Ring[] | undefined;
    for (let p = 0; p < this.rings.length; p++) {
      const r = this.rings[p];
      if (r === undefined || (prev !== undefined && this.cached[p] !== undefined)) continue;
      const ring: Ring = Object.freeze({
        head: r.head % R2,
        tail: r.tail % R2,
        slots: Object.freeze(r.slots.slice()),
      });
      this.cached[p] = ring;
      out ??= prev === undefined ? new Array<Ring>(this.rings.length) : prev.slice();
      out[p] = ring;
    }
    return out ?? prev ?? [];
  }
}
