/**
 * The wakeup properties (properties/wakeup): registered with the ids of spec §6, each one able to
 * fail (on a seeded runtime bug, a device that stalls, a drain bound too small, or a hand-made
 * context) with a message in domain words, and all of them holding on the system model and on the
 * runtime over the reference design, refinement included, under random storms.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ControllerImpl } from '../../../protocols/controller/designs/device.ts';
import { FULL_SUPPORT } from '../../../protocols/controller/designs/device.ts';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { ReferenceDevice } from '../../../protocols/controller/designs/reference/referenceDevice.ts';
import { type Config, PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import { findProperty, propertiesOf } from '../../../protocols/registry.ts';
import { runWakeup } from '../../../protocols/wakeup/engine/runWakeup.ts';
import { wakeupStorm } from '../../../protocols/wakeup/engine/wakeupStorm.ts';
import {
  FINISH,
  HANDLED,
  initialSystem,
  type SystemEvent,
  YIELD,
} from '../../../protocols/wakeup/model/index.ts';
import { findWakeupMutant } from '../../../protocols/wakeup/mutants/wakeupMutants.ts';
import type { WakeupLivenessContext } from '../../../protocols/wakeup/properties/context.ts';
import { initialWakeupGhost } from '../../../protocols/wakeup/properties/ghost.ts';
import { WAKEUP_PROPERTIES } from '../../../protocols/wakeup/properties/index.ts';
import { noLostWakeupEventually } from '../../../protocols/wakeup/properties/noLostWakeupEventually.ts';
import { runs, SEED } from '../../support/seed.ts';

const cfg = SMALL; // N=2 P=2 C=3 D=2 B=2 Q=2 H=2 pool=3: handlers 0x1 (line 0) and 0x2 (line 1)

const irq = (line: number): SystemEvent => ({ type: 'Irq', line });
const spawn = (p: number, prio: number): SystemEvent => ({ type: 'Spawn', p, prio });
const fetch = (hart: number): SystemEvent => ({ type: 'HartFetch', hart });
const ret = (hart: number): SystemEvent => ({ type: 'HartReturn', hart });
const switchTo = (hart: number, p: number): SystemEvent => ({ type: 'HartSwitch', hart, p });
const poll = (hart: number, outcome: typeof YIELD): SystemEvent => ({ type: 'HartPoll', hart, outcome });

/** A device every read of which stalls the bus (a hart that reads DEQUEUE is wedged for good). */
const stallingReads: ControllerImpl = {
  name: 'test-stalling-reads',
  description: 'The reference design, except that every read stalls.',
  expectedViolations: ['noStuckSystem'],
  supports: FULL_SUPPORT,
  create(c: Config) {
    const inner = new ReferenceDevice(c);
    return {
      read: () => ({ kind: 'stall' }),
      write: (addr, data) => inner.write(addr, data),
      irq: (line) => inner.irq(line),
      abs: () => inner.abs(),
    };
  },
};

function mutant(name: string): ControllerImpl {
  const m = findWakeupMutant(name);
  if (m === undefined) throw new Error(`no wakeup mutant ${name}`);
  return m;
}

interface FailCase {
  readonly id: string;
  readonly impl: ControllerImpl | undefined;
  readonly cfg: Config;
  readonly events: readonly SystemEvent[];
  /** The step the property fails at (storm index, or the last step for liveness). */
  readonly phase: 'storm' | 'drain' | 'quiescence';
  readonly says: string;
}

