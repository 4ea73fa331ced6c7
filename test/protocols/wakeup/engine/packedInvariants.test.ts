/**
 * The packed engine's state invariants against the object properties they mirror
 * (taskInOnePlace, onlyOnlineRun, noStuckSystem): each can fail (seeded bugs in the packed
 * successor function, hand-made bad packed states), the object property fails on the same
 * decoded states with the same BFS-shortest path, the two verdicts agree state by state on every
 * state either exploration meets, and on the correct model the packed engine with its invariants
 * counts exactly what it counted before.
 */
import { describe, expect, it } from 'vitest';
import { EventAlphabet } from '../../../../engine/explore/eventAlphabet.ts';
import { explore } from '../../../../engine/explore/explore.ts';
import type { StateSpace } from '../../../../engine/explore/stateSpace.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { explorePackedProtocol } from '../../../../protocols/family/explorePackedProtocol.ts';
import { explorePacked } from '../../../../protocols/wakeup/engine/packed/packedExplore.ts';
import {
  decodeSystem,
  encodeSystem,
  HART_W,
  type PackedLayout,
  packedLayout,
} from '../../../../protocols/wakeup/engine/packed/packedLayout.ts';
import type { PackedMutation } from '../../../../protocols/wakeup/engine/packed/packedMutation.ts';
import { packedStuck } from '../../../../protocols/wakeup/engine/packed/packedNoStuckSystem.ts';
import {
  fetchesOffline,
  runsOffline,
} from '../../../../protocols/wakeup/engine/packed/packedOnlyOnlineRun.ts';
import { PackedSuccessors } from '../../../../protocols/wakeup/engine/packed/packedSuccessors.ts';
import { PackedTaskInOnePlace } from '../../../../protocols/wakeup/engine/packed/packedTaskInOnePlace.ts';
import { initialSystem } from '../../../../protocols/wakeup/model/boot.ts';
import { enabled } from '../../../../protocols/wakeup/model/enabled.ts';
import { formatSystemEvent, type SystemEvent } from '../../../../protocols/wakeup/model/events.ts';
import type { SystemState } from '../../../../protocols/wakeup/model/state.ts';
import { step } from '../../../../protocols/wakeup/model/step.ts';
import type {
  WakeupStepContext,
  WakeupStepProperty,
} from '../../../../protocols/wakeup/properties/context.ts';
import { initialWakeupGhost } from '../../../../protocols/wakeup/properties/ghost.ts';
import { noStuckSystem } from '../../../../protocols/wakeup/properties/noStuckSystem.ts';
import { onlyOnlineRun } from '../../../../protocols/wakeup/properties/onlyOnlineRun.ts';
import { taskInOnePlace } from '../../../../protocols/wakeup/properties/taskInOnePlace.ts';
import { presetOf } from '../../../support/presetOf.ts';

const preset = (name: string): Config => presetOf('wakeup', name);

const canon = (s: SystemState): string =>
  JSON.stringify(s, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));

const IRQ0: SystemEvent = { type: 'Irq', line: 0 };

/** One step's context for the object properties (the model's outcome of `e` from `before`, for its access). */
function context(cfg: Config, before: SystemState, e: SystemEvent, after: SystemState): WakeupStepContext {
  const r = step(cfg, before, e);
  return {
    cfg,
    index: 0,
    event: e,
    outcome: r.kind === 'accepted' ? r : { kind: 'accepted', access: null, obs: null, task: 0n },
    before,
    after,
    enabled: () => enabled(cfg, after),
    expected: undefined,
    ghost: initialWakeupGhost(cfg),
  };
}

/** The four verdicts (taskInOnePlace, onlyOnlineRun's state part, its fetch part, noStuckSystem) of the object properties on `s`. */
function objectVerdicts(cfg: Config, s: SystemState): boolean[] {
  const init = initialSystem(cfg);
  const dup = taskInOnePlace.check(context(cfg, init, IRQ0, s)) !== null;
  const running = onlyOnlineRun.check(context(cfg, init, IRQ0, s)) !== null;
  // the fetch part alone: each enabled HartFetch judged with `s` as the state after (its state part is `running`)
  const fetch =
    !running &&
    enabled(cfg, s).some(
      (e) => e.type === 'HartFetch' && onlyOnlineRun.check(context(cfg, s, e, s)) !== null,
    );
  const stuck = noStuckSystem.check(context(cfg, init, IRQ0, s)) !== null;
  return [dup, running, fetch, stuck];
}

