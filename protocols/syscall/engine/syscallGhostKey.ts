/**
 * The syscall ghost (protocols/syscall/properties/ghost.ts) as key material, and its copy. The key keeps
 * what a verdict can depend on: per ring slot and per held dispatcher the request instance there
 * (its ring, slot, request id, requester, executions and replies) and which of those places hold
 * the same instance; it leaves out the instance numbers and the submitted/consumed totals, which
 * only label messages and grow without bound.
 */

import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { MutableSyscallGhost, RequestInstance } from '../properties/ghost.ts';

/** Appends the verdict-relevant part of `g` to `k`. */
export function syscallGhostKey(k: KeyBuilder, g: MutableSyscallGhost): void {
  const local = new Map<RequestInstance, number>();
  const put = (inst: RequestInstance | undefined): void => {
    if (inst === undefined) {
      k.int(0);
      return;
    }
    const known = local.get(inst);
    if (known !== undefined) {
      k.int(known);
      return;
    }
    local.set(inst, local.size + 1);
    k.int(local.size);
    k.int(inst.p)
      .int(inst.slot)
      .int(inst.req)
      .int(inst.requester + 1);
    k.int(inst.executions).int(inst.replies);
  };
  for (const inst of g.bySlot) put(inst);
  for (const inst of g.held) put(inst);
}

/** A copy of `g` whose instances are fresh objects (sharing between slots and holders kept). */
export function copySyscallGhost(g: MutableSyscallGhost): MutableSyscallGhost {
  const copies = new Map<RequestInstance, RequestInstance>();
  const copy = (inst: RequestInstance | undefined): RequestInstance | undefined => {
    if (inst === undefined) return undefined;
    let c = copies.get(inst);
    if (c === undefined) {
      c = { ...inst };
      copies.set(inst, c);
    }
    return c;
  };
  return {
    bySlot: g.bySlot.map(copy),
    held: g.held.map(copy),
    submitted: g.submitted,
    consumed: g.consumed,
  };
}
