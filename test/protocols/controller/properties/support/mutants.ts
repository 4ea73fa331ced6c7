/**
 * One deliberately broken device per controller-step property, each with the shortest event
 * sequence that shows its bug at SMALL. Every bug is a patch on the model's correct result.
 */
import type { ControllerImpl } from '../../../../../protocols/controller/designs/device.ts';
import { SMALL } from '../../../../../protocols/controller/model/config/config.ts';
import { registerAddress } from '../../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../../protocols/controller/model/events.ts';
import {
  ACK,
  NO_EFFECTS,
  type StepResult,
  valueObs,
} from '../../../../../protocols/controller/model/result.ts';
import { type ControllerState, topPriority } from '../../../../../protocols/controller/model/state.ts';
import { mutantImpl } from './mutantDevice.ts';

const P = SMALL.priorities;
const enq = (p: number, prio: number, task: bigint): ControllerEvent => ({ type: 'Enqueue', p, prio, task });
const deq = (p: number): ControllerEvent => ({ type: 'Dequeue', p });
const reg = (p: number, device: number, task: bigint): ControllerEvent => ({
  type: 'IrqRegister',
  p,
  device,
  task,
});
const irq = (line: number): ControllerEvent => ({ type: 'Irq', line });

const result = (state: ControllerState, obs = ACK): StepResult => ({ state, obs, effects: NO_EFFECTS });

function setAt<T>(a: readonly T[], i: number, v: T): T[] {
  const c = a.slice();
  c[i] = v;
  return c;
}

/** Takes entry `pick(queue)` out of ready[p][k] and returns it. */
function take(s: ControllerState, p: number, k: number, pick: (q: readonly bigint[]) => number): StepResult {
  const i = p * P + k;
  const q = s.ready[i] ?? [];
  const j = pick(q);
  return result(
    {
      ...s,
      ready: setAt(
        s.ready,
        i,
        q.filter((_, x) => x !== j),
      ),
    },
    valueObs(q[j] ?? 0n),
  );
}

/** A mutant, the events that show it, and the properties that must report it (registry order). */
export interface MutantCase {
  readonly impl: ControllerImpl;
  readonly events: readonly ControllerEvent[];
  readonly caughtBy: readonly string[];
  /** When the bug shows in the abstract state before any property sees it: the step where refinement catches it first. */
  readonly refinedAt?: number;
}

const four = [enq(0, 0, 1n), enq(0, 0, 2n), enq(0, 0, 3n), enq(0, 0, 4n)];

