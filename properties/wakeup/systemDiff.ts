/**
 * Equality of system states and step outcomes, and their differences in words: what the system
 * refinement property compares after every step (the controller through its §3 cells, the harts
 * and the task table field by field).
 */
import type { Config } from '../../model/config/config.ts';
import type { HartState, SystemState, TaskRecord } from '../../model/wakeup/state.ts';
import { changedCells, formatObservation } from '../../traces/stateCells.ts';
import { sameState } from '../controller/measures.ts';
import type { StepOutcome } from './context.ts';
import { describeAccess, describeHart } from './words.ts';

const sameHart = (a: HartState, b: HartState): boolean =>
  a === b || (a.phase === b.phase && a.p === b.p && a.task === b.task);

const sameTask = (a: TaskRecord, b: TaskRecord): boolean =>
  a === b ||
  (a.life === b.life &&
    a.p === b.p &&
    a.prio === b.prio &&
    a.handlerOf === b.handlerOf &&
    a.waitsOn === b.waitsOn);

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a === b) return true;
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
      sameList(a.harts, b.harts, sameHart) &&
      sameList(a.tasks, b.tasks, sameTask))
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