/** The same four verdicts of the packed invariants on the bytes of `s`. */
function packedVerdicts(L: PackedLayout, b: Uint8Array): boolean[] {
  const running = runsOffline(L, b, 0) >= 0;
  return [
    new PackedTaskInOnePlace(L).firstDuplicate(b, 0) !== 0,
    running,
    !running && fetchesOffline(L, b, 0) >= 0,
    packedStuck(L, b, 0),
  ];
}

/** The states among `states` where the packed and the object verdicts differ. */
function verdictDisagreements(cfg: Config, states: Iterable<SystemState>): string[] {
  const L = packedLayout(cfg);
  const bad: string[] = [];
  for (const s of states) {
    const want = objectVerdicts(cfg, s);
    const got = packedVerdicts(L, encodeSystem(L, s));
    if (got.join() !== want.join()) bad.push(`${canon(s)}: object ${want} packed ${got}`);
  }
  return bad;
}

/**
 * The wakeup model with a seeded bug in the packed successor function, as a state space of object
 * states judged by the object property `prop` (the default engine's explorer runs it). Every
 * state it meets is kept in `seen` for the verdict comparison.
 */
function mutatedSpace(
  cfg: Config,
  mutation: PackedMutation,
  prop: WakeupStepProperty,
  seen: Map<string, SystemState>,
): StateSpace<SystemState, SystemEvent> {
  const L = packedLayout(cfg);
  const succ = new PackedSuccessors(L, mutation);
  const alphabet = new EventAlphabet<SystemEvent>(formatSystemEvent);
  let events: readonly SystemEvent[] = [];
  let next: SystemState[] = [];
  return {
    alphabet: alphabet.events,
    indexOf: (e) => alphabet.indexOf(e),
    initial: () => initialSystem(cfg),
    enabled(s) {
      next = [];
      const b = encodeSystem(L, s);
      succ.expand(new Int32Array(b.buffer), 0, { visit: () => next.push(decodeSystem(L, succ.b)) });
      events = enabled(cfg, s);
      if (next.length !== events.length) throw new Error('packed successors and enabled differ in number');
      return events;
    },
    step(s, e, depth) {
      const after = next[events.indexOf(e)];
      if (after === undefined) throw new Error('an event not listed');
      seen.set(canon(after), after);
      const message = prop.check({ ...context(cfg, s, e, after), index: depth });
      return message === null
        ? { kind: 'next', node: after }
        : { kind: 'violation', violations: [{ property: prop.id, step: depth, message }] };
    },
    key: canon,
  };
}

const PROPS: Readonly<Record<string, WakeupStepProperty>> = { taskInOnePlace, onlyOnlineRun, noStuckSystem };

/** Seeded bug, the property it breaks, preset ('finishWanders' fails onlyOnlineRun's fetch part). */
const CASES: readonly [PackedMutation, string, string][] = [
  ['wakeCopies', 'taskInOnePlace', 'small'],
  ['stealsOffline', 'onlyOnlineRun', 'small'],
  ['finishWanders', 'onlyOnlineRun', 'small'],
  ['wedges', 'noStuckSystem', 'small'],
  ['wedges', 'noStuckSystem', 'tiny'],
];

