/**
 * The wakeup runner (protocols/wakeup/engine/runWakeup.ts): what it reports (steps, recorded steps with their
 * phase, the drain, the failing step), its options (properties, record, drain), which properties
 * it evaluates by default, and that the controller-step properties judge every access the system
 * performs.
 */
import { describe, expect, test } from 'vitest';
import { atsIntcChisel } from '../../../protocols/controller/designs/ats-intc-chisel/atsIntcChisel.ts';
import { atsIntcQemu } from '../../../protocols/controller/designs/ats-intc-qemu/atsIntcQemu.ts';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { findMutant } from '../../../protocols/controller/mutants/controllerMutants.ts';
import { runWakeup } from '../../../protocols/wakeup/engine/runWakeup.ts';
import {
  drain,
  HANDLED,
  initialSystem,
  quiescent,
  type SystemEvent,
  YIELD,
} from '../../../protocols/wakeup/model/index.ts';
import { findWakeupMutant } from '../../../protocols/wakeup/mutants/wakeupMutants.ts';
import {
  defaultWakeupPropertyIds,
  wakeupPropertyIds,
} from '../../../protocols/wakeup/properties/selection.ts';

const cfg = SMALL;
const irq = (line: number): SystemEvent => ({ type: 'Irq', line });
const fetch = (hart: number): SystemEvent => ({ type: 'HartFetch', hart });
const ret = (hart: number): SystemEvent => ({ type: 'HartReturn', hart });

/** A storm with a rejected event (a poll on a hart that runs nothing) in the middle. */
const STORM: SystemEvent[] = [
  irq(0),
  { type: 'HartPoll', hart: 1, outcome: YIELD }, // rejected: hart 1 runs nothing
  fetch(0),
  { type: 'HartPoll', hart: 0, outcome: HANDLED },
  irq(0),
];

