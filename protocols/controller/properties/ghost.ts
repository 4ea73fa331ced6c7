/**
 * Ghost data: what the checker remembers beside a controller run so that properties can speak
 * about history (spec/controller.md §6). It is derived from the abstract states, the decoded
 * operations and the observations only, never from the model's step, and is never part of a
 * state key in exploration.
 */
import type { Config } from '../model/config/config.ts';
import { ERR } from '../model/registers.ts';
import type { ControllerStepContext } from './context.ts';
import { stepRequiredErrors } from './requiredErrors.ts';
import { stepFacts } from './stepFacts.ts';

/** The error bits in register order, so that `errorFirstStep[i]` belongs to `ERROR_BITS[i]`. */
export const ERROR_BITS: readonly number[] = [
  ERR.QUEUE_FULL,
  ERR.WAIT_FULL,
  ERR.PENDING_OVERFLOW,
  ERR.BAD_ACCESS,
];

/** Read-only view of the ghost data, as properties see it before a step. */
export interface ControllerGhost {
  /**
   * `custody[p]`: instances accepted from writes on page p (ENQUEUE, IRQ_REGISTER, IPC_REGISTER)
   * and not yet returned by a DEQUEUE on page p, counted by task id. A woken instance stays in
   * the custody of the process that registered it (processIsolation).
   */
  readonly custody: readonly (ReadonlyMap<bigint, number> | undefined)[];
  /** Accepted write instances not yet returned by any DEQUEUE (taskConservation). */
  readonly outstanding: number;
  /** The error bits §4.3/§5 required in the steps since the last ERROR read (errorReporting). */
  readonly errorSinceRead: number;
  /** Per bit of {@link ERROR_BITS}: the first step since the last ERROR read that required it, or -1. */
  readonly errorFirstStep: readonly number[];
  /**
   * Where error registers are per process (ControllerState.errorOf): per process, the bits owed to
   * its register since its last ERROR read (required bits of steps naming it, and the bits a
   * design-only step set in it). Unused for a global register.
   */
  readonly errorSinceReadOf: readonly number[];
}

/** The ghost as the runner owns it: the same data, mutable. */
export interface MutableControllerGhost extends ControllerGhost {
  custody: (Map<bigint, number> | undefined)[];
  outstanding: number;
  errorSinceRead: number;
  errorFirstStep: number[];
  errorSinceReadOf: number[];
}

/** The ghost at reset: nothing accepted, no error bit owed. */
export function initialGhost(cfg: Pick<Config, 'processes'>): MutableControllerGhost {
  return {
    custody: new Array<Map<bigint, number> | undefined>(cfg.processes).fill(undefined),
    outstanding: 0,
    errorSinceRead: 0,
    errorFirstStep: ERROR_BITS.map(() => -1),
    errorSinceReadOf: new Array<number>(cfg.processes).fill(0),
  };
}

/** Adds `n` instances of `task` to the custody of process p (removing below zero is ignored). */
export function addCustody(g: MutableControllerGhost, p: number, task: bigint, n: number): void {
  let m = g.custody[p];
  if (m === undefined) {
    if (n <= 0) return;
    m = new Map();
    g.custody[p] = m;
  }
  const next = (m.get(task) ?? 0) + n;
  if (next > 0) m.set(task, next);
  else m.delete(task);
}

/** The per-process registers' share of the step: a read clears its own, a step owes bits to the one it names. */
function advanceErrorsOf(g: MutableControllerGhost, ctx: ControllerStepContext, of: readonly number[]): void {
  const { op, before } = ctx;
  if (op.type === 'ErrorRead') {
    g.errorSinceReadOf[op.p] = 0;
    return;
  }
  if (op.type === 'DesignOnly') {
    for (let q = 0; q < g.errorSinceReadOf.length; q++) {
      const set = (of[q] ?? 0) & ~(before.errorOf?.[q] ?? 0);
      if (set !== 0) g.errorSinceReadOf[q] = (g.errorSinceReadOf[q] ?? 0) | set;
    }
    return;
  }
  const req = stepRequiredErrors(ctx);
  if (req.bits !== 0 && req.p !== undefined)
    g.errorSinceReadOf[req.p] = (g.errorSinceReadOf[req.p] ?? 0) | req.bits;
}

function advanceErrors(g: MutableControllerGhost, ctx: ControllerStepContext): void {
  const of = ctx.after.errorOf;
  if (of !== undefined) advanceErrorsOf(g, ctx, of);
  if (ctx.op.type === 'ErrorRead') {
    g.errorSinceRead = of === undefined ? 0 : g.errorSinceReadOf.reduce((a, b) => a | b, 0);
    g.errorFirstStep.fill(-1);
    return;
  }
  // A design-only step owes the bits it set itself (no §5 rule names them), so a later read must return them.
  const bits =
    ctx.op.type === 'DesignOnly' ? ctx.after.error & ~ctx.before.error : stepRequiredErrors(ctx).bits;
  if (bits === 0) return;
  ERROR_BITS.forEach((bit, i) => {
    if ((bits & bit) !== 0 && (g.errorSinceRead & bit) === 0) g.errorFirstStep[i] = ctx.index;
  });
  g.errorSinceRead |= bits;
}

/** Moves the ghost past the step `ctx` (call after every property has seen `ctx`). */
export function advanceGhost(g: MutableControllerGhost, ctx: ControllerStepContext): void {
  advanceErrors(g, ctx);
  const { op, obs } = ctx;
  switch (op.type) {
    case 'Enqueue':
    case 'IrqRegister':
    case 'IpcRegister':
      // Accepted when the written instance is held once more than before (whatever else happened).
      if ((stepFacts(ctx).held.get(op.task) ?? 0) > 0) {
        addCustody(g, op.p, op.task, 1);
        g.outstanding++;
      }
      return;
    case 'Dequeue':
    case 'DequeueVia':
      if (obs.kind === 'value' && obs.value !== 0n) {
        addCustody(g, op.p, obs.value, -1);
        g.outstanding--;
      }
      return;
    case 'Irq':
    case 'IpcSend':
    case 'ErrorRead':
    case 'StatusRead':
    case 'StatusWrite':
    case 'BadAccess':
    case 'DesignOnly': // moves no instance: taskConservation holds it to that
      return;
  }
}

/** A copy of the controller ghost `g` (custody maps copied, so the copy can be advanced alone). */
export function copyControllerGhost(g: MutableControllerGhost): MutableControllerGhost {
  const custody = g.custody.slice();
  for (let p = 0; p < custody.length; p++) {
    const m = custody[p];
    if (m !== undefined) custody[p] = new Map(m);
  }
  return {
    custody,
    outstanding: g.outstanding,
    errorSinceRead: g.errorSinceRead,
    errorFirstStep: g.errorFirstStep.slice(),
    errorSinceReadOf: g.errorSinceReadOf.slice(),
  };
}
