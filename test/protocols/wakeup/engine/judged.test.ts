/**
 * The judged engine against the one step judge: on every transition of the tiny preset, the
 * packed successor with its ghost is the wakeup judge's successor encoded, and the failing
 * properties are the judge's; from every state, the packed drain's verdict is drainFrom's. On the
 * successors of every seeded bug of the packed successor function (where properties fail), the
 * byte verdicts are the properties' own on the decoded step; and a comparison with a byte verdict
 * left out is shown to fail. Then the engine's counts are the explorer's (tiny and small).
 */
import { describe, expect, it } from 'vitest';
import { ACC_DEQUEUE, ACC_NONE } from '../../../../protocols/controller/engine/packed/packedAccess.ts';
import { PackedControllerJudge } from '../../../../protocols/controller/engine/packed/packedControllerJudge.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { ACK, valueObs } from '../../../../protocols/controller/model/result.ts';
import { exploreJudgedProtocol } from '../../../../protocols/family/exploreJudgedProtocol.ts';
import { exploreProtocol } from '../../../../protocols/family/exploreProtocol.ts';
import { drainFrom } from '../../../../protocols/wakeup/engine/drainFrom.ts';
import {
  exploreJudged,
  judgedInitial,
  judgedLayout,
  searchJudged,
} from '../../../../protocols/wakeup/engine/packed/judgedExplore.ts';
import {
  accessEvent,
  judgeAccessObjects,
} from '../../../../protocols/wakeup/engine/packed/objectAccessJudge.ts';
import { PackedDrain } from '../../../../protocols/wakeup/engine/packed/packedDrain.ts';
import {
  decodeGhosts,
  encodeGhosts,
  type PackedGhostLayout,
} from '../../../../protocols/wakeup/engine/packed/packedGhost.ts';
import { decodeSystem, encodeSystem } from '../../../../protocols/wakeup/engine/packed/packedLayout.ts';
import type { PackedMutation } from '../../../../protocols/wakeup/engine/packed/packedMutation.ts';
import { PackedStepJudge } from '../../../../protocols/wakeup/engine/packed/packedStepJudge.ts';
import { PackedSuccessors } from '../../../../protocols/wakeup/engine/packed/packedSuccessors.ts';
import { type WakeupNode, wakeupJudge } from '../../../../protocols/wakeup/engine/wakeupJudge.ts';
import { enabled } from '../../../../protocols/wakeup/model/enabled.ts';
import type { SystemEvent } from '../../../../protocols/wakeup/model/events.ts';
import type { StepOutcome, WakeupStepContext } from '../../../../protocols/wakeup/properties/context.ts';
import { advanceWakeupGhost } from '../../../../protocols/wakeup/properties/ghost.ts';
import {
  selectWakeupProperties,
  type WakeupSelection,
} from '../../../../protocols/wakeup/properties/selection.ts';
import { presetOf } from '../../../support/presetOf.ts';

const preset = (name: string): Config => presetOf('wakeup', name);

const SEL: WakeupSelection = selectWakeupProperties(undefined, undefined);