/** One run per wakeup property in which it fails, alone (the property is the only one selected). */
const FAILS: readonly FailCase[] = [
  {
    id: 'taskInOnePlace',
    impl: mutant('double-wake'),
    cfg,
    events: [spawn(0, 0), fetch(0), poll(0, YIELD), ret(0)],
    phase: 'storm',
    says: 'is in 2 places: ready[0][0], hart 0 (its return action)',
  },
  {
    id: 'boundedPriorityInversion',
    impl: mutant('yield-fast-path'),
    cfg,
    events: [spawn(0, 1), fetch(0), poll(0, YIELD), irq(0), ret(0)],
    phase: 'storm',
    says: 'obtained task 0x3 (process 0, priority 1) at priority 1 while ready[0][0] held [0x1]',
  },
  {
    id: 'onlyOnlineRun',
    impl: mutant('run-offline'),
    cfg,
    events: [switchTo(0, 1), fetch(0)],
    phase: 'storm',
    says: 'read DEQUEUE of process 1, which is offline',
  },
  {
    id: 'noStuckSystem',
    impl: stallingReads,
    cfg,
    events: [irq(0), fetch(0), fetch(1)],
    phase: 'storm',
    says: 'nothing that could serve it can happen',
  },
  {
    id: 'noRegisterWhileRunning',
    impl: mutant('register-while-running'),
    cfg,
    events: [irq(0), fetch(0), poll(0, HANDLED)],
    phase: 'storm',
    says: 'wrote IRQ_REGISTER_0 of 0x1 on page 0 while hart 0 still runs 0x1',
  },
  {
    id: 'noLostWakeupEventually',
    impl: mutant('skip-reregister'),
    cfg,
    events: [irq(0), fetch(0), poll(0, HANDLED), irq(0)],
    phase: 'quiescence',
    says: 'task 0x1 (handler of line 0) still waits for line 0, but the interrupt on line 0 at step 3 woke nobody (irqPending[0] = 1)',
  },
  {
    id: 'systemRefinement',
    impl: mutant('run-offline'),
    cfg,
    events: [switchTo(0, 1)],
    phase: 'storm',
    says: 'the model rejects it (targetNotRunnable), the implementation accepted it',
  },
];

/** Long storms sampled per kind and preset (a sample size, not a property's run count). */
const LONG_STORMS = 2;

describe('the wakeup properties in the registry', () => {
  test('the ids of spec §6 (Wakeup, System, rule 3), plus system refinement, all of protocol wakeup', () => {
    expect(WAKEUP_PROPERTIES.map((p) => p.id).sort()).toEqual(
      [
        'boundedPriorityInversion',
        'noLostWakeupEventually',
        'noRegisterWhileRunning',
        'noStuckSystem',
        'onlyOnlineRun',
        'systemRefinement',
        'taskInOnePlace',
      ].sort(),
    );
    expect(propertiesOf('wakeup')).toEqual(WAKEUP_PROPERTIES);
    for (const p of WAKEUP_PROPERTIES) expect(findProperty(p.id)).toBe(p);
    expect(noLostWakeupEventually.kind).toBe('liveness');
  });

  test('the failure cases cover every wakeup property', () => {
    expect(FAILS.map((c) => c.id).sort()).toEqual(WAKEUP_PROPERTIES.map((p) => p.id).sort());
  });
});

