/**
 * The key of a renamed node of the syscall model alone, built from the node itself: what the
 * search by orbits keys (syscallSymmetry.ts). `orbitKey(n, perm, shift)` is the packed key
 * (KeyBuilder units) of `n` with its agents renamed by `perm` (agentSymmetry.ts) and its rings
 * rotated by `shift` (ringRotation.ts), without building that node: per field, the renamed node's
 * value is read from where the renaming takes it from. Its fields are exactly the explorer's key's
 * (syscallSpace `key`: model/stateKey.ts, controllerGhostKey when controller properties are
 * judged, syscallGhostKey), in the same order. test/protocols/syscall/engine/syscallOrbitKey.test.ts
 * checks, on every reachable node and every renaming, that it is the key of the renamed node, and
 * that two nodes have the same key exactly when the explorer's key says so.
 */

import { controllerGhostKey } from '../../../engine/explore/ghostKey.ts';
import { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { layoutOf } from '../model/layout.ts';
import type { AgentPhase, SlotState } from '../model/state.ts';
import { type GhostView, syscallGhostKey } from './syscallGhostKey.ts';
import type { SyscallNode } from './syscallJudge.ts';

const SLOT: Readonly<Record<SlotState, number>> = { FREE: 0, FILLING: 1, SUBMITTED: 2, TAKEN: 3, DONE: 4 };
/** An agent's phase as a number. */
export const PHASE_CODE: Readonly<Record<AgentPhase, number>> = {
  idle: 0,
  filling: 1,
  submitted: 2,
  awaiting: 3,
  woken: 4,
  reading: 5,
  waiting: 6,
  running: 7,
  returning: 8,
};

/** The key of `n` renamed by (`perm`, `shift`); `trackGhost`: controller properties are judged. */
export type OrbitKey = (n: SyscallNode, perm: readonly number[], shift: readonly number[]) => string;

/** The orbit key of the model alone on `cfg` (see above). */
export function syscallOrbitKey(cfg: Config, trackGhost: boolean): OrbitKey {
  const k = new KeyBuilder();
  const R = cfg.ringSlots;
  const M = 2 * R;
  const l = layoutOf(cfg);
  const A = l.agents.length;
  const from = new Int32Array(A); // from[b]: the agent renamed b
  const task = (t: bigint, perm: readonly number[]): bigint => {
    const to = t < 1n ? undefined : perm[Number(t) - 1];
    return to === undefined ? t : BigInt(to + 1);
  };
  const slotIn = (i: number, by: number): number => (((i + by) % R) + R) % R;
  let perm: readonly number[] = [];
  let shift: readonly number[] = [];
  const renamedTask = (t: bigint): bigint => task(t, perm);
  /** `k.big` of the renamed task id, without a bigint for an agent's (small ids are one unit either way). */
  const putTask = (t: bigint): void => {
    const a = t >= 1n && t <= BigInt(A) ? Number(t) - 1 : -1;
    if (a < 0) k.big(t);
    else k.int((perm[a] ?? a) + 1);
  };
  const view: GhostView = {
    bySlotFrom: (code) => {
      const p = Math.floor(code / R);
      return p * R + slotIn(code % R, -(shift[p] ?? 0));
    },
    heldFrom: (b) => from[b] ?? b,
    slotOf: (inst) => slotIn(inst.slot, shift[inst.p] ?? 0),
    requesterOf: (inst) => perm[inst.requester] ?? inst.requester,
  };
  return (n, renaming, shifts) => {
    perm = renaming;
    shift = shifts;
    for (let a = 0; a < A; a++) from[perm[a] ?? a] = a;
    k.reset();
    const c = n.sys.ctrl;
    for (const q of c.ready) {
      k.int(q.length);
      for (const t of q) putTask(t);
    }
    for (const q of c.irqWait) {
      k.int(q.length);
      for (const w of q) {
        k.int(w.p);
        putTask(w.task);
      }
    }
    for (const x of c.irqPending) k.int(x);
    for (const q of c.ipcWait) {
      k.int(q.length);
      for (const t of q) putTask(t);
    }
    for (const x of c.ipcPending) k.int(x);
    for (const b of c.online) k.bool(b);
    k.int(c.error);
    n.sys.rings.forEach((r, p) => {
      const by = shift[p] ?? 0;
      k.int((((r.head + by) % M) + M) % M).int((((r.tail + by) % M) + M) % M);
      for (let j = 0; j < R; j++) {
        const x = r.slots[slotIn(j, -by)];
        if (x === undefined) continue;
        if (x.state === 'FREE' && x.requester < 0) {
          k.int(5);
          continue;
        }
        k.int(SLOT[x.state])
          .int(x.req)
          .int(x.requester < 0 ? 0 : (perm[x.requester] ?? x.requester) + 1)
          .int(x.target)
          .int(x.arg)
          .int(x.result);
      }
    });
    for (let b = 0; b < A; b++) {
      const a = from[b] ?? b;
      const x = n.sys.agents[a];
      const info = l.agents[a];
      if (x === undefined || info === undefined) continue;
      let slot = x.slot;
      if (slot >= 0 && info.kind === 'caller') slot = slotIn(slot, shift[info.p] ?? 0);
      else if (slot >= 0 && info.kind === 'service') {
        const p = Math.floor(slot / R);
        slot = p * R + slotIn(slot % R, shift[p] ?? 0);
      }
      k.int(PHASE_CODE[x.phase])
        .int(slot + 1)
        .int(x.req);
    }
    if (trackGhost) controllerGhostKey(k, n.cghost, renamedTask);
    syscallGhostKey(k, n.ghost, view);
    return k.done();
  };
}
