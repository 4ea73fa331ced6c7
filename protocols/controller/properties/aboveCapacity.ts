/**
 * aboveCapacity: whether some process holds more than C tasks (ready + waiting, `occupancy(p)`
 * of spec/controller.md §3), computed for every process in one pass without allocating.
 */
import type { Config } from '../model/config/config.ts';
import type { ControllerState } from '../model/state.ts';

/** Scratch counters of {@link aboveCapacity} (reused: no allocation per step). */
let scratch = new Int32Array(16);

/** A process whose occupancy is above C, and that occupancy. */
export interface OverCapacity {
  readonly p: number;
  readonly n: number;
}

/**
 * The first process whose `occupancy(p)` of §3 is above C, or null, computed in one pass over
 * the state. A state of unexpected shape (tables of other lengths, a waiter recorded for a
 * process outside 0..N-1) takes the general pass, which counts whatever process numbers it names.
 */
export function aboveCapacity(cfg: Config, s: ControllerState): OverCapacity | null {
  const n = cfg.processes;
  const P = cfg.priorities;
  const T = cfg.ipcTypes;
  if (s.ready.length !== n * P || s.ipcWait.length !== n * T)
    return firstAbove(occupancies(cfg, s), cfg.capacity);
  if (scratch.length < n) scratch = new Int32Array(n);
  const occ = scratch;
  for (let p = 0; p < n; p++) {
    let m = 0;
    for (let k = 0; k < P; k++) m += s.ready[p * P + k]?.length ?? 0;
    for (let t = 0; t < T; t++) m += s.ipcWait[p * T + t]?.length ?? 0;
    occ[p] = m;
  }
  for (const q of s.irqWait) {
    for (const w of q) {
      const p = w.p;
      if (!(Number.isInteger(p) && p >= 0 && p < n)) return firstAbove(occupancies(cfg, s), cfg.capacity);
      occ[p] = (occ[p] ?? 0) + 1;
    }
  }
  for (let p = 0; p < n; p++) {
    const m = occ[p] ?? 0;
    if (m > cfg.capacity) return { p, n: m };
  }
  return null;
}

/** The first process whose count is above `limit`, with that count, or null. */
function firstAbove(counts: readonly number[], limit: number): OverCapacity | null {
  for (let p = 0; p < counts.length; p++) {
    const m = counts[p] ?? 0;
    if (m > limit) return { p, n: m };
  }
  return null;
}

/** `occupancy(p)` of §3 for every process (and for every process number a waiter names), in one pass. */
function occupancies(cfg: Config, s: ControllerState): number[] {
  const occ = new Array<number>(cfg.processes).fill(0);
  for (let i = 0; i < s.ready.length; i++) {
    const p = Math.floor(i / cfg.priorities);
    occ[p] = (occ[p] ?? 0) + (s.ready[i]?.length ?? 0);
  }
  for (const q of s.irqWait) for (const w of q) occ[w.p] = (occ[w.p] ?? 0) + 1;
  for (let i = 0; i < s.ipcWait.length; i++) {
    const p = Math.floor(i / cfg.ipcTypes);
    occ[p] = (occ[p] ?? 0) + (s.ipcWait[i]?.length ?? 0);
  }
  return occ;
}
