/**
 * The controller mutant catalogue (impl/mutants): its shape, one hand-written witness per mutant
 * (the shortest run that shows the bug, which the reference passes), and the verdict that matters:
 * random storms at the pinned seed catch every mutant with a property it lists, and shrink the
 * counterexample to a few events, while the reference passes the same budget.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { drive } from '../../../../protocols/controller/designs/drive.ts';
import { referenceImpl } from '../../../../protocols/controller/designs/reference/index.ts';
import { CONTROLLER_IMPLS, findControllerImpl } from '../../../../protocols/controller/designs/registry.ts';
import { checkController } from '../../../../protocols/controller/engine/checkController.ts';
import { runController } from '../../../../protocols/controller/engine/runController.ts';
import { type Config, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { controllerStorm } from '../../../../protocols/controller/model/controllerEvent.ts';
import { registerAddress } from '../../../../protocols/controller/model/decode.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { initialState, readyQueue } from '../../../../protocols/controller/model/state.ts';
import {
  CONTROLLER_MUTANTS,
  type ControllerMutant,
  findMutant,
} from '../../../../protocols/controller/mutants/controllerMutants.ts';
import { CONTROLLER_MUTATIONS } from '../../../../protocols/controller/mutants/mutation.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../../../protocols/controller/properties/index.ts';
import { findProperty } from '../../../../protocols/registry.ts';
import { runs, SEED } from '../../../support/seed.ts';

const cfg = SMALL; // N=2 P=2 C=3 D=2 T=2 B=2 Q=2

/** The §6 guarantees: every controller-step property but refinement (which any departure fails). */
const GUARANTEES = CONTROLLER_STEP_PROPERTIES.filter((p) => p.kind !== 'refinement').map((p) => p.id);
/** Storms per check: the budget within which the suite must catch each mutant. */
const BUDGET = 2000;
/** The longest shrunk counterexample accepted as "short". */
const SHORT = 6;

const enq = (p: number, prio: number, task: bigint): ControllerEvent => ({ type: 'Enqueue', p, prio, task });
const deq = (p: number): ControllerEvent => ({ type: 'Dequeue', p });
const reg = (p: number, device: number, task: bigint): ControllerEvent => ({
  type: 'IrqRegister',
  p,
  device,
  task,
});
const ipcReg = (p: number, ipcType: number, task: bigint): ControllerEvent => ({
  type: 'IpcRegister',
  p,
  ipcType,
  task,
});
const send = (p: number, ipcType: number, target: number): ControllerEvent => ({
  type: 'IpcSend',
  p,
  ipcType,
  target,
});
const irq = (line: number): ControllerEvent => ({ type: 'Irq', line });
/** A register-level write of `data` to ENQUEUE_k of page p (any k, any data: wrong ones included). */
const writeEnqueue = (p: number, k: number, data: bigint): ControllerEvent => ({
  type: 'Write',
  addr: registerAddress(cfg, p, 'ENQUEUE', k),
  data,
});