describe('runWakeup', () => {
  test('an ok run: storm steps by index, then the drain, which ends quiescent', () => {
    for (const impl of [undefined, referenceImpl]) {
      const r = runWakeup(cfg, impl, STORM);
      if (!r.ok) return expect.fail(r.violation.message);
      const drained = r.drain;
      if (drained === undefined) return expect.fail('no drain');
      expect(drained.reachedQuiescence).toBe(true);
      expect(r.steps).toBe(STORM.length + drained.steps);
      expect(r.recorded.map((s) => s.index)).toEqual([
        0,
        2,
        3,
        4,
        ...drained.events.map((_, i) => STORM.length + i),
      ]);
      expect(r.recorded.map((s) => s.phase)).toEqual([
        ...['storm', 'storm', 'storm', 'storm'],
        ...drained.events.map(() => 'drain'),
      ]);
      expect(r.recorded.slice(4).map((s) => s.event)).toEqual(drained.events);
      expect(quiescent(cfg, r.final)).toBe(true);
      expect(r.initial).toEqual(initialSystem(cfg));
    }
  });

  test('the drain is the model’s own drain (protocols/wakeup/model/drain.ts)', () => {
    const r = runWakeup(cfg, undefined, STORM);
    const before = r.recorded[3]?.state;
    if (before === undefined || !r.ok) return expect.fail('no storm state');
    const d = drain(cfg, before);
    expect(r.drain?.events).toEqual(d.events);
    expect(r.final).toEqual(d.state);
  });

  test('record: false keeps nothing on success and only the failing step on failure', () => {
    expect(runWakeup(cfg, undefined, STORM, { record: false }).recorded).toEqual([]);
    const m = findMutant('wake-wrong-priority');
    const r = runWakeup(cfg, m, STORM, { record: false });
    if (r.ok) return expect.fail('the mutant passed');
    expect(r.recorded.map((s) => s.index)).toEqual([0]);
    expect(r.failing).toBe(r.recorded[0]);
  });

  test('a failing storm step: its index, phase, the state before it, and every failing property', () => {
    const m = findMutant('wake-wrong-priority');
    const r = runWakeup(cfg, m, STORM);
    if (r.ok) return expect.fail('the mutant passed');
    expect(r.phase).toBe('storm');
    expect(r.violation).toMatchObject({ property: 'wakePriority', step: 0 });
    expect(r.violations.map((v) => v.property)).toEqual(['wakePriority', 'refinement', 'systemRefinement']);
    expect(r.steps).toBe(1);
    expect(r.before).toEqual(initialSystem(cfg));
    expect(r.failing?.outcome).toMatchObject({ kind: 'accepted', access: { type: 'Irq', line: 0 } });
    expect(r.failing?.expected?.ctrl.ready[0]).toEqual([1n]); // the model's: priority 0 of process 0
    expect(r.final.ctrl.ready[1]).toEqual([1n]); // the mutant's: priority 1
  });

  test('a failure in the drain and one at quiescence are told apart', () => {
    const skip = findWakeupMutant('skip-reregister');
    const late = runWakeup(cfg, skip, [irq(0), irq(0)], { properties: ['noLostWakeupEventually'] });
    if (late.ok) return expect.fail('passed');
    expect(late.phase).toBe('quiescence');
    expect(late.failing).toBeUndefined();
    expect(late.violation.step).toBe(late.steps - 1);
    const inDrain = runWakeup(cfg, skip, [irq(0)], { properties: ['systemRefinement'] });
    if (inDrain.ok) return expect.fail('passed');
    expect(inDrain.phase).toBe('drain');
    expect(inDrain.violation.step).toBeGreaterThanOrEqual(1);
    expect(inDrain.failing?.event).toEqual({ type: 'HartPoll', hart: 0, outcome: HANDLED });
  });

  test('drain: false runs the storm only, and judges no liveness', () => {
    const skip = findWakeupMutant('skip-reregister');
    const r = runWakeup(
      cfg,
      skip,
      [irq(0), fetch(0), { type: 'HartPoll', hart: 0, outcome: HANDLED }, irq(0)],
      {
        properties: ['noLostWakeupEventually'],
        drain: false,
      },
    );
    expect(r.ok).toBe(true);
    expect(r.drain).toBeUndefined();
    expect(r.steps).toBe(4);
  });

  test('properties: any registered id the runner evaluates; an unknown one throws', () => {
    expect(() => runWakeup(cfg, undefined, [], { properties: ['noSuchThing'] })).toThrow(/unknown property/);
    expect(wakeupPropertyIds()).toContain('noLostWakeup');
    expect(wakeupPropertyIds()).toContain('noLostWakeupEventually');
    const r = runWakeup(cfg, atsIntcQemu, [irq(0), irq(0)], { properties: ['taskInOnePlace'] });
    expect(r.ok).toBe(true); // the lost interrupt is not taskInOnePlace's business
  });

  test('by default: every property, refinement only for the reference design and its mutants', () => {
    const all = wakeupPropertyIds();
    const own = all.filter((id) => id !== 'refinement' && id !== 'systemRefinement');
    expect(defaultWakeupPropertyIds(referenceImpl)).toEqual(all);
    expect(defaultWakeupPropertyIds(findWakeupMutant('double-wake'))).toEqual(all);
    expect(defaultWakeupPropertyIds(undefined)).toEqual(own);
    expect(defaultWakeupPropertyIds(atsIntcQemu)).toEqual(own);
    expect(defaultWakeupPropertyIds(atsIntcChisel)).toEqual(own);
  });

  test('controller-step properties judge every access the system performs, the return actions included', () => {
    const lifo = findMutant('lifo-within-priority');
    const events: SystemEvent[] = [
      { type: 'Spawn', p: 1, prio: 1 },
      { type: 'Spawn', p: 1, prio: 1 },
    ];
    const roomy = { ...cfg, taskPool: 4 }; // two ordinary tasks besides the two handlers
    const r = runWakeup(roomy, lifo, events, { properties: ['fifoWithinPriority'] });
    if (r.ok) return expect.fail('passed');
    expect(r.violation.step).toBe(1);
    const stale = findMutant('empty-returns-stale');
    const s = runWakeup(
      cfg,
      stale,
      [irq(0), fetch(0), { type: 'HartPoll', hart: 0, outcome: HANDLED }, ret(0), fetch(0)],
      {
        properties: ['taskConservation'],
      },
    );
    if (s.ok) return expect.fail('passed');
    expect(s.violation.message).toContain('DEQUEUE on page 0 returned task 0x1');
  });
});
