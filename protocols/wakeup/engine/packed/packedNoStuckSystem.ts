/**
 * noStuckSystem (protocols/wakeup/properties/noStuckSystem.ts), read from a packed state: no state has work
 * outstanding (a task ready in the controller, or a hart holding one: running, returning or
 * wedged) while no event that could serve it is enabled. The object form asks `enabled` of the
 * state after the step; over the packed layout that list is known without building it: a hart
 * that is fetching, running or returning always has its next step enabled, a wedged hart has none,
 * and an idle hart h has HartSwitch(h, p) for every online p other than its own process and, for
 * every offline p, the STATUS write bringing p online (which serves work while some hart is idle).
 * Interrupts, spawns and STATUS writes taking a process offline serve nothing. Like the object
 * form, it judges the state alone; the explorer has no other deadlock check for the wakeup model
 * (wakeupSpace defines no `stuck` hook: this property is the wakeup system's deadlock check).
 */
import type { PackedLayout } from './packedLayout.ts';
import * as K from './packedLayout.ts';

const HART_W = K.HART_W;
const PH_FETCH = K.PH_FETCH;
const PH_IDLE = K.PH_IDLE;
const PH_RETURNING = K.PH_RETURNING;
const PH_RUNNING = K.PH_RUNNING;

/** Whether the state at byte `off` of `b` has work outstanding and nothing enabled that could serve it. */
export function packedStuck(L: PackedLayout, b: Uint8Array, off: number): boolean {
  const cfg = L.cfg;
  let work = false;
  for (let h = 0; h < cfg.harts; h++) {
    const phase = b[off + L.harts + h * HART_W] ?? PH_IDLE;
    if (phase === PH_FETCH || phase === PH_RUNNING || phase === PH_RETURNING) return false;
    if (phase !== PH_IDLE) work = true;
  }
  const queues = cfg.processes * cfg.priorities;
  for (let i = 0; i < queues && !work; i++) if ((b[off + L.ready + i * L.readyW] ?? 0) > 0) work = true;
  if (!work) return false;
  for (let h = 0; h < cfg.harts; h++) {
    const o = off + L.harts + h * HART_W;
    if (b[o] !== PH_IDLE) continue;
    const own = (b[o + 1] ?? 0) - 1;
    // an idle hart: a STATUS write bringing an offline process online, or a switch to another online one
    for (let p = 0; p < cfg.processes; p++) if (b[off + L.online + p] !== 1 || p !== own) return false;
  }
  return true;
}
