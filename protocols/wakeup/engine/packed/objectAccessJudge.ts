/**
 * One packed access judged by the controller-step properties themselves (and both ghosts advanced
 * by their own code) on the objects its bytes decode to: the state before and after as the packed
 * step built them, the access, and its observation (a DEQUEUE reads its value, any other access is
 * acknowledged). The judged engine asks it for a step whose queue changes the byte judge does not
 * read (packedControllerJudge.ts); the tests use it as the oracle the byte judge must agree with.
 */

import { accessContext, accessFailures, ghostAfter } from '../../../controller/engine/judgeAccess.ts';
import * as A from '../../../controller/engine/packed/packedAccess.ts';
import type { ControllerEvent } from '../../../controller/model/events.ts';
import { ACK, valueObs } from '../../../controller/model/result.ts';
import { advanceWakeupGhostAccess } from '../../properties/ghost.ts';
import type { WakeupSelection } from '../../properties/selection.ts';
import { decodeGhosts, encodeGhosts, type PackedGhostLayout } from './packedGhost.ts';
import { decodeSystem } from './packedLayout.ts';
import type { PackedSuccessors } from './packedSuccessors.ts';

/** The access codes as module-local constants (an imported binding may compile to an accessor call on this hot path). */
const ACC_DEQUEUE = A.ACC_DEQUEUE;
const ACC_ENQUEUE = A.ACC_ENQUEUE;
const ACC_IRQ = A.ACC_IRQ;
const ACC_REGISTER = A.ACC_REGISTER;
const ACC_STATUS = A.ACC_STATUS;

/** The access the successor fields describe, as the controller model's event. */
export function accessEvent(s: PackedSuccessors): ControllerEvent {
  switch (s.acc) {
    case ACC_IRQ:
      return { type: 'Irq', line: s.accA };
    case ACC_STATUS:
      return { type: 'StatusWrite', p: s.accA, data: BigInt(s.accB) };
    case ACC_ENQUEUE:
      return { type: 'Enqueue', p: s.accA, prio: s.accB, task: BigInt(s.accTask) };
    case ACC_REGISTER:
      return { type: 'IrqRegister', p: s.accA, device: s.accB, task: BigInt(s.accTask) };
    case ACC_DEQUEUE:
      return { type: 'Dequeue', p: s.accA };
    default:
      throw new Error(`judged engine: no access ${s.acc}`);
  }
}

/**
 * The ids of the selected controller properties failing on the access of `s` from `cur` to `next`
 * (system bytes then ghost bytes), or null when none fails: then the ghost bytes of `next` become
 * both ghosts advanced past the access.
 */
export function judgeAccessObjects(
  G: PackedGhostLayout,
  sel: WakeupSelection,
  cur: Uint8Array,
  next: Uint8Array,
  s: PackedSuccessors,
  index: number,
): readonly string[] | null {
  const L = G.L;
  const before = decodeSystem(L, cur).ctrl;
  const after = decodeSystem(L, next).ctrl;
  const { cg, wg } = decodeGhosts(G, cur);
  const access = accessEvent(s);
  const obs = s.acc === ACC_DEQUEUE ? valueObs(BigInt(s.accTask)) : ACK;
  const ctx = accessContext(L.cfg, undefined, index, access, obs, { before, after }, undefined, cg);
  const found = accessFailures(sel.controller, ctx);
  if (found !== undefined) return found.map((v) => v.property);
  ghostAfter(cg, ctx, 'own');
  if (sel.liveness.length > 0) advanceWakeupGhostAccess(wg, ctx);
  encodeGhosts(G, next, cg, wg);
  return null;
}
