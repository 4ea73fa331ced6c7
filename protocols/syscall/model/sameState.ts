/**
 * Structural equality of two syscall states without building their keys: the fast comparison
 * refinement makes after every step (equal exactly when `stateKey` is equal). Shared
 * sub-structures (the same array or object) are skipped at once.
 */
import type { ControllerState } from '../../controller/model/state.ts';
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

/** `sameList` of `a` and `b`, given that `a0` and `b0` are known equal: entries unchanged on both sides since are skipped. */
function sameListGiven<T>(
  a: readonly T[],
  b: readonly T[],
  a0: readonly T[],
  b0: readonly T[],
  same: (x: T, y: T) => boolean,
): boolean {
  if (a === a0 && b === b0) return true;
  if (a.length !== b.length || a0.length !== a.length || b0.length !== b.length) return sameList(a, b, same);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y || (x === a0[i] && y === b0[i])) continue;
    if (x === undefined || y === undefined || !same(x, y)) return false;
  }
  return true;
}

/**
 * Whether `a` equals `b`, given that `a0` equals `b0` (states are immutable, so the known pair
 * stays equal): only what changed since on either side is compared. Refinement compares the
 * model's and an implementation's successive states this way.
 */
export function sameSyscallGiven(
  a: SyscallState,
  b: SyscallState,
  a0: SyscallState,
  b0: SyscallState,
): boolean {
  const c = a.ctrl;
  const d = b.ctrl;
  const c0 = a0.ctrl;
  const d0 = b0.ctrl;
  const ctrl =
    (c === c0 && d === d0) ||
    (c.error === d.error &&
      sameListGiven(c.ready, d.ready, c0.ready, d0.ready, sameQueue) &&
      sameListGiven(c.ipcWait, d.ipcWait, c0.ipcWait, d0.ipcWait, sameQueue) &&
      sameList(c.ipcPending, d.ipcPending, eq) &&
      sameList(c.online, d.online, eq) &&
      sameList(c.irqPending, d.irqPending, eq) &&
      sameList(c.irqWait, d.irqWait, (x, y) => sameList(x, y, (v, w) => v.p === w.p && v.task === w.task)));
  return (
    ctrl &&
    sameListGiven(
      a.agents,
      b.agents,
      a0.agents,
      b0.agents,
      (x, y) => x.phase === y.phase && x.slot === y.slot && x.req === y.req,
    ) &&
    sameListGiven(
      a.rings,
      b.rings,
      a0.rings,
      b0.rings,
      (x, y) => x.head === y.head && x.tail === y.tail && sameList(x.slots, y.slots, sameSlot),
    )
  );
}
