import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { ControllerImpl } from '../../../../protocols/controller/designs/device.ts';
import { referenceImpl } from '../../../../protocols/controller/designs/reference/index.ts';
import { controllerStorm } from '../../../../protocols/controller/engine/controllerEvent.ts';
import { runController } from '../../../../protocols/controller/engine/runController.ts';
import { type Config, PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../../../protocols/controller/model/events.ts';
import { ERR } from '../../../../protocols/controller/model/registers.ts';
import { initialState } from '../../../../protocols/controller/model/state.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import { runs, SEED } from '../../../support/seed.ts';

const CONFIGS = [
  ['small', SMALL],
  ['published', PUBLISHED],
] as const;

/** Runs the storm and throws the violation in domain words, so fast-check prints it beside the counterexample. */
function mustPass(cfg: Config, events: readonly ControllerEvent[], impl?: ControllerImpl): void {
  const run = runController(cfg, impl, events, { record: false });
  if (!run.ok)
    throw new Error(`${run.violation.property} at step ${run.violation.step}: ${run.violation.message}`);
}

describe(`the model satisfies every controller-step property (seed: ${SEED})`, () => {
  test.each(CONFIGS)('random storms of up to 80 chunks, bursts included (%s)', (_name, cfg) => {
    fc.assert(
      fc.property(controllerStorm(cfg, { maxLength: 80 }), (events) => mustPass(cfg, events)),
      { seed: SEED, numRuns: runs(300) },
    );
  });
});

describe(`the storms reach every bound the properties speak about (seed: ${SEED})`, () => {
  test.each(CONFIGS)('every error bit and every kind of wake occurs in 300 storms (%s)', (_name, cfg) => {
    const seen = new Set<string>();
    for (const events of fc.sample(controllerStorm(cfg, { maxLength: 80 }), { seed: SEED, numRuns: 300 })) {
      let s = initialState(cfg);
      for (const e of events) {
        const r = step(cfg, s, e);
        for (const fx of r.effects) {
          if (fx.kind === 'Woken') seen.add(fx.cause);
          else for (const [name, bit] of Object.entries(ERR)) if ((fx.bits & bit) !== 0) seen.add(name);
        }
        s = r.state;
      }
    }
    expect([...seen].sort()).toEqual(
      [
        'BAD_ACCESS',
        'PENDING_OVERFLOW',
        'QUEUE_FULL',
        'WAIT_FULL',
        'interrupt',
        'ipcPending',
        'irqPending',
        'send',
      ].sort(),
    );
  });
});

describe(`the reference device refines the model and satisfies every property (seed: ${SEED})`, () => {
  test.each(CONFIGS)('random storms (%s)', (_name, cfg) => {
    fc.assert(
      fc.property(controllerStorm(cfg, { maxLength: 80 }), (events) => mustPass(cfg, events, referenceImpl)),
      { seed: SEED, numRuns: runs(100) },
    );
  });
});
