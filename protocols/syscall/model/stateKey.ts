/**
 * A compact canonical key of a syscall state, for exhaustive exploration (visited sets) and for
 * comparing an implementation's abstraction with the model: two states have the same key exactly
 * when they are equal. Ready queues and blocked queues are listed by task id; rings as head, tail
 * and per slot its state letter and fields; agents as a phase letter, slot and request id.
 */
import type { ControllerState } from '../../controller/model/state.ts';
import type { AgentPhase, SlotState, SyscallState } from './state.ts';

const SLOT: Readonly<Record<SlotState, string>> = {
  FREE: 'f',
  FILLING: 'l',
  SUBMITTED: 's',
  TAKEN: 't',
  DONE: 'd',
};
const PHASE: Readonly<Record<AgentPhase, string>> = {
  idle: 'i',
  filling: 'l',
  submitted: 's',
  awaiting: 'a',
  woken: 'k',
  reading: 'r',
  waiting: 'w',
  running: 'x',
  returning: 'b',
};

/** The controller part of a key. */
export function controllerKey(c: ControllerState): string {
  const q = (xs: readonly (readonly bigint[])[]) => xs.map((x) => x.join(',')).join('/');
  const w = c.irqWait.map((x) => x.map((y) => `${y.p}.${y.task}`).join(',')).join('/');
  const on = c.online.map((b) => (b ? '1' : '0')).join('');
  return `${q(c.ready)}|${w}|${c.irqPending.join(',')}|${q(c.ipcWait)}|${c.ipcPending.join(',')}|${on}|${c.error}`;
}

/** The canonical key of `s`. */
export function stateKey(s: SyscallState): string {
  let k = controllerKey(s.ctrl);
  for (const r of s.rings) {
    k += `|${r.head}.${r.tail}:`;
    for (const x of r.slots) {
      k +=
        x.state === 'FREE' && x.requester < 0
          ? 'f;'
          : `${SLOT[x.state]}${x.req}.${x.requester}.${x.target}.${x.arg}.${x.result};`;
    }
  }
  k += '|';
  for (const a of s.agents)
    k += `${PHASE[a.phase]}${a.slot < 0 ? '' : a.slot}${a.req === 0 ? '' : `.${a.req}`};`;
  return k;
}
