/**
 * taskInOnePlace (protocols/wakeup/properties/taskInOnePlace.ts), read from a packed state: a task id is in
 * at most one place among the ready queues, the blocked (irqWait) queues and the harts' current
 * tasks (every phase but fetch: running, owing its return action, wedged holding it, and idle
 * when it holds one), exactly the places the object form scans. The IPC wait queues, which it
 * scans too, are not in the packed layout: no wakeup event touches them and they stay empty. The
 * object form judges the state after each step and nothing else (no ghost, no event), so on every
 * state the two verdicts are the same.
 */
import type { PackedLayout } from './packedLayout.ts';
import * as K from './packedLayout.ts';

const HART_W = K.HART_W;
const PH_FETCH = K.PH_FETCH;

/** Finds a task id held in two places of a packed state, with one stamp table reused across calls. */
export class PackedTaskInOnePlace {
  private readonly L: PackedLayout;
  /** stamps[t] === pass: task id t (a byte) was seen in the current pass. */
  private readonly stamps = new Int32Array(256);
  private pass = 0;

  constructor(L: PackedLayout) {
    this.L = L;
  }

  /** The first task id held in two places of the state at byte `off` of `b`, or 0 when none is. */
  firstDuplicate(b: Uint8Array, off: number): number {
    const { L, stamps } = this;
    const cfg = L.cfg;
    if (this.pass === 0x7fff_ffff) {
      stamps.fill(0);
      this.pass = 0;
    }
    const pass = ++this.pass;
    const queues = cfg.processes * cfg.priorities;
    for (let i = 0; i < queues; i++) {
      const q = off + L.ready + i * L.readyW;
      const len = b[q] ?? 0;
      for (let j = 1; j <= len; j++) {
        const t = b[q + j] ?? 0;
        if (t === 0) continue;
        if (stamps[t] === pass) return t;
        stamps[t] = pass;
      }
    }
    for (let d = 0; d < cfg.devices; d++) {
      const w = off + L.irqWait + d * L.waitW;
      const len = b[w] ?? 0;
      for (let j = 0; j < len; j++) {
        const t = b[w + 2 + 2 * j] ?? 0;
        if (t === 0) continue;
        if (stamps[t] === pass) return t;
        stamps[t] = pass;
      }
    }
    for (let h = 0; h < cfg.harts; h++) {
      const o = off + L.harts + h * HART_W;
      const t = b[o + 2] ?? 0;
      if (t === 0 || b[o] === PH_FETCH) continue;
      if (stamps[t] === pass) return t;
      stamps[t] = pass;
    }
    return 0;
  }
}
