import { describe, expect, test } from 'vitest';
import { runController } from '../../../../protocols/controller/engine/runController.ts';
import { SMALL } from '../../../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { initialState } from '../../../../protocols/controller/model/state.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import { CONTROLLER_STEP_PROPERTIES } from '../../../../protocols/controller/properties/index.ts';
import { MUTANTS } from '../properties/support/mutants.ts';

const cfg = SMALL;
const OWN = CONTROLLER_STEP_PROPERTIES.map((p) => p.id).filter((id) => id !== 'refinement');

describe('runController: a broken device is caught by its property, on its own abstraction', () => {
  test.each(MUTANTS.map((m) => [m.impl.name, m] as const))('%s', (_name, m) => {
    const at = m.refinedAt ?? m.events.length - 1;
    const run = runController(cfg, m.impl, m.events);
    if (run.ok) throw new Error(`${m.impl.name} was not caught`);
    const ids = m.refinedAt === undefined ? [...m.caughtBy, 'refinement'] : ['refinement'];
    expect(run.violations.map((v) => v.property)).toEqual(ids);
    expect(run.violation).toEqual(run.violations[0]);
    expect(run.violation.step).toBe(at);
    expect(run.steps).toBe(at + 1);
    expect(run.recorded).toHaveLength(at + 1);
    expect(run.failing).toBe(run.recorded[at]);
    expect(run.failing.expected).toBeDefined();

    const own = runController(cfg, m.impl, m.events, { properties: OWN, record: false });
    if (m.caughtBy.length === 0) {
      expect(own.ok).toBe(true);
      return;
    }
    if (own.ok) throw new Error(`${m.impl.name} escaped its own property`);
    expect(own.violation.property).toBe(m.caughtBy[0]);
    expect(own.recorded).toEqual([]);
    expect(own.failing.event).toEqual(m.events[m.events.length - 1]);
  });

  test.each(MUTANTS.map((m) => [m.impl.name, m] as const))(
    'the model alone passes the events that catch %s',
    (_n, m) => {
      expect(runController(cfg, undefined, m.events)).toMatchObject({ ok: true, steps: m.events.length });
    },
  );
});

describe('runController: what a run returns', () => {
  const events: ControllerEvent[] = [
    { type: 'Enqueue', p: 1, prio: 1, task: 7n },
    { type: 'IrqRegister', p: 0, device: 1, task: 9n },
    { type: 'Irq', line: 1 },
    { type: 'Dequeue', p: 0 },
    { type: 'Dequeue', p: 1 },
  ];

  test('the model alone: the initial state, then one recorded state per event, no prediction', () => {
    const run = runController(cfg, undefined, events);
    expect(run.ok).toBe(true);
    expect(run.initial).toEqual(initialState(cfg));
    let s = initialState(cfg);
    const want = events.map((e) => {
      const r = step(cfg, s, e);
      s = r.state;
      return { event: e, obs: r.obs, state: r.state };
    });
    expect(run.recorded).toEqual(want);
  });

  test('record: false keeps nothing on success', () => {
    expect(runController(cfg, undefined, events, { record: false })).toMatchObject({
      ok: true,
      steps: 5,
      recorded: [],
    });
  });

  test('a stall ends the run; with neverStalls deselected the run stops there and says why', () => {
    const stall = MUTANTS.find((m) => m.impl.name === 'stall-when-full');
    if (stall === undefined) throw new Error('missing mutant');
    const more = [...stall.events, { type: 'Dequeue', p: 0 } as const];
    const run = runController(cfg, stall.impl, more, { properties: ['strictPriority'] });
    expect(run).toMatchObject({ ok: true, steps: 4, stopped: 'stall' });
  });

  test('properties evaluated elsewhere are ignored; an unknown id throws naming it', () => {
    expect(runController(cfg, undefined, events, { properties: [] }).ok).toBe(true);
    expect(() => runController(cfg, undefined, events, { properties: ['noSuchThing'] })).toThrow(
      /"noSuchThing"/,
    );
  });

  test('an event that cannot exist in the configuration is refused before anything runs', () => {
    expect(() => runController(cfg, undefined, [{ type: 'Irq', line: cfg.devices }])).toThrow(
      /event 0: interrupt line 2/,
    );
  });
});