/** Per mutant, the shortest run (at SMALL) whose last step shows the bug. */
const WITNESSES: Readonly<Record<string, readonly ControllerEvent[]>> = {
  'lifo-within-priority': [enq(0, 1, 1n), enq(0, 1, 2n)],
  'dequeue-lower-priority': [enq(0, 0, 1n), enq(0, 1, 2n), deq(0)],
  'full-drops-silently': [enq(0, 0, 1n), enq(0, 0, 2n), enq(0, 0, 3n), enq(0, 0, 4n)],
  'capacity-off-by-one': [enq(0, 0, 1n), enq(0, 0, 2n), enq(0, 0, 3n), enq(0, 0, 4n)],
  'occupancy-leak': [enq(0, 0, 1n), enq(0, 0, 2n), enq(0, 0, 3n), deq(0), enq(0, 0, 4n)],
  'wake-wrong-priority': [reg(1, 0, 1n), irq(0)],
  'wake-wrong-process': [reg(1, 0, 1n), irq(0)],
  'register-ignores-pending': [irq(0), reg(0, 0, 1n)],
  'ipc-register-ignores-pending': [send(0, 1, 1), ipcReg(1, 1, 1n)],
  'pending-not-decremented': [irq(0), reg(0, 0, 1n)],
  'pending-saturates-silently': [irq(1), irq(1), irq(1)],
  'pending-latch': [irq(0), irq(0)],
  'waiters-out-of-order': [reg(0, 1, 1n), reg(1, 1, 2n), irq(1)],
  'interrupt-wakes-all': [reg(0, 1, 1n), reg(1, 1, 2n), irq(1)],
  'error-not-cleared': [writeEnqueue(0, 0, 0n), { type: 'ErrorRead', p: 1 }],
  'zero-task-accepted': [writeEnqueue(1, 1, 0n)],
  'priority-index-wraps': [writeEnqueue(0, cfg.priorities, 5n)],
  'ipc-send-dropped': [send(0, 0, 1)],
  'send-uses-sender-page': [send(1, 0, 0)],
  'offline-drops': [enq(1, 0, 1n)],
  'dequeue-wrong-process': [enq(0, 0, 1n), deq(0)],
  'empty-returns-stale': [enq(0, 0, 1n), deq(0), deq(0)],
  'read-only-write-accepted': [{ type: 'Write', addr: registerAddress(cfg, 0, 'DEQUEUE', 0), data: 1n }],
  'pending-drained-not-consumed': [irq(0), irq(0), reg(0, 0, 1n)],
};

function mutantNamed(name: string): ControllerMutant {
  const m = findMutant(name);
  if (m === undefined) throw new Error(`no mutant "${name}"`);
  return m;
}

const MUTANT_CASES = CONTROLLER_MUTANTS.map((m) => [m.name, m] as const);

