/**
 * AssemblyScript: what the §6 drain reads of a packed state to decide whether it goes on, a port
 * of drainState.ts: quiescence (no ready task, every hart idle or fetching) and the
 * only-wedged-work stop, read from the state at an address.
 */
import {
  HART_W,
  HARTS,
  NHARTS,
  PH_FETCH,
  PH_IDLE,
  PH_WEDGED,
  PRIORITIES,
  PROCESSES,
  READY,
  READY_W,
} from './wasmLayout';

/** drainState.ts:13-17: no ready queue of the state at `s` holds a task. */
function nothingReady(s: usize): bool {
  const queues = PROCESSES * PRIORITIES;
  for (let q = 0; q < queues; q++) if (load<u8>(s + <usize>(READY + q * READY_W)) > 0) return false;
  return true;
}

/** drainState.ts:20-27 (model/quiescent.ts): no task is ready and no hart holds one. */
export function quiescentAt(s: usize): bool {
  if (!nothingReady(s)) return false;
  for (let h = 0; h < NHARTS; h++) {
    const ph = load<u8>(s + <usize>(HARTS + h * HART_W));
    if (ph !== PH_IDLE && ph !== PH_FETCH) return false;
  }
  return true;
}

/** drainState.ts:30-39 (model/drain.ts onlyWedgedWork): nothing is ready and only wedged harts hold a task. */
export function onlyWedgedWorkAt(s: usize): bool {
  if (!nothingReady(s)) return false;
  let wedged = false;
  for (let h = 0; h < NHARTS; h++) {
    const ph = load<u8>(s + <usize>(HARTS + h * HART_W));
    if (ph === PH_WEDGED) wedged = true;
    else if (ph !== PH_IDLE && ph !== PH_FETCH) return false;
  }
  return wedged;
}
