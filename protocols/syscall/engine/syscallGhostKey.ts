/**
 * The syscall ghost (protocols/syscall/properties/ghost.ts) as key material, and its copy. The key keeps
 * what a verdict can depend on: per ring slot and per held dispatcher the request instance there
 * (its ring, slot, request id, requester, executions and replies) and which of those places hold
 * the same instance; it leaves out the instance numbers and the submitted/consumed totals, which
 * only label messages and grow without bound.
 */

import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { MutableSyscallGhost, RequestInstance } from '../properties/ghost.ts';

/**
 * How the key of a renamed ghost is read from the ghost itself (syscallOrbitKey.ts): where each
 * place of the renamed ghost comes from, and an instance's renamed slot and requester.
 */
export interface GhostView {
  bySlotFrom(code: number): number;
  heldFrom(a: number): number;
  slotOf(inst: RequestInstance): number;
  requesterOf(inst: RequestInstance): number;
}

const AS_IS: GhostView = {
  bySlotFrom: (code) => code,
  heldFrom: (a) => a,
  slotOf: (inst) => inst.slot,
  requesterOf: (inst) => inst.requester,
};

/** Appends the verdict-relevant part of `g` (seen through `view`: renamed) to `k`. */
export function syscallGhostKey(k: KeyBuilder, g: MutableSyscallGhost, view: GhostView = AS_IS): void {
  const local: RequestInstance[] = []; // instances met so far: a later place holding one names its number
  for (let code = 0; code < g.bySlot.length; code++)
    putInstance(k, local, g.bySlot[view.bySlotFrom(code)], view);
  for (let a = 0; a < g.held.length; a++) putInstance(k, local, g.held[view.heldFrom(a)], view);
}

/** One place of the ghost: 0 (empty), the number of an instance met before, or a new one in full. */
function putInstance(
  k: KeyBuilder,
  local: RequestInstance[],
  inst: RequestInstance | undefined,
  view: GhostView,
): void {
  if (inst === undefined) {
    k.int(0);
    return;
  }
  const known = local.indexOf(inst);
  if (known >= 0) {
    k.int(known + 1);
    return;
  }
  local.push(inst);
  k.int(local.length);
  k.int(inst.p)
    .int(view.slotOf(inst))
    .int(inst.req)
    .int(view.requesterOf(inst) + 1);
  k.int(inst.executions).int(inst.replies);
}

/** A copy of `g` whose instances are fresh objects (sharing between slots and holders kept). */
export function copySyscallGhost(g: MutableSyscallGhost): MutableSyscallGhost {
  // a handful of instances: pairs in two short arrays (no Map per copy: this runs on every step)
  const originals: RequestInstance[] = [];
  const copies: RequestInstance[] = [];
  const copyAll = (places: readonly (RequestInstance | undefined)[]): (RequestInstance | undefined)[] => {
    const out = new Array<RequestInstance | undefined>(places.length);
    for (let i = 0; i < places.length; i++) {
      const inst = places[i];
      if (inst === undefined) {
        out[i] = undefined;
        continue;
      }
      const at = originals.indexOf(inst);
      let c = copies[at];
      if (at < 0 || c === undefined) {
        c = { ...inst };
        originals.push(inst);
        copies.push(c);
      }
      out[i] = c;
    }
    return out;
  };
  const bySlot = copyAll(g.bySlot);
  return { bySlot, held: copyAll(g.held), submitted: g.submitted, consumed: g.consumed };
}
