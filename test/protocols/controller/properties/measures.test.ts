/**
 * The shortcuts the controller properties take for speed (protocols/controller/properties/measures.ts)
 * give the answers of the plain definitions: the held count after a step derived from the step's
 * queue changes, and the comparison of two states given a pair already known to be equal, on
 * runs of the model beside the reference and every mutant (so that the states also differ).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { drive } from '../../../../protocols/controller/designs/drive.ts';
import { ReferenceDevice } from '../../../../protocols/controller/designs/reference/referenceDevice.ts';
import { controllerStorm } from '../../../../protocols/controller/engine/controllerEvent.ts';
import { PUBLISHED, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import { toOperation } from '../../../../protocols/controller/model/decode.ts';
import { type ControllerState, initialState } from '../../../../protocols/controller/model/state.ts';
import { step } from '../../../../protocols/controller/model/step.ts';
import {
  CONTROLLER_MUTATIONS,
  type ControllerMutation,
} from '../../../../protocols/controller/mutants/mutation.ts';
import type { ControllerStepContext } from '../../../../protocols/controller/properties/context.ts';
import { initialGhost } from '../../../../protocols/controller/properties/ghost.ts';
import { heldCountAfter } from '../../../../protocols/controller/properties/heldCount.ts';
import { sameState, sameStateGiven } from '../../../../protocols/controller/properties/measures.ts';
import { runs, SEED } from '../../../support/seed.ts';

/** The instances a state holds, counted from scratch. */
function countHeld(s: ControllerState): number {
  let n = 0;
  for (const table of [s.ready, s.irqWait, s.ipcWait]) for (const q of table) n += q.length;
  return n;
}

/** The same question as `sameState`, answered by a deep comparison. */
function deepSame(a: ControllerState, b: ControllerState): boolean {
  return (
    JSON.stringify(a, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v)) ===
    JSON.stringify(b, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v))
  );
}

const MUTATIONS: readonly (ControllerMutation | undefined)[] = [undefined, ...CONTROLLER_MUTATIONS];

describe('measures: shortcuts agree with the definitions', () => {
  test.each([
    ['small', SMALL, 80],
    ['published', PUBLISHED, 20],
  ] as const)(
    `held count after a step and comparison given an equal pair (%s, seed: ${SEED})`,
    (_name, cfg, n) => {
      fc.assert(
        fc.property(
          fc.constantFrom(...MUTATIONS),
          controllerStorm(cfg, { maxLength: 60 }),
          (mutation, storm) => {
            const dev = new ReferenceDevice(cfg, mutation);
            const ghost = initialGhost(cfg);
            let model = initialState(cfg);
            let before = dev.abs();
            let known: [ControllerState, ControllerState] | undefined;
            storm.forEach((event, index) => {
              const obs = drive(cfg, dev, event);
              const after = dev.abs();
              model = step(cfg, model, event).state;
              const ctx: ControllerStepContext = {
                cfg,
                index,
                event,
                op: toOperation(cfg, event),
                before,
                after,
                obs,
                expected: undefined,
                ghost,
              };
              expect(heldCountAfter(ctx)).toBe(countHeld(after));
              const same = deepSame(model, after);
              expect(sameState(model, after)).toBe(same);
              if (known !== undefined) expect(sameStateGiven(model, after, known[0], known[1])).toBe(same);
              if (same) known = [model, after];
              before = after;
            });
          },
        ),
        { seed: SEED, numRuns: runs(n) },
      );
    },
  );
});
