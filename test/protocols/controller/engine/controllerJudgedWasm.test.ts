/**
 * The judged controller engine in WebAssembly against the JavaScript one it ports
 * (controllerJudgedExplore.ts): (a) from every state the JavaScript successors reach on the tiny
 * and lines presets and the first states of small (also under each seeded bug), the wasm successor
 * function leaves the same successor bytes, ghost included, and the same verdict bits, on the step
 * and on the successor alone; (b) its search counts what exploreControllerJudged counts and
 * reports progress at the same states; (c) its own pass finds each seeded bug at the transition the
 * JavaScript search stops at, and the answer then handed over is exploreControllerJudged's, as it
 * is for any other selection or option.
 */
import { describe, expect, it } from 'vitest';
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { exploreControllerJudged } from '../../../../protocols/controller/engine/packed/controllerJudgedExplore.ts';
import type { ControllerPackedMutation } from '../../../../protocols/controller/engine/packed/controllerPackedMutation.ts';
import { ControllerPackedSuccessors } from '../../../../protocols/controller/engine/packed/controllerPackedSuccessors.ts';
import {
  controllerBitsOf,
  controllerWasmPass,
  controllerWasmSuccessors,
  exploreControllerJudgedWasm,
} from '../../../../protocols/controller/engine/wasm/controllerJudgedWasm.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../../../../protocols/controller/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';
import { NEVER_QUEUE_FULL } from './neverQueueFull.ts';

const PROPS = selectControllerProperties(defaultControllerPropertyIds(undefined));
const preset = (name: string): Config => presetOf('controller', name);
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** The seeded bugs, each with the preset its first failing step is reached on (the IPC sends need small's). */
const MUTATIONS: readonly [ControllerPackedMutation, string][] = [
  ['forgetsCustody', 'tiny'],
  ['keepsOldReady', 'tiny'],
  ['readKeepsError', 'tiny'],
  ['sendCountsBesideHandler', 'small'],
  ['sendKeepsHandler', 'small'],
  ['sendWakesLow', 'small'],
];

/**
 * Walks the states the JavaScript successors reach breadth first (at most `limit`; a successor of
 * a failing step is not walked, as the engine stores none) and, from each, compares every event's
 * wasm successor and verdicts with ControllerPackedSuccessors' (every verdict judged on the step,
 * then `stateViolations`); throws at the first difference (hundreds of thousands of comparisons,
 * which `expect` would make seconds slower). The states walked, the failing steps seen.
 */
function compareSuccessors(
  cfg: Config,
  limit: number,
  mutation?: ControllerPackedMutation,
): { states: number; failing: number } {
  const js = new ControllerPackedSuccessors(cfg, PROPS, mutation ?? null);
  const wasm = controllerWasmSuccessors(cfg, PROPS, mutation);
  const seen = new Set<string>();
  const queue = [js.initial().slice()];
  seen.add(hex(queue[0] ?? new Uint8Array(0)));
  let failing = 0;
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head] ?? new Uint8Array(0);
    const got = wasm.of(node);
    js.load(node, 0);
    for (let k = 0; k < got.successors.length; k++) {
      const violations = js.step(k, 0, false);
      const want = violations === undefined ? 0 : controllerBitsOf(violations.map((v) => v.property));
      const state = js.stateViolations(0);
      const wantState = state === undefined ? 0 : controllerBitsOf(state.map((v) => v.property));
      const where = `state ${head} (${hex(node)}) event ${k}`;
      if (hex(got.successors[k] ?? new Uint8Array(0)) !== hex(js.bytes))
        throw new Error(
          `${where}: successor ${hex(got.successors[k] ?? new Uint8Array(0))}, JS ${hex(js.bytes)}`,
        );
      if (got.bits[k] !== want) throw new Error(`${where}: bits ${got.bits[k]}, JS ${want}`);
      if (got.stateBits[k] !== wantState)
        throw new Error(`${where}: state bits ${got.stateBits[k]}, JS ${wantState}`);
      if (want !== 0) {
        failing++;
        continue;
      }
      const key = hex(js.bytes);
      if (seen.has(key) || queue.length >= limit) continue;
      seen.add(key);
      queue.push(js.bytes.slice());
    }
  }
  return { states: queue.length, failing };
}