describe('every wakeup property can fail, with a message in domain words', () => {
  test.each(FAILS.map((c) => [c.id, c] as const))('%s', (id, c) => {
    const r = runWakeup(c.cfg, c.impl, c.events, { properties: [id] });
    if (r.ok) return expect.fail(`${id} held`);
    expect(r.violation.property).toBe(id);
    expect(r.phase).toBe(c.phase);
    expect(r.violation.message).toContain(c.says);
    if (c.phase === 'storm') expect(r.violation.step).toBe(c.events.length - 1);
    // The same events pass on the system model, and on the runtime over the reference design.
    expect(runWakeup(c.cfg, undefined, c.events, { properties: [id] }).ok).toBe(true);
    expect(runWakeup(c.cfg, referenceImpl, c.events, { properties: [id] }).ok).toBe(true);
  });

  test('noLostWakeupEventually: a drain that reaches its bound fails', () => {
    const tight: Config = { ...cfg, drainBound: 4 };
    const events = [spawn(0, 0), spawn(0, 1), irq(0), irq(1)];
    const r = runWakeup(tight, undefined, events, { properties: ['noLostWakeupEventually'] });
    if (r.ok) return expect.fail('the drain fit in 4 steps');
    expect(r.violation.message).toContain('took its bound of 4 steps without reaching quiescence');
    expect(r.drain?.steps).toBe(4);
    expect(runWakeup(cfg, undefined, events, { properties: ['noLostWakeupEventually'] }).ok).toBe(true);
  });

  test('noLostWakeupEventually: a woken task that has not run fails (hand-made ghost)', () => {
    const state = initialSystem(cfg);
    const ghost = initialWakeupGhost(cfg);
    ghost.wokenNotRun.set(3n, 7);
    const ctx: WakeupLivenessContext = {
      cfg,
      index: 9,
      state,
      drain: { steps: 3, events: [], reachedQuiescence: true },
      ghost,
    };
    expect(noLostWakeupEventually.check(ctx)).toBe(
      'at quiescence task 0x3 was woken at step 7 and has not run since',
    );
    ghost.wokenNotRun.clear();
    expect(noLostWakeupEventually.check(ctx)).toBeNull();
  });

  test('noLostWakeupEventually: a drain that cannot go on (wedged harts) fails', () => {
    const r = runWakeup(cfg, stallingReads, [irq(0)], { properties: ['noLostWakeupEventually'] });
    if (r.ok) return expect.fail('held');
    expect(r.violation.message).toContain('without reaching quiescence (no hart can step)');
  });
});

describe('the system model and the reference runtime satisfy every wakeup property', () => {
  test.each([
    ['small', SMALL, 300],
    ['published', PUBLISHED, 60],
  ] as const)('%s: random mixed storms, then the drain', (_n, c, n) => {
    fc.assert(
      fc.property(wakeupStorm(c, { maxEvents: 150 }), (storm) => {
        const model = runWakeup(c, undefined, storm, { record: false });
        if (!model.ok) expect.fail(`model: ${model.violation.property}: ${model.violation.message}`);
        const ref = runWakeup(c, referenceImpl, storm, { record: false });
        if (!ref.ok) expect.fail(`reference: ${ref.violation.property}: ${ref.violation.message}`);
      }),
      { seed: SEED, numRuns: runs(n) },
    );
  });

  // Not a run count: the property runs above (runs(n)) cover many short storms; this samples
  // LONG_STORMS storms of 3,000–4,000 events per kind and preset (20 storms, ~70,000 checked
  // events), each judged by every property after every step and the drain.
  test('long storms of every kind (several thousand events)', () => {
    for (const kind of ['uniform', 'burst', 'allLines', 'window', 'mixed'] as const) {
      for (const c of [SMALL, PUBLISHED]) {
        const storms = fc.sample(wakeupStorm(c, { kind, minEvents: 3000, maxEvents: 4000 }), {
          seed: SEED,
          numRuns: LONG_STORMS,
        });
        for (const storm of storms) {
          const r = runWakeup(c, referenceImpl, storm, { record: false });
          if (!r.ok) expect.fail(`${kind}: ${r.violation.property}: ${r.violation.message}`);
        }
      }
    }
  });

  test('the handler window itself is served: two interrupts, two runs of the handler', () => {
    const events = [irq(0), fetch(0), poll(0, HANDLED), irq(0), ret(0), fetch(0), poll(0, HANDLED), ret(0)];
    const r = runWakeup(cfg, referenceImpl, events);
    expect(r.ok).toBe(true);
    expect(r.final.ctrl.irqPending[0]).toBe(0);
    expect(r.final.ctrl.irqWait[0]).toEqual([{ p: 0, task: 1n }]);
    expect(runWakeup(cfg, undefined, [...events, poll(0, FINISH)]).ok).toBe(true);
  });
});
