/**
 * What the §6 drain (model/drain.ts) reads of a packed state to decide whether it goes on:
 * quiescence (no ready task, every hart idle or looking for work) and the only-wedged-work stop.
 */
import * as K from './packedLayout.ts';

const HART_W = K.HART_W;
const PH_IDLE = K.PH_IDLE;
const PH_FETCH = K.PH_FETCH;
const PH_WEDGED = K.PH_WEDGED;

/** No ready queue holds a task (the state at byte `off` of `b`). */
function nothingReady(L: K.PackedLayout, b: Uint8Array, off: number): boolean {
  const queues = L.cfg.processes * L.cfg.priorities;
  for (let q = 0; q < queues; q++) if ((b[off + L.ready + q * L.readyW] ?? 0) > 0) return false;
  return true;
}

/** model/quiescent.ts: no task is ready and no hart holds one. */
export function quiescentAt(L: K.PackedLayout, b: Uint8Array, off: number): boolean {
  if (!nothingReady(L, b, off)) return false;
  for (let h = 0; h < L.cfg.harts; h++) {
    const ph = b[off + L.harts + h * HART_W];
    if (ph !== PH_IDLE && ph !== PH_FETCH) return false;
  }
  return true;
}

/** model/drain.ts onlyWedgedWork: nothing is ready and only wedged harts hold a task. */
export function onlyWedgedWorkAt(L: K.PackedLayout, b: Uint8Array, off: number): boolean {
  if (!nothingReady(L, b, off)) return false;
  let wedged = false;
  for (let h = 0; h < L.cfg.harts; h++) {
    const ph = b[off + L.harts + h * HART_W];
    if (ph === PH_WEDGED) wedged = true;
    else if (ph !== PH_IDLE && ph !== PH_FETCH) return false;
  }
  return wedged;
}