export const MUTANTS: readonly MutantCase[] = [
  {
    impl: mutantImpl('stall-when-full', 'neverStalls', (_c, s, op, ok) =>
      op.type === 'Enqueue' && (ok.state.error & 1) !== 0
        ? { state: s, obs: { kind: 'stall' }, effects: NO_EFFECTS }
        : ok,
    ),
    events: four,
    caughtBy: ['neverStalls'],
  },
  {
    impl: mutantImpl('lowest-priority-first', 'strictPriority', (c, s, op, ok) => {
      if (op.type !== 'Dequeue' || topPriority(c, s, op.p) < 0) return ok;
      let k = P - 1;
      while ((s.ready[op.p * P + k]?.length ?? 0) === 0) k--;
      return take(s, op.p, k, () => 0);
    }),
    events: [enq(0, 0, 3n), enq(0, 1, 5n), deq(0)],
    caughtBy: ['strictPriority'],
  },
  {
    impl: mutantImpl('lifo-within-priority', 'fifoWithinPriority', (c, s, op, ok) => {
      if (op.type !== 'Dequeue') return ok;
      const k = topPriority(c, s, op.p);
      return k < 0 ? ok : take(s, op.p, k, (q) => q.length - 1);
    }),
    events: [enq(0, 0, 3n), enq(0, 0, 5n), deq(0)],
    caughtBy: ['fifoWithinPriority'],
  },
  {
    impl: mutantImpl('dequeue-keeps-task', 'taskConservation', (_c, s, op, ok) =>
      op.type === 'Dequeue' ? result(s, ok.obs) : ok,
    ),
    events: [enq(0, 0, 3n), deq(0)],
    caughtBy: ['taskConservation'],
  },
  {
    impl: mutantImpl('enqueue-into-kernel', 'processIsolation', (_c, s, op, ok) => {
      if (op.type !== 'Enqueue' || op.p === 0 || ok.state.error !== s.error) return ok;
      const i = op.prio;
      return result({ ...s, ready: setAt(s.ready, i, [...(s.ready[i] ?? []), op.task]) });
    }),
    events: [enq(1, 0, 3n), deq(0)],
    caughtBy: ['processIsolation'],
    refinedAt: 0,
  },
  {
    impl: mutantImpl('priority-0-only', 'emptyMeansEmpty', (_c, s, op, ok) =>
      op.type === 'Dequeue' && (s.ready[op.p * P]?.length ?? 0) === 0 ? result(s, valueObs(0n)) : ok,
    ),
    events: [enq(0, 1, 5n), deq(0)],
    caughtBy: ['emptyMeansEmpty'],
  },
  {
    impl: mutantImpl('no-capacity-check', 'capacityBound', (_c, s, op, ok) => {
      if (op.type !== 'Enqueue' || (ok.state.error & 1) === 0 || (s.error & 1) !== 0) return ok;
      const i = op.p * P + op.prio;
      return result({ ...s, ready: setAt(s.ready, i, [...(s.ready[i] ?? []), op.task]) });
    }),
    events: four,
    caughtBy: ['capacityBound', 'errorReporting'],
  },
  {
    impl: mutantImpl('error-reads-zero', 'errorReporting', (_c, _s, op, ok) =>
      op.type === 'ErrorRead' ? result(ok.state, valueObs(0n)) : ok,
    ),
    events: [
      { type: 'Read', addr: registerAddress(SMALL, 0, 'ENQUEUE', 0) },
      { type: 'ErrorRead', p: 1 },
    ],
    caughtBy: ['errorReporting'],
  },
  {
    impl: mutantImpl('drop-unwaited-irq', 'noLostWakeup', (_c, s, op, ok) =>
      op.type === 'Irq' && (s.irqWait[op.line]?.length ?? 0) === 0 ? result(s) : ok,
    ),
    events: [irq(0)],
    caughtBy: ['noLostWakeup'],
  },
  {
    impl: mutantImpl('register-wakes-at-once', 'noSpuriousWakeup', (_c, s, op, ok) => {
      if (op.type !== 'IrqRegister' || ok.state.error !== s.error || (s.irqPending[op.device] ?? 0) > 0)
        return ok;
      const i = op.p * P;
      return result({ ...s, ready: setAt(s.ready, i, [...(s.ready[i] ?? []), op.task]) });
    }),
    events: [reg(0, 0, 5n)],
    caughtBy: ['noSpuriousWakeup'],
  },
  {
    impl: mutantImpl('newest-waiter-first', 'fifoWaiters', (_c, s, op, ok) => {
      const q = op.type === 'Irq' ? (s.irqWait[op.line] ?? []) : [];
      const w = q[q.length - 1];
      if (op.type !== 'Irq' || w === undefined) return ok;
      const i = w.p * P;
      return result({
        ...s,
        irqWait: setAt(s.irqWait, op.line, q.slice(0, -1)),
        ready: setAt(s.ready, i, [...(s.ready[i] ?? []), w.task]),
      });
    }),
    events: [reg(0, 0, 3n), reg(0, 0, 5n), irq(0)],
    caughtBy: ['fifoWaiters'],
  },
  {
    impl: mutantImpl('wake-into-kernel', 'wakePriority', (_c, s, op, ok) => {
      const q = op.type === 'Irq' ? (s.irqWait[op.line] ?? []) : [];
      const w = q[0];
      if (op.type !== 'Irq' || w === undefined) return ok;
      return result({
        ...s,
        irqWait: setAt(s.irqWait, op.line, q.slice(1)),
        ready: setAt(s.ready, 0, [...(s.ready[0] ?? []), w.task]),
      });
    }),
    events: [reg(1, 0, 3n), irq(0)],
    caughtBy: ['wakePriority'],
  },
  {
    impl: mutantImpl('status-inverted', 'refinement', (_c, _s, op, ok) =>
      op.type === 'StatusRead' && ok.obs.kind === 'value'
        ? result(ok.state, valueObs(ok.obs.value ^ 1n))
        : ok,
    ),
    events: [{ type: 'StatusRead', p: 0 }],
    caughtBy: [],
  },
];