describe('the controller mutant catalogue', () => {
  test('one mutant per mutation, named after it, kebab-case, each with known expected properties', () => {
    expect(CONTROLLER_MUTANTS.map((m) => m.name)).toEqual([...CONTROLLER_MUTATIONS]);
    for (const m of CONTROLLER_MUTANTS) {
      expect(m.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
      expect(m.mutation).toBe(m.name);
      expect(m.description).toMatch(/^\S.*\.$/);
      expect(m.description).not.toContain('\n');
      expect(m.expectedViolations.length).toBeGreaterThan(0);
      for (const id of m.expectedViolations) expect(findProperty(id)?.id).toBe(id);
      expect(findMutant(m.name)).toBe(m);
    }
    expect(findMutant('reference')).toBeUndefined();
  });

  test('the mutants are registered after the designs, under unique names', () => {
    const names = CONTROLLER_IMPLS.map((i) => i.name);
    expect(new Set(names).size).toBe(names.length);
    for (const m of CONTROLLER_MUTANTS) expect(findControllerImpl(m.name)).toBe(m);
    expect(CONTROLLER_IMPLS[0]).toBe(referenceImpl);
  });

  test.each(MUTANT_CASES)(
    '%s: at reset it is the model initial state, and instances are independent',
    (_n, m) => {
      const a = m.create(cfg);
      expect(a.abs()).toEqual(initialState(cfg));
      drive(cfg, a, enq(0, 0, 1n));
      expect(m.create(cfg).abs()).toEqual(initialState(cfg));
    },
  );
});

describe('each mutant shows its bug on a hand-written witness (SMALL)', () => {
  test('every mutant has a witness', () => {
    expect(Object.keys(WITNESSES).sort()).toEqual(CONTROLLER_MUTANTS.map((m) => m.name).sort());
  });

  test.each(MUTANT_CASES)('%s', (name, m) => {
    const events = WITNESSES[name] ?? [];
    expect(runController(cfg, referenceImpl, events).ok).toBe(true);
    const r = runController(cfg, m, events, { properties: GUARANTEES });
    if (r.ok) throw new Error(`${name} passed its witness`);
    expect(r.violation.step).toBe(events.length - 1);
    expect(m.expectedViolations).toContain(r.violation.property);
  });

  test('wake-wrong-process: its ready ring takes the worst case (N·C) without overflowing', () => {
    // Process 0 fills its capacity; process 1's waiters are woken into process 0 until process 1's
    // occupancy counter (which still counts them) is full; then process 0 drains and refills.
    const m = mutantNamed('wake-wrong-process');
    const dev = m.create(cfg);
    const C = cfg.capacity;
    const events: ControllerEvent[] = [];
    for (let i = 1; i <= C; i++) events.push(enq(0, 0, BigInt(i)));
    for (let i = 1; i <= C; i++) events.push(reg(1, 0, BigInt(10 + i)), irq(0));
    for (const e of events) drive(cfg, dev, e);
    expect(readyQueue(cfg, dev.abs(), 0, 0).length).toBe(cfg.processes * C);
    for (let i = 0; i < cfg.processes * C; i++) drive(cfg, dev, deq(0));
    for (let i = 1; i <= cfg.processes * C; i++) drive(cfg, dev, enq(0, 0, BigInt(20 + i)));
    expect(readyQueue(cfg, dev.abs(), 0, 0).length).toBe(cfg.processes * C);
  });

  test('no mutant throws or stalls on any storm (the seeded bug is the only misbehaviour)', () => {
    const cfgs: readonly Config[] = [cfg, { ...cfg, processes: 3, capacity: 2, waitDepth: 1, pendingMax: 1 }];
    fc.assert(
      fc.property(
        fc.constantFrom(...CONTROLLER_MUTANTS),
        fc
          .constantFrom(...cfgs)
          .chain((c) => fc.tuple(fc.constant(c), controllerStorm(c, { maxLength: 300 }))),
        (m, [c, storm]) => {
          const dev = m.create(c);
          for (const e of storm) expect(['ack', 'value']).toContain(drive(c, dev, e).kind);
        },
      ),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});

describe(`the property suite catches every mutant (seed ${SEED}, ${BUDGET} storms, SMALL)`, () => {
  test('the reference passes the same budget', () => {
    const r = checkController({ cfg, impl: referenceImpl, runs: runs(BUDGET), seed: SEED });
    expect(r.ok).toBe(true);
  });

  test.each(MUTANT_CASES)(
    '%s: caught by an expected property, shrunk to a short counterexample',
    (name, m) => {
      const r = checkController({ cfg, impl: m, runs: runs(BUDGET), seed: SEED, properties: GUARANTEES });
      if (r.ok) throw new Error(`${name} survived ${r.runs} storms`);
      expect(m.expectedViolations).toContain(r.failure.violation.property);
      expect(r.counterexample.length).toBeGreaterThan(0);
      expect(r.counterexample.length).toBeLessThanOrEqual(SHORT);
      expect(r.failure.violation.step).toBe(r.counterexample.length - 1);
      expect(runController(cfg, referenceImpl, r.counterexample).ok).toBe(true);
      expect(runController(cfg, m, r.counterexample, { properties: ['refinement'] }).ok).toBe(false);
    },
  );

  const focused = CONTROLLER_MUTANTS.flatMap((m) =>
    m.expectedViolations.map((id) => [m.name, id, m] as const),
  );
  test.each(focused)('%s is caught by %s on its own', (name, id, m) => {
    const r = checkController({ cfg, impl: m, runs: runs(BUDGET), seed: SEED, properties: [id] });
    if (r.ok) throw new Error(`${name} survived ${r.runs} storms checked with ${id} alone`);
    expect(r.failure.violation.property).toBe(id);
    expect(r.counterexample.length).toBeLessThanOrEqual(SHORT);
  });
});
