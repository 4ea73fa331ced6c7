/**
 * The judged engine in WebAssembly against the JavaScript one it ports: (a) from every state the
 * JavaScript judged successors reach on the tiny preset (also under each seeded bug), the wasm
 * step judge leaves the same successors with the same ghost bytes and gives the same verdict bits
 * as PackedStepJudge; (b) its searches count what exploreJudged counts on tiny and small; (c) its
 * own pass finds each seeded bug and a failing leads-to check (at the transition the JavaScript
 * search stops at), and the answer it then hands over is exploreJudged's.
 */
import { describe, expect, it } from 'vitest';
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import {
  exploreJudged,
  judgedInitial,
  judgedLayout,
  searchJudged,
} from '../../../../protocols/wakeup/engine/packed/judgedExplore.ts';
import { decodeGhosts } from '../../../../protocols/wakeup/engine/packed/packedGhost.ts';
import {
  decodeSystem,
  LIFE_BLOCKED,
  TASK_W,
} from '../../../../protocols/wakeup/engine/packed/packedLayout.ts';
import type { PackedMutation } from '../../../../protocols/wakeup/engine/packed/packedMutation.ts';
import { PackedStepJudge } from '../../../../protocols/wakeup/engine/packed/packedStepJudge.ts';
import { PackedSuccessors } from '../../../../protocols/wakeup/engine/packed/packedSuccessors.ts';
import {
  type ControllerJudgeIn,
  controllerBitsOf,
  exploreJudgedWasm,
  judgedWasmPass,
  judgedWasmSuccessors,
} from '../../../../protocols/wakeup/engine/wasm/judgedWasmExplore.ts';
import {
  selectWakeupProperties,
  type WakeupSelection,
} from '../../../../protocols/wakeup/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';

const preset = (name: string): Config => presetOf('wakeup', name);
const SEL: WakeupSelection = selectWakeupProperties(undefined, undefined);
const MUTATIONS: readonly PackedMutation[] = ['wakeCopies', 'stealsOffline', 'finishWanders', 'wedges'];

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

interface Comparison {
  readonly states: number;
  readonly transitions: number;
  /** Transitions some property failed on. */
  readonly failing: number;
  /** States and successors where noLostWakeupEventually fails at a drain's end that reached quiescence. */
  readonly endsFailing: number;
  readonly disagreements: string[];
}

/**
 * BFS of the tiny preset through the JavaScript judged successors under `mutation` (passing steps
 * only, at most 3,000 states), comparing at every state each successor's bytes and verdict with the
 * wasm judge's (its memo misses judged by `controller`); and at every state and successor (failing ones too) the leads-to check's end
 * verdict (reached quiescence or not) with noLostWakeupEventually's own on the decoded state and ghost.
 */
function compare(
  cfg: Config,
  mutation: PackedMutation | undefined,
  controller: ControllerJudgeIn = 'wasm',
): Comparison {
  const G = judgedLayout(cfg);
  const succ = new PackedSuccessors(G.L, mutation, G.width);
  const pj = new PackedStepJudge(G, SEL);
  const wasm = judgedWasmSuccessors(
    cfg,
    SEL,
    mutation === undefined ? { controller } : { mutation, controller },
  );
  const init = judgedInitial(G);
  const seen = new Set([hex(init)]);
  const queue: Uint8Array[] = [init];
  const bad: string[] = [];
  let transitions = 0;
  let failing = 0;
  let endsFailing = 0;
  for (let head = 0; head < queue.length && head < 3000 && bad.length < 3; head++) {
    const cur = queue[head];
    if (cur === undefined) continue;
    const js: { bytes: string; bits: number; ctrl: number }[] = [];
    succ.expand(new Int32Array(cur.buffer, cur.byteOffset, cur.length >> 2), 0, {
      visit: () => {
        const bits = pj.stepFailures(succ, 0) | pj.stateFailures(succ.b);
        const ctrl = controllerBitsOf(pj.ctrlFails ?? []);
        js.push({ bytes: hex(succ.b), bits, ctrl });
        transitions++;
        if (bits !== 0 || ctrl !== 0) {
          failing++;
          return;
        }
        const key = hex(succ.b);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(succ.b.slice());
        }
      },
    });
    const got = wasm.of(cur);
    for (const end of [cur, ...got.successors])
      for (const reached of [true, false]) {
        const ctx = {
          cfg,
          index: 0,
          state: decodeSystem(G.L, end),
          drain: { steps: 1, events: [], reachedQuiescence: reached },
          ghost: decodeGhosts(G, end).wg,
        };
        const holds = SEL.liveness.every((p) => p.check(ctx) === null);
        if (reached && !holds) endsFailing++;
        if (wasm.endHolds(end, reached) !== holds)
          bad.push(`end at ${hex(end)} (reached ${reached}): wasm ${!holds}, property ${holds}`);
      }
    const mine = got.successors.map((b, i) => ({
      bytes: hex(b),
      bits: got.bits[i] ?? -1,
      ctrl: got.ctrlBits[i] ?? -1,
    }));
    if (JSON.stringify(mine) !== JSON.stringify(js))
      bad.push(`from ${hex(cur)}:\n js ${JSON.stringify(js)}\n wasm ${JSON.stringify(mine)}`);
  }
  return { states: seen.size, transitions, failing, endsFailing, disagreements: bad };
}

