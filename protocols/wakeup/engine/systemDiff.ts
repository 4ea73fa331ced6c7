/**
 * Equality of system states and step outcomes, and their differences in words: what the system
 * refinement property compares after every step (the controller through its §3 cells, the harts
 * and the task table field by field).
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { ControllerEvent } from '../../controller/model/events.ts';
import type { Observation } from '../../controller/model/result.ts';
import { sameState, sameStateGiven } from '../../controller/properties/measures.ts';
import { changedCells, formatObservation } from '../../controller/trace/stateCells.ts';
import type { HartState, SystemState, TaskRecord } from '../model/state.ts';
import type { StepOutcome } from '../properties/context.ts';
import { describeAccess, describeHart } from '../properties/words.ts';

const sameHart = (a: HartState, b: HartState): boolean =>
  a === b || (a.phase === b.phase && a.p === b.p && a.task === b.task);

const sameTask = (a: TaskRecord, b: TaskRecord): boolean =>
  a === b ||
  (a.life === b.life &&
    a.p === b.p &&
    a.prio === b.prio &&
    a.handlerOf === b.handlerOf &&
    a.waitsOn === b.waitsOn);

/** Two lists with equal entries, given that `a0` and `b0` are equal lists (pass `a`, `b` when nothing is known). */
function sameList<T>(
  a: readonly T[],
  b: readonly T[],
  a0: readonly T[],
  b0: readonly T[],
  same: (x: T, y: T) => boolean,
): boolean {
  if (a === b || (a === a0 && b === b0)) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined || y === undefined || !same(x, y)) return false;
  }
  return true;
}

/** True when `a` and `b` are the same system state. */
export function sameSystem(a: SystemState, b: SystemState): boolean {
  return (
    a === b ||
    (sameState(a.ctrl, b.ctrl) &&
      sameList(a.harts, b.harts, a.harts, b.harts, sameHart) &&
      sameList(a.tasks, b.tasks, a.tasks, b.tasks, sameTask))
  );
}

/**
 * {@link sameSystem}, given that `a0` and `b0` are the same system state (for instance the
 * previous step's pair, already compared): parts of `a` and `b` that are the very tables of `a0`
 * and `b0` are not looked into, so states that share their unchanged parts cost what changed.
 */
export function sameSystemGiven(a: SystemState, b: SystemState, a0: SystemState, b0: SystemState): boolean {
  return (
    a === b ||
    (a === a0 && b === b0) ||
    (sameStateGiven(a.ctrl, b.ctrl, a0.ctrl, b0.ctrl) &&
      sameList(a.harts, b.harts, a0.harts, b0.harts, sameHart) &&
      sameList(a.tasks, b.tasks, a0.tasks, b0.tasks, sameTask))
  );
}

/** Two controller events with the same type and fields (then {@link describeAccess} words them alike). */
function sameAccess(a: ControllerEvent | null, b: ControllerEvent | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  switch (a.type) {
    case 'Read':
      return b.type === 'Read' && a.addr === b.addr;
    case 'Write':
      return b.type === 'Write' && a.addr === b.addr && a.data === b.data;
    case 'Irq':
      return b.type === 'Irq' && a.line === b.line;
    case 'Dequeue':
      return b.type === 'Dequeue' && a.p === b.p;
    case 'Enqueue':
      return b.type === 'Enqueue' && a.p === b.p && a.prio === b.prio && a.task === b.task;
    case 'IpcSend':
      return b.type === 'IpcSend' && a.p === b.p && a.ipcType === b.ipcType && a.target === b.target;
    case 'IpcRegister':
      return (
        b.type === 'IpcRegister' &&
        a.p === b.p &&
        a.ipcType === b.ipcType &&
        a.task === b.task &&
        a.sender === b.sender
      );
    case 'IrqRegister':
      return b.type === 'IrqRegister' && a.p === b.p && a.device === b.device && a.task === b.task;
    case 'ErrorRead':
      return b.type === 'ErrorRead' && a.p === b.p;
    case 'StatusRead':
      return b.type === 'StatusRead' && a.p === b.p;
    case 'StatusWrite':
      return b.type === 'StatusWrite' && a.p === b.p && a.data === b.data;
    case 'LocalRead':
      return b.type === 'LocalRead' && a.p === b.p && a.lq === b.lq && a.off === b.off;
    case 'LocalWrite':
      return b.type === 'LocalWrite' && a.p === b.p && a.lq === b.lq && a.off === b.off && a.data === b.data;
  }
}

/** Two observations alike (then formatted alike). */
function sameObservation(a: Observation | null, b: Observation | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.kind !== b.kind) return false;
  return a.kind !== 'value' || (b.kind === 'value' && a.value === b.value);
}

/**
 * A fast sufficient test that {@link outcomeDiffs} finds nothing: the same kind and reason, or
 * the same access, observation and task field by field (no words are built on this path).
 */
export function sameOutcome(expected: StepOutcome, actual: StepOutcome): boolean {
  if (expected.kind === 'rejected' || actual.kind === 'rejected')
    return expected.kind === 'rejected' && actual.kind === 'rejected' && expected.reason === actual.reason;
  return (
    expected.task === actual.task &&
    sameAccess(expected.access, actual.access) &&
    sameObservation(expected.obs, actual.obs)
  );
}

/** What differs between the model's outcome and the implementation's, in words (empty when they agree). */
export function outcomeDiffs(expected: StepOutcome, actual: StepOutcome): string[] {
  if (expected.kind === 'rejected' || actual.kind === 'rejected') {
    if (expected.kind === 'rejected' && actual.kind === 'rejected') {
      return expected.reason === actual.reason
        ? []
        : [`rejected: expected for ${expected.reason}, actual for ${actual.reason}`];
    }
    return expected.kind === 'rejected'
      ? [`the model rejects it (${expected.reason}), the implementation accepted it`]
      : [
          `the model accepts it, the implementation rejected it (${actual.kind === 'rejected' ? actual.reason : ''})`,
        ];
  }
  const out: string[] = [];
  const ea = describeAccess(expected.access); // names every field of the access
  const aa = describeAccess(actual.access);
  if (ea !== aa) out.push(`access: expected ${ea}, actual ${aa}`);
  const eo = expected.obs === null ? 'nothing' : formatObservation(expected.obs);
  const ao = actual.obs === null ? 'nothing' : formatObservation(actual.obs);
  if (eo !== ao) out.push(`observed: expected ${eo}, actual ${ao}`);
  if (expected.task !== actual.task)
    out.push(`task: expected 0x${expected.task.toString(16)}, actual 0x${actual.task.toString(16)}`);
  return out;
}

/** What differs between the model's state and the implementation's abs(), in words. */
export function stateDiffs(cfg: Config, expected: SystemState, actual: SystemState): string[] {
  const out: string[] = [];
  for (const [name, e, a] of changedCells(cfg, expected.ctrl, actual.ctrl))
    out.push(`${name}: expected ${e}, actual ${a}`);
  expected.harts.forEach((e, h) => {
    const a = actual.harts[h];
    if (a === undefined || !sameHart(e, a))
      out.push(
        `hart ${h}: expected ${describeHart(e)}, actual ${a === undefined ? 'none' : describeHart(a)}`,
      );
  });
  expected.tasks.forEach((e, i) => {
    const a = actual.tasks[i];
    if (a === undefined || !sameTask(e, a))
      out.push(
        `task 0x${(i + 1).toString(16)}: expected ${e.life}, actual ${a === undefined ? 'none' : a.life}`,
      );
  });
  return out;
}