describe('judged controller engine in WebAssembly', () => {
  it.each([
    ['tiny', Number.POSITIVE_INFINITY, 4480],
    ['lines', Number.POSITIVE_INFINITY, 1024],
    ['small', 3000, 3000],
  ])(
    'steps and judges every transition of the %s preset as ControllerPackedSuccessors does',
    (name, limit, states) => {
      expect(compareSuccessors(preset(name), limit)).toEqual({ states, failing: 0 });
    },
  );

  it.each(MUTATIONS)(
    'steps and judges the successors of the seeded bug %s as ControllerPackedSuccessors does, failing ones included',
    (mutation, name) => {
      const out = compareSuccessors(preset(name), 2000, mutation);
      expect(out.failing).toBeGreaterThan(0);
    },
  );

  it.each(['tiny', 'small', 'lines'])(
    'counts what exploreControllerJudged counts, passing on its own (%s)',
    (name) => {
      const cfg = preset(name);
      const js = exploreControllerJudged(cfg, PROPS);
      const pass = controllerWasmPass(cfg, PROPS);
      expect(pass).toMatchObject({ kind: 'holds', jsCalls: 0 });
      expect({
        kind: 'complete',
        distinct: pass.distinct,
        transitions: pass.transitions,
        diameter: pass.diameter,
      }).toEqual(js);
      expect(exploreControllerJudgedWasm(cfg, PROPS)).toEqual(js);
    },
  );

  it('counts small as the manifest does: 42,240 states, 971,520 transitions, diameter 16', () => {
    expect(exploreControllerJudgedWasm(preset('small'), PROPS)).toEqual({
      kind: 'complete',
      distinct: 42_240,
      transitions: 971_520,
      diameter: 16,
    });
  });

  it('counts the same with a store that grows and rehashes many times (room for 16 states at first)', () => {
    const pass = controllerWasmPass(preset('small'), PROPS, { room: 16 });
    expect(pass).toMatchObject({ kind: 'holds', distinct: 42_240, transitions: 971_520, diameter: 16 });
  });

  it.each([
    ['tiny', 1000],
    ['lines', 1],
    ['small', 5000],
  ] as const)(
    'reports progress at the states exploreControllerJudged reports it, from the wasm search (%s, every %d)',
    (name, every) => {
      const cfg = preset(name);
      const js: ExploreProgress[] = [];
      exploreControllerJudged(cfg, PROPS, { progressEvery: every, onProgress: (p) => js.push(p) });
      const wasm: ExploreProgress[] = [];
      exploreControllerJudgedWasm(cfg, PROPS, { progressEvery: every, onProgress: (p) => wasm.push(p) });
      expect(wasm.length).toBeGreaterThan(1);
      expect(wasm).toEqual(js);
    },
  );

  it.each(MUTATIONS)(
    'finds the seeded bug %s in its own pass where exploreControllerJudged stops, and hands over its answer',
    (mutation, name) => {
      const cfg = preset(name);
      const js = exploreControllerJudged(cfg, PROPS, { mutation });
      if (js.kind !== 'violation') throw new Error(`${mutation}: no violation in JavaScript`);
      const pass = controllerWasmPass(cfg, PROPS, { mutation });
      expect(pass).toMatchObject({
        kind: 'stepFails',
        distinct: js.distinct,
        transitions: js.transitions,
        diameter: js.diameter,
      });
      // forgetsCustody's accepted writes are stepped by ControllerPackedSuccessors in JavaScript, as there
      expect(pass.jsCalls > 0).toBe(mutation === 'forgetsCustody');
      expect(exploreControllerJudgedWasm(cfg, PROPS, { mutation })).toEqual(js);
    },
  );

  it('hands any other selection or option to exploreControllerJudged: its answer whole', () => {
    const cfg = preset('small');
    const failing = [...PROPS, NEVER_QUEUE_FULL];
    expect(exploreControllerJudgedWasm(cfg, failing)).toEqual(exploreControllerJudged(cfg, failing));
    const some = selectControllerProperties(['strictPriority', 'capacityBound']);
    expect(exploreControllerJudgedWasm(cfg, some)).toEqual(exploreControllerJudged(cfg, some));
    expect(exploreControllerJudgedWasm(cfg, PROPS, { maxStates: 1000 })).toEqual(
      exploreControllerJudged(cfg, PROPS, { maxStates: 1000 }),
    );
    expect(() => controllerWasmPass(cfg, some)).toThrow(/default selection only/);
  });
});