/** A node's bytes: its system state, then both ghosts. */
function encodeNode(G: PackedGhostLayout, n: WakeupNode): Uint8Array {
  const b = new Uint8Array(G.width);
  b.set(encodeSystem(G.L, n.sys));
  encodeGhosts(G, b, n.cghost, n.ghost);
  return b;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
/** An event in a disagreement's message (its task ids are bigints). */
const show = (e: SystemEvent): string =>
  JSON.stringify(e, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

interface CrossCheck {
  readonly states: number;
  readonly transitions: number;
  readonly disagreements: string[];
  /** Accesses, and those whose controller verdict and ghost the byte judge took from its memo. */
  readonly accesses: number;
  readonly remembered: number;
}

/**
 * BFS of the tiny model through the wakeup judge, comparing every transition with the packed
 * successors and the byte judge (and every state's drain with the packed drain); `memo`: how the
 * byte judge remembers its controller verdicts (controllerJudgeMemo.ts).
 */
function crossCheck(cfg: Config, memo: 'keyed' | 'dropsGhost' = 'keyed'): CrossCheck {
  const G = judgedLayout(cfg);
  const judge = wakeupJudge(cfg, undefined, SEL, (rt) => rt);
  const succ = new PackedSuccessors(G.L, undefined, G.width);
  const pj = new PackedStepJudge(G, SEL, memo);
  let accesses = 0;
  const drain = new PackedDrain(
    G,
    SEL,
    new PackedSuccessors(G.L, undefined, G.width),
    new PackedStepJudge(G, SEL),
  );
  const init = judge.initial();
  const seen = new Set([hex(encodeNode(G, init))]);
  const queue: WakeupNode[] = [init];
  const bad: string[] = [];
  let transitions = 0;
  expect(hex(judgedInitial(G))).toBe(hex(encodeNode(G, init)));
  for (let head = 0; head < queue.length && bad.length < 5; head++) {
    const n = queue[head];
    if (n === undefined) continue;
    const cur = encodeNode(G, n);
    const events = enabled(cfg, n.sys);
    const mine = drain.from(cur);
    const theirs = drainFrom(cfg, SEL, n, judge);
    if ((mine?.ids ?? null)?.join() !== (theirs === null ? undefined : theirs.map((v) => v.property).join()))
      bad.push(
        `drain from ${hex(cur)}: packed ${mine?.ids.join()} judge ${theirs?.map((v) => v.property).join()}`,
      );
    let k = 0;
    succ.expand(new Int32Array(cur.buffer), 0, {
      visit: () => {
        const e = events[k++];
        transitions++;
        if (e === undefined) {
          bad.push(`packed successor ${k - 1} of ${hex(cur)} has no event`);
          return;
        }
        const r = judge.step(n, e, head, 'copy');
        if (succ.acc !== ACC_NONE) accesses++;
        const bits = pj.stepFailures(succ, head) | pj.stateFailures(succ.b);
        const ids = pj.ids(bits).join();
        const want = (r.violations ?? []).map((v) => v.property).join();
        if (ids !== want) bad.push(`${show(e)} from ${hex(cur)}: packed [${ids}] judge [${want}]`);
        if (r.violations !== undefined) return;
        const got = hex(succ.b);
        const next = hex(encodeNode(G, r.node));
        if (got !== next) bad.push(`${show(e)} from ${hex(cur)}: packed ${got} judge ${next}`);
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(r.node);
        }
      },
    });
    if (k !== events.length) bad.push(`${hex(cur)}: ${k} packed successors, ${events.length} events`);
  }
  return { states: seen.size, transitions, disagreements: bad, accesses, remembered: pj.remembered };
}

/** The wakeup step properties themselves on the packed step from `cur` to `s.b` by `e`. */
function wakeupVerdicts(cfg: Config, cur: Uint8Array, s: PackedSuccessors, e: SystemEvent): string[] {
  const G = judgedLayout(cfg);
  const before = decodeSystem(G.L, cur);
  const after = decodeSystem(G.L, s.b);
  const access = s.acc === ACC_NONE ? null : accessEvent(s);
  const outcome: StepOutcome = {
    kind: 'accepted',
    access,
    obs: access === null ? null : s.acc === ACC_DEQUEUE ? valueObs(BigInt(s.accTask)) : ACK,
    task: 0n,
  };
  const ctx: WakeupStepContext = {
    cfg,
    index: 0,
    event: e,
    outcome,
    before,
    after,
    enabled: () => enabled(cfg, after),
    expected: undefined,
    ghost: decodeGhosts(G, cur).wg,
  };
  return SEL.step.filter((p) => p.check(ctx) !== null).map((p) => p.id);
}

/** The wakeup ghost's hart half (advanceWakeupGhost with no access) on the ghost bytes of `next`. */
function servedWakes(G: PackedGhostLayout, cur: Uint8Array, next: Uint8Array): void {
  const before = decodeSystem(G.L, cur);
  const after = decodeSystem(G.L, next);
  const { cg, wg } = decodeGhosts(G, next);
  const outcome: StepOutcome = { kind: 'accepted', access: null, obs: null, task: 0n };
  const ctx: WakeupStepContext = {
    cfg: G.L.cfg,
    index: 0,
    event: { type: 'HartPark', hart: 0 },
    outcome,
    before,
    after,
    enabled: () => [],
    expected: undefined,
    ghost: wg,
  };
  advanceWakeupGhost(wg, ctx, undefined);
  encodeGhosts(G, next, cg, wg);
}

/**
 * Over every successor (from every state reached) of the packed successor function with
 * `mutation`: the byte verdicts against the properties themselves on the decoded step; `drop`
 * removes a byte verdict first (to show the comparison can fail). Returns the disagreements and
 * how many steps some property failed on.
 */
function mutantVerdicts(
  cfg: Config,
  mutation: PackedMutation,
  drop?: string,
): { bad: string[]; failing: number } {
  const G = judgedLayout(cfg);
  const succ = new PackedSuccessors(G.L, mutation, G.width);
  const pj = new PackedStepJudge(G, SEL);
  const init = judgedInitial(G);
  const seen = new Set([hex(init)]);
  const queue: Uint8Array[] = [init];
  const bad: string[] = [];
  let failing = 0;
  for (let head = 0; head < queue.length && head < 3000 && bad.length < 5; head++) {
    const cur = queue[head];
    if (cur === undefined) continue;
    const events = enabled(cfg, decodeSystem(G.L, cur));
    let k = 0;
    succ.expand(new Int32Array(cur.buffer), 0, {
      visit: () => {
        const e = events[k++];
        if (e === undefined) return;
        const next = succ.b.slice();
        const objectCtrl = succ.acc === ACC_NONE ? null : judgeAccessObjects(G, SEL, cur, next, succ, 0);
        servedWakes(G, cur, next);
        const want = [...(objectCtrl ?? []), ...wakeupVerdicts(cfg, cur, succ, e)];
        const bits = pj.stepFailures(succ, 0) | pj.stateFailures(succ.b);
        const got = pj.ids(bits).filter((id) => id !== drop);
        if (got.join() !== want.join())
          bad.push(
            `${mutation} ${show(e)} from ${hex(cur)}: packed [${got.join()}] properties [${want.join()}]`,
          );
        if (want.length > 0) {
          failing++;
          return;
        }
        if (hex(next) !== hex(succ.b)) bad.push(`${mutation} ${show(e)}: ghosts differ`);
        const key = hex(succ.b);
        if (!seen.has(key)) {
          seen.add(key);
          queue.push(succ.b.slice());
        }
      },
    });
  }
  return { bad, failing };
}

describe('judged wakeup engine', () => {
  it('agrees with the wakeup judge on every transition and every drain of the tiny preset', () => {
    const out = crossCheck(preset('tiny'));
    expect(out.disagreements).toEqual([]);
    expect(out.states).toBe(1704);
    expect(out.transitions).toBe(8460);
    // most controller verdicts compared are remembered ones (controllerJudgeMemo.ts)
    expect(out.remembered).toBeGreaterThan(out.accesses / 2);
  });

  it('reports disagreements when the remembered verdicts are keyed without the ghost (a wrong memo key is caught)', () => {
    expect(crossCheck(preset('tiny'), 'dropsGhost').disagreements.length).toBeGreaterThan(0);
  });

  it.each<PackedMutation>(['wakeCopies', 'stealsOffline', 'finishWanders', 'wedges'])(
    'judges the failing steps of the seeded bug %s as the properties themselves do',
    (mutation) => {
      const { bad, failing } = mutantVerdicts(preset('tiny'), mutation);
      expect(bad).toEqual([]);
      expect(failing).toBeGreaterThan(0);
    },
  );

  it('reports a disagreement when a byte verdict is left out (the comparison can fail)', () => {
    expect(mutantVerdicts(preset('tiny'), 'wakeCopies', 'taskConservation').bad.length).toBeGreaterThan(0);
  });

  it('catches a seeded bug in the packed successor function (the successor comparison can fail)', () => {
    const cfg = preset('tiny');
    const G = judgedLayout(cfg);
    const judge = wakeupJudge(cfg, undefined, SEL, (rt) => rt);
    const n = judge.initial();
    const events = enabled(cfg, n.sys);
    const succ = new PackedSuccessors(G.L, 'wakeCopies', G.width);
    const cur = encodeNode(G, n);
    const pj = new PackedStepJudge(G, SEL);
    let differ = 0;
    let k = 0;
    succ.expand(new Int32Array(cur.buffer), 0, {
      visit: () => {
        const e = events[k++];
        if (e === undefined) return;
        const r = judge.step(n, e, 0, 'copy');
        const bits = pj.stepFailures(succ, 0);
        if (bits !== 0 || pj.ctrlFails !== null || hex(succ.b) !== hex(encodeNode(G, r.node))) differ++;
      },
    });
    expect(differ).toBeGreaterThan(0); // the interrupt copies the head waiter: caught
  });

  it.each(['tiny', 'small'])(
    'counts what the object engine counts, every property and leads-to (%s)',
    (name) => {
      const cfg = preset(name);
      const judged = exploreJudged(cfg, SEL);
      expect(judged.kind).toBe('complete');
      if (name === 'tiny') {
        const ref = exploreProtocol({ protocol: 'wakeup', impl: undefined, cfg, liveness: true });
        expect(judged).toEqual({
          kind: 'complete',
          distinct: ref.distinct,
          transitions: ref.transitions,
          diameter: ref.diameter,
        });
      } else
        expect(judged).toEqual({ kind: 'complete', distinct: 69_532, transitions: 488_000, diameter: 24 });
    },
  );

  it('finds a seeded bug with a BFS-shortest path, and calls a path the model does not fail an internal error', () => {
    const cfg = preset('tiny');
    const out = exploreJudged(cfg, SEL, { mutation: 'stealsOffline' });
    expect(out.kind).toBe('violation');
    if (out.kind !== 'violation') return;
    expect(out.properties.length).toBeGreaterThan(0);
    expect(() => exploreJudgedProtocol(cfg, { mutation: 'stealsOffline' })).toThrow(
      /does not fail in runWakeup/,
    );
  });

  it.each<[string, PackedMutation | undefined, number]>([
    ['the model', undefined, 1000],
    ['the model, drain bound 4', undefined, 4],
    ['the model, drain bound 9', undefined, 9],
    ['wedges', 'wedges', 1000],
    ['finishWanders', 'finishWanders', 1000],
  ])(
    'finds the drain that fails first over the explored graph as the drain from every state does (%s)',
    (_, mutation, drainBound) => {
      const cfg = { ...preset('tiny'), drainBound };
      const live = selectWakeupProperties(['noLostWakeupEventually'], undefined); // nothing else stops the search
      const opts = mutation === undefined ? {} : { mutation };
      const overGraph = searchJudged(cfg, live, opts);
      const fromEvery = searchJudged(cfg, live, { ...opts, judgeDrainSteps: true });
      // the same verdict and path (the counts differ: the check over the graph follows a whole search)
      const verdict = (o: typeof overGraph) =>
        o.kind === 'violation' ? { properties: o.properties, path: o.path } : { kind: o.kind };
      expect(verdict(overGraph)).toEqual(verdict(fromEvery));
      if (drainBound < 1000 || mutation === 'wedges') expect(overGraph.kind).toBe('violation');
    },
  );

  it('answers what the object engine answers when a drain fails (drain bound 6): the same counts, property and path', () => {
    const cfg = { ...preset('tiny'), drainBound: 6 };
    const judged = exploreJudged(cfg, SEL);
    const ref = exploreProtocol({ protocol: 'wakeup', impl: undefined, cfg, liveness: true });
    expect(judged.kind).toBe('violation');
    if (judged.kind !== 'violation' || ref.kind !== 'violation') throw new Error('no violation');
    expect({ ...judged, properties: judged.properties }).toEqual({
      kind: 'violation',
      where: ref.where,
      properties: ref.violations.map((v) => v.property),
      path: ref.path,
      distinct: ref.distinct,
      transitions: ref.transitions,
      diameter: ref.diameter,
    });
  });

  it('stops at maxStates and without leads-to when asked', () => {
    const cfg = preset('small');
    const ref = exploreProtocol({ protocol: 'wakeup', impl: undefined, cfg, maxStates: 1000 });
    expect(exploreJudged(cfg, SEL, { maxStates: 1000 })).toEqual({
      kind: 'maxStates',
      distinct: 1000,
      transitions: ref.transitions,
      diameter: ref.diameter,
    });
    expect(exploreJudged(preset('tiny'), SEL, { liveness: false })).toMatchObject({
      kind: 'complete',
      distinct: 1704,
    });
  });

  it('is the only property selection it judges', () => {
    expect(
      () =>
        new PackedControllerJudge(
          judgedLayout(preset('tiny')),
          selectWakeupProperties(['refinement'], undefined).controller,
          false,
        ),
    ).toThrow(/refinement/);
  });
});
