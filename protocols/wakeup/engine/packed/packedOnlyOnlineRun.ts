/**
 * onlyOnlineRun (protocols/wakeup/properties/onlyOnlineRun.ts), read from packed states. The object form
 * judges two things on each step: (state) after it no hart is running a task of a process that is
 * offline, and (step) a HartFetch does not read DEQUEUE of a process that was offline before it.
 * The first is a predicate of one state ({@link runsOffline}). The second is one of the source
 * state: a fetching hart always has its HartFetch enabled (protocols/wakeup/model/enabled.ts) and that step
 * always reads DEQUEUE of the hart's process, so it fails from exactly the states where a fetching
 * hart is on an offline process (or on none) ({@link fetchesOffline}); the packed engine reports
 * it as that HartFetch taken from such a state, the step the object engine fails on.
 */
import type { PackedLayout } from './packedLayout.ts';
import * as K from './packedLayout.ts';

const HART_W = K.HART_W;
const PH_FETCH = K.PH_FETCH;
const PH_RUNNING = K.PH_RUNNING;

/** Whether process p (from a hart's stored p + 1) is online in the state at `off`; no process (p + 1 = 0) is not. */
function onlineAt(L: PackedLayout, b: Uint8Array, off: number, p1: number): boolean {
  return p1 > 0 && p1 <= L.cfg.processes && b[off + L.online + p1 - 1] === 1;
}

/** The first hart running a task of an offline process in the state at `off` of `b`, or -1 (the state part). */
export function runsOffline(L: PackedLayout, b: Uint8Array, off: number): number {
  for (let h = 0; h < L.cfg.harts; h++) {
    const o = off + L.harts + h * HART_W;
    if (b[o] === PH_RUNNING && !onlineAt(L, b, off, b[o + 1] ?? 0)) return h;
  }
  return -1;
}

/** The first fetching hart whose HartFetch would read DEQUEUE of an offline process, or -1 (the step part). */
export function fetchesOffline(L: PackedLayout, b: Uint8Array, off: number): number {
  for (let h = 0; h < L.cfg.harts; h++) {
    const o = off + L.harts + h * HART_W;
    if (b[o] === PH_FETCH && !onlineAt(L, b, off, b[o + 1] ?? 0)) return h;
  }
  return -1;
}