describe('judged wakeup engine in WebAssembly', () => {
  it.each<ControllerJudgeIn>(['wasm', 'js'])(
    'judges every transition of the tiny preset as PackedStepJudge does: the same successors, ghosts and verdicts (controller judge in %s)',
    (controller) => {
      const c = compare(preset('tiny'), undefined, controller);
      expect(c).toMatchObject({ states: 1704, transitions: 8460, failing: 0 });
      expect(c.disagreements).toEqual([]);
    },
  );

  it.each(MUTATIONS.flatMap((m) => [[m, 'wasm'] as const, [m, 'js'] as const]))(
    'judges the successors of the seeded bug %s as PackedStepJudge does, failing ones included (controller judge in %s)',
    (m, controller) => {
      const c = compare(preset('tiny'), m, controller);
      expect(c.failing).toBeGreaterThan(0);
      expect(c.disagreements).toEqual([]);
    },
  );

  it('judges a drain ending at quiescence as noLostWakeupEventually does, failing ends included', () => {
    const ends = MUTATIONS.map((m) => compare(preset('tiny'), m).endsFailing);
    expect(ends.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  it('fails a drain end where a line owed a wake has a waiter (queued or blocked in the task table), as the property does', () => {
    // no reachable tiny state has one (the controller judge fails the step first): built by hand
    const cfg = preset('tiny');
    const G = judgedLayout(cfg);
    const wasm = judgedWasmSuccessors(cfg, SEL);
    const verdicts = (b: Uint8Array): [boolean, boolean] => {
      const ctx = {
        cfg,
        index: 0,
        state: decodeSystem(G.L, b),
        drain: { steps: 1, events: [], reachedQuiescence: true },
        ghost: decodeGhosts(G, b).wg,
      };
      return [wasm.endHolds(b, true), SEL.liveness.every((p) => p.check(ctx) === null)];
    };
    const owed = judgedInitial(G); // its handler task 1 waits for line 0: taken away
    owed.fill(0, G.L.irqWait, G.L.irqWait + G.L.waitW);
    owed.fill(0, G.L.tasks, G.L.tasks + TASK_W);
    expect(verdicts(owed)).toEqual([true, true]);
    owed[G.undelivered] = 1;
    expect(verdicts(owed)).toEqual([true, true]);
    const queued = owed.slice();
    queued.set([1, 1, 1], G.L.irqWait); // irqWait[0] = [process 0, task 1]
    expect(verdicts(queued)).toEqual([false, false]);
    const blocked = owed.slice();
    blocked.set([LIFE_BLOCKED, 1, 0, 0, 1], G.L.tasks); // task 1 of process 0 blocked on line 0
    expect(verdicts(blocked)).toEqual([false, false]);
  });

  it.each(['tiny', 'small'])('counts what exploreJudged counts, passing on its own (%s)', (name) => {
    const cfg = preset(name);
    const js = exploreJudged(cfg, SEL);
    expect(js.kind).toBe('complete');
    const pass = judgedWasmPass(cfg, SEL);
    expect(pass).toMatchObject({ kind: 'holds', distinct: js.distinct, transitions: js.transitions });
    expect(exploreJudgedWasm(cfg, SEL)).toEqual(js);
  });

  it('judges as often as PackedStepJudge on small, remembering the same steps, none of them in JavaScript', () => {
    // 21,908 PackedControllerJudge.judge calls in exploreJudged on small (docs/exploration.md)
    const counts = { ctrlCalls: 21_908, remembered: 303_628 };
    expect(judgedWasmPass(preset('small'), SEL)).toMatchObject({ ...counts, jsCalls: 0 });
    expect(judgedWasmPass(preset('small'), SEL, { controller: 'js' })).toMatchObject({
      ...counts,
      jsCalls: 21_908,
    });
  });

  it('counts small the same when every table starts with room for 16 (the store, leads-to and memo tables all grow)', () => {
    const pass = judgedWasmPass(preset('small'), SEL, { room: { states: 16, nodes: 16 } });
    expect(pass).toMatchObject({ kind: 'holds', distinct: 69_532, transitions: 488_000, diameter: 24 });
    expect(pass).toMatchObject({ ctrlCalls: 21_908, remembered: 303_628, jsCalls: 0 });
  });

  it('traps (a RuntimeError, which exploreJudgedWasm hands to exploreJudged) when its tables outgrow linear memory', () => {
    const huge = { room: { states: 1 << 30, nodes: 16 } };
    expect(() => judgedWasmPass(preset('tiny'), SEL, huge)).toThrow(
      expect.objectContaining({ name: 'RuntimeError' }),
    );
  });

  it.each(MUTATIONS)(
    'finds the seeded bug %s in its own pass, where the JavaScript search does, and answers as exploreJudged',
    (m) => {
      for (const name of ['tiny', 'small']) {
        const cfg = preset(name);
        const pass = judgedWasmPass(cfg, SEL, { mutation: m });
        const first = searchJudged(cfg, SEL, { mutation: m });
        expect(first.kind).toBe('violation');
        if (first.kind !== 'violation') return;
        expect(pass.kind).toBe(first.where === 'step' ? 'stepFails' : 'leadsToFails');
        expect(pass.transitions).toBe(first.transitions);
        expect(exploreJudgedWasm(cfg, SEL, { mutation: m })).toEqual(
          exploreJudged(cfg, SEL, { mutation: m }),
        );
      }
    },
  );

  it.each([4, 6, 9])(
    'finds a failing leads-to check (drain bound %i) in its own pass and answers as exploreJudged',
    (drainBound) => {
      const cfg = { ...preset('tiny'), drainBound };
      const pass = judgedWasmPass(cfg, SEL);
      expect(pass.kind).toBe('leadsToFails');
      const out = exploreJudgedWasm(cfg, SEL);
      expect(out).toMatchObject({ kind: 'violation', where: 'liveness' });
      expect(out).toEqual(exploreJudged(cfg, SEL));
    },
  );

  it('hands any other selection or option to exploreJudged', () => {
    const cfg = preset('tiny');
    const live = selectWakeupProperties(['noLostWakeupEventually'], undefined);
    expect(exploreJudgedWasm(cfg, live)).toEqual(exploreJudged(cfg, live));
    expect(exploreJudgedWasm(preset('small'), SEL, { maxStates: 1000 })).toEqual(
      exploreJudged(preset('small'), SEL, { maxStates: 1000 }),
    );
    expect(exploreJudgedWasm(cfg, SEL, { liveness: false })).toEqual(
      exploreJudged(cfg, SEL, { liveness: false }),
    );
  });

  it('reports progress at the states exploreJudged reports it, from the wasm search', () => {
    const cfg = preset('small');
    const reports = (explore: typeof exploreJudged): ExploreProgress[] => {
      const seen: ExploreProgress[] = [];
      explore(cfg, SEL, { onProgress: (p) => seen.push(p), progressEvery: 5000 });
      return seen;
    };
    const js = reports(exploreJudged);
    expect(js.length).toBeGreaterThan(10);
    expect(reports(exploreJudgedWasm)).toEqual(js);
  });

  it('reports the progress of the wasm pass once when a search is handed over, not again from the JavaScript search', () => {
    const seen: ExploreProgress[] = [];
    // a leads-to check that fails after the whole search: exploreJudged searches twice more
    const out = exploreJudgedWasm({ ...preset('tiny'), drainBound: 4 }, SEL, {
      onProgress: (p) => seen.push(p),
      progressEvery: 100,
    });
    expect(out.kind).toBe('violation');
    const distinct = seen.map((p) => p.distinct);
    expect(distinct.length).toBeGreaterThan(1);
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
  });
});
