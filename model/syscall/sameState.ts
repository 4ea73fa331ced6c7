/**
 * Structural equality of two syscall states without building their keys: the fast comparison
 * refinement makes after every step (equal exactly when `stateKey` is equal). Shared
 * sub-structures (the same array or object) are skipped at once.
 */
import type { ControllerState } from '../controller/state.ts';
import type { Slot, SyscallState } from './state.ts';

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined || y === undefined || !same(x, y)) return false;
  }
  return true;
}

const eq = <T>(x: T, y: T): boolean => x === y;
const sameQueue = (x: readonly bigint[], y: readonly bigint[]): boolean => sameList(x, y, eq);

/** The two controller states are equal. */
export function sameController(a: ControllerState, b: ControllerState): boolean {
  if (a === b) return true;
  return (
    a.error === b.error &&
    sameList(a.ready, b.ready, sameQueue) &&
    sameList(a.ipcWait, b.ipcWait, sameQueue) &&
    sameList(a.ipcPending, b.ipcPending, eq) &&
    sameList(a.online, b.online, eq) &&
    sameList(a.irqPending, b.irqPending, eq) &&
    sameList(a.irqWait, b.irqWait, (x, y) => sameList(x, y, (v, w) => v.p === w.p && v.task === w.task))
  );
}

function sameSlot(x: Slot, y: Slot): boolean {
  return (
    x.state === y.state &&
    x.req === y.req &&
    x.requester === y.requester &&
    x.target === y.target &&
    x.arg === y.arg &&
    x.result === y.result
  );
}

/** The two syscall states are equal. */
export function sameSyscallState(a: SyscallState, b: SyscallState): boolean {
  if (a === b) return true;
  return (
    sameList(a.agents, b.agents, (x, y) => x.phase === y.phase && x.slot === y.slot && x.req === y.req) &&
    sameList(
      a.rings,
      b.rings,
      (x, y) => x.head === y.head && x.tail === y.tail && sameList(x.slots, y.slots, sameSlot),
    ) &&
    sameController(a.ctrl, b.ctrl)
  );
}
