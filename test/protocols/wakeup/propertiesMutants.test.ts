/**
 * The wakeup mutant catalogue (protocols/wakeup/mutants/wakeupMutants.ts, switches in impl/runtime): its
 * shape, one hand-written witness per mutant (the shortest run that shows the bug, which the
 * reference runtime passes), and the verdict that matters: random wakeup storms at the pinned seed
 * catch every mutant with a property it lists and shrink the counterexample to a few events, while
 * the reference passes the same budget.
 */
import { describe, expect, test } from 'vitest';
import { referenceImpl } from '../../../protocols/controller/designs/reference/index.ts';
import { ReferenceDevice } from '../../../protocols/controller/designs/reference/referenceDevice.ts';
import { CONTROLLER_IMPLS } from '../../../protocols/controller/designs/registry.ts';
import { SMALL } from '../../../protocols/controller/model/config/config.ts';
import { CONTROLLER_MUTANTS } from '../../../protocols/controller/mutants/controllerMutants.ts';
import { checkWakeup } from '../../../protocols/wakeup/engine/checkWakeup.ts';
import { runWakeup } from '../../../protocols/wakeup/engine/runWakeup.ts';
import {
  formatSystemEvent,
  HANDLED,
  type SystemEvent,
  YIELD,
} from '../../../protocols/wakeup/model/index.ts';
import {
  findWakeupMutant,
  isWakeupMutant,
  WAKEUP_MUTANTS,
} from '../../../protocols/wakeup/mutants/wakeupMutants.ts';
import { WAKEUP_PROPERTIES } from '../../../protocols/wakeup/properties/index.ts';
import { defaultWakeupPropertyIds } from '../../../protocols/wakeup/properties/selection.ts';
import { RUNTIME_MUTATIONS } from '../../../protocols/wakeup/runtime/index.ts';
import { runs, SEED } from '../../support/seed.ts';

const cfg = SMALL;
/** The §6 guarantees: every property the wakeup runner evaluates but refinement. */
const GUARANTEES = defaultWakeupPropertyIds(undefined);
/** Storms per check: the budget within which the suite must catch each mutant. */
const BUDGET = 1000;
/** The longest shrunk counterexample accepted as "short". */
const SHORT = 6;

const irq = (line: number): SystemEvent => ({ type: 'Irq', line });
const fetch = (hart: number): SystemEvent => ({ type: 'HartFetch', hart });
const ret = (hart: number): SystemEvent => ({ type: 'HartReturn', hart });
const handled = (hart: number): SystemEvent => ({ type: 'HartPoll', hart, outcome: HANDLED });

/** Per mutant, the shortest storm (at SMALL) after which the bug shows, with the drain. */
const WITNESSES: Readonly<Record<string, readonly SystemEvent[]>> = {
  'register-while-running': [irq(0), fetch(0), handled(0)],
  'double-wake': [
    { type: 'Spawn', p: 0, prio: 0 },
    fetch(0),
    { type: 'HartPoll', hart: 0, outcome: YIELD },
    ret(0),
  ],
  'skip-reregister': [irq(0), irq(0)],
  'run-offline': [{ type: 'HartSwitch', hart: 0, p: 1 }, fetch(0)],
  'yield-fast-path': [
    { type: 'Spawn', p: 0, prio: 1 },
    fetch(0),
    { type: 'HartPoll', hart: 0, outcome: YIELD },
    irq(0),
    ret(0),
  ],
};

describe('the wakeup mutant catalogue', () => {
  test('one mutant per runtime mutation, named apart from every controller implementation', () => {
    expect(WAKEUP_MUTANTS.map((m) => m.name)).toEqual([...RUNTIME_MUTATIONS]);
    const taken = new Set([...CONTROLLER_IMPLS, ...CONTROLLER_MUTANTS].map((i) => i.name));
    for (const m of WAKEUP_MUTANTS) {
      expect(taken.has(m.name)).toBe(false);
      expect(isWakeupMutant(m)).toBe(true);
      expect(m.create(cfg)).toBeInstanceOf(ReferenceDevice);
      expect(m.description).toMatch(/^[A-Z].{20,}\.$/);
      for (const id of m.expectedViolations) expect(WAKEUP_PROPERTIES.map((p) => p.id)).toContain(id);
    }
    for (const i of CONTROLLER_IMPLS) expect(isWakeupMutant(i)).toBe(false);
    expect(findWakeupMutant('no-such-mutant')).toBeUndefined();
  });

  test('a witness per mutant', () => {
    expect(Object.keys(WITNESSES).sort()).toEqual(WAKEUP_MUTANTS.map((m) => m.name).sort());
  });

  test.each(WAKEUP_MUTANTS.map((m) => [m.name, m] as const))(
    '%s: its witness fails a property it lists; the reference passes it',
    (name, m) => {
      const w = WITNESSES[name] ?? [];
      const r = runWakeup(cfg, m, w, { properties: GUARANTEES });
      if (r.ok) return expect.fail(`${name} passed its witness`);
      expect(m.expectedViolations).toContain(r.violation.property);
      expect(runWakeup(cfg, referenceImpl, w).ok).toBe(true);
      expect(runWakeup(cfg, undefined, w).ok).toBe(true);
      expect(findWakeupMutant(name)).toBe(m);
    },
  );
});

describe('random wakeup storms catch every wakeup mutant, shrunk (SMALL)', () => {
  test.each(WAKEUP_MUTANTS.map((m) => [m.name, m] as const))('%s', (name, m) => {
    const r = checkWakeup({ cfg, impl: m, runs: runs(BUDGET), seed: SEED, properties: GUARANTEES });
    if (r.ok) return expect.fail(`${name} survived ${r.runs} storms`);
    const shown = r.counterexample.map(formatSystemEvent).join(', ');
    expect(m.expectedViolations, `${r.failure.violation.property}: ${shown}`).toContain(
      r.failure.violation.property,
    );
    expect(r.counterexample.length, shown).toBeLessThanOrEqual(SHORT);
    // Focused on what it lists, the check still finds it; and refinement against the model catches it too.
    const focused = checkWakeup({
      cfg,
      impl: m,
      runs: runs(BUDGET),
      seed: SEED,
      properties: m.expectedViolations,
    });
    expect(focused.ok).toBe(false);
    const refined = checkWakeup({
      cfg,
      impl: m,
      runs: runs(BUDGET),
      seed: SEED,
      properties: ['systemRefinement'],
    });
    expect(refined.ok).toBe(false);
  });

  test('the reference runtime passes the same budget, refinement included', () => {
    const r = checkWakeup({ cfg, impl: referenceImpl, runs: runs(BUDGET), seed: SEED });
    expect(r.ok).toBe(true);
  });
});