describe('packed state invariants', () => {
  it.each(CASES)(
    '%s: the packed engine and the object property %s both fail, on the same shortest path (%s)',
    (mutation, id, name) => {
      const cfg = preset(name);
      const prop = PROPS[id];
      if (prop === undefined) throw new Error(`no property ${id}`);
      const packed = explorePacked(cfg, { mutation });
      expect(packed.kind).toBe('violation');
      if (packed.kind !== 'violation') return;
      expect(packed.property).toBe(prop.id);
      const seen = new Map<string, SystemState>();
      const object = explore(mutatedSpace(cfg, mutation, prop, seen), { liveness: false });
      expect(object.kind).toBe('violation');
      if (object.kind !== 'violation') return;
      expect(object.violations[0]?.property).toBe(prop.id);
      expect(packed.path.map(formatSystemEvent)).toEqual(object.path.map(formatSystemEvent));
      // every state the mutated exploration met is judged alike by both forms
      expect(verdictDisagreements(cfg, seen.values())).toEqual([]);
    },
  );

  it('agrees with the object properties on every reachable tiny state of the model (all pass)', () => {
    const cfg = preset('tiny');
    const states: SystemState[] = [initialSystem(cfg)];
    const keys = new Set(states.map(canon));
    for (let i = 0; i < states.length; i++) {
      const s = states[i];
      if (s === undefined) continue;
      for (const e of enabled(cfg, s)) {
        const r = step(cfg, s, e);
        if (r.kind !== 'accepted' || keys.has(canon(r.state))) continue;
        keys.add(canon(r.state));
        states.push(r.state);
      }
    }
    expect(states).toHaveLength(1704);
    expect(verdictDisagreements(cfg, states)).toEqual([]);
    const L = packedLayout(cfg);
    expect(states.some((s) => packedVerdicts(L, encodeSystem(L, s)).some((v) => v))).toBe(false);
  });

  it('fails on hand-made bad packed states, as the object properties do', () => {
    const cfg = preset('small');
    const L = packedLayout(cfg);
    const init = encodeSystem(L, initialSystem(cfg));
    const hart0 = L.harts;
    const variant = (poke: (b: Uint8Array) => void): Uint8Array => {
      const b = init.slice();
      poke(b);
      return b;
    };
    const bad: [string, Uint8Array, number][] = [
      // task 1 (line 0's handler, in irqWait[0]) also in ready[0][0]
      [
        'a task in a ready queue and a blocked queue',
        variant((b) => {
          b[L.ready] = 1;
          b[L.ready + 1] = 1;
        }),
        0,
      ],
      // hart 0 running the spawned task 3 of process 1, which is offline
      [
        'a hart running an offline process',
        variant((b) => {
          b.set([2, 2, 3], hart0);
          b.set([2, 2, 0, 0, 0], L.tasks + 2 * 5);
        }),
        1,
      ],
      ['a hart fetching for an offline process', variant((b) => b.set([1, 2, 0], hart0)), 2],
      [
        'both harts wedged holding a task',
        variant((b) => {
          b.set([4, 1, 1], hart0);
          b.set([4, 1, 2], hart0 + HART_W);
          b[L.irqWait] = 0;
          b.fill(0, L.irqWait + 1, L.irqWait + 3);
          b[L.irqWait + L.waitW] = 0;
          b.fill(0, L.irqWait + L.waitW + 1, L.irqWait + L.waitW + 3);
        }),
        3,
      ],
    ];
    for (const [what, b, which] of bad) {
      const want = [false, false, false, false];
      want[which] = true;
      expect(packedVerdicts(L, b), what).toEqual(want);
      expect(objectVerdicts(cfg, decodeSystem(L, b)), what).toEqual(want);
    }
  });

  it('judges a stuck state on the idle harts it could switch: none when the only process is their own', () => {
    const cfg: Config = { ...preset('small'), processes: 1 };
    const L = packedLayout(cfg);
    const s = initialSystem(cfg);
    // both harts idle on process 0 (online), a task ready there: no switch target, no offline process to bring up
    const b = encodeSystem(L, s);
    b.set([0, 1, 0], L.harts);
    b.set([0, 1, 0], L.harts + HART_W);
    b[L.ready] = 1;
    b[L.ready + 1] = 3;
    b.set([1, 1, 0, 0, 0], L.tasks + 2 * 5);
    expect(packedStuck(L, b, 0)).toBe(true);
    expect(objectVerdicts(cfg, decodeSystem(L, b))[3]).toBe(true);
    // the same with one hart on no process: it can switch to process 0
    b.set([0, 0, 0], L.harts + HART_W);
    expect(packedStuck(L, b, 0)).toBe(false);
    expect(objectVerdicts(cfg, decodeSystem(L, b))[3]).toBe(false);
  });

  it.each([
    ['tiny', 1704, 8460, 23],
    ['small', 69_532, 488_000, 24],
  ])(
    'counts exactly what it counted before on the correct model (%s)',
    (name, distinct, transitions, diameter) => {
      const cfg = preset(name);
      const want = { kind: 'complete', distinct, transitions, diameter };
      expect(explorePacked(cfg)).toEqual(want);
      expect(explorePacked(cfg, { invariants: false })).toEqual(want);
    },
  );

  it('refuses to pass a packed violation the wakeup runner does not reproduce on the model', () => {
    expect(() => explorePackedProtocol(preset('small'), { mutation: 'wakeCopies' })).toThrow(
      /does not fail in runWakeup/,
    );
  });
});
