/**
 * The wakeup statechart (protocols/wakeup/model/machine.ts) and the pure `step` agree: walked side by side
 * with XState's pure `transition()` over the same random event sequences (enabled and disabled
 * events alike), they accept the same events, reach equal states, and the statechart's value
 * (each hart's phase, each task's life) matches the state at every step.
 */
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { type Config, PUBLISHED, SMALL } from '../../../protocols/controller/model/config/config.ts';
import * as A from '../../../protocols/wakeup/model/actions.ts';
import * as G from '../../../protocols/wakeup/model/guards.ts';
import {
  formatSystemEvent,
  HANDLED,
  initialSystem,
  type SystemEvent,
  statechartValue,
  step,
  wakeupMachine,
} from '../../../protocols/wakeup/model/index.ts';
import { MACHINE_ACTIONS, MACHINE_GUARDS } from '../../../protocols/wakeup/model/machineLogic.ts';
import { runs, SEED } from '../../support/seed.ts';
import { type Move, moves, resolve, show } from './arbitraries.ts';

/** Walks `step` and XState's `transition` side by side from start-up; returns the events taken. */
function agree(cfg: Config, ms: readonly Move[]): SystemEvent[] {
  const machine = wakeupMachine(cfg);
  let [snap] = initialTransition(machine);
  let s = initialSystem(cfg);
  expect(snap.context.state).toStrictEqual(s);
  expect(snap.value).toEqual(statechartValue(s));
  const taken: SystemEvent[] = [];
  for (const [i, m] of ms.entries()) {
    const e = resolve(cfg, s, m);
    const where = `step ${i}: ${formatSystemEvent(e)}`;
    const r = step(cfg, s, e);
    const before = snap.context.accepted;
    [snap] = transition(machine, snap, e);
    if (r.kind === 'accepted') {
      s = r.state;
      taken.push(e);
      if (snap.context.accepted !== before + 1) expect.fail(`${where}: step accepted, the machine did not`);
      if (!isDeepStrictEqual(snap.context.last, r)) expect.fail(`${where}: results differ`);
    } else if (snap.context.accepted !== before) {
      expect.fail(`${where}: step rejected (${r.reason}), the machine accepted`);
    }
    if (!isDeepStrictEqual(snap.context.state, s)) {
      expect.fail(`${where}: states differ\n${show(snap.context.state)}\n${show(s)}`);
    }
    if (!isDeepStrictEqual(snap.value, statechartValue(s))) {
      expect.fail(`${where}: statechart ${show(snap.value)}, state ${show(statechartValue(s))}`);
    }
  }
  return taken;
}

describe('the XState machine and step agree (random event sequences)', () => {
  // A transition of the published machine (68 parallel regions) costs XState milliseconds, so it
  // gets fewer and shorter runs.
  test.each([
    ['small', SMALL, 150, 80],
    ['published', PUBLISHED, 8, 40],
  ] as const)(
    '%s preset: acceptance, state and statechart value equal after every event',
    (_n, cfg, n, len) => {
      const kinds = new Set<string>();
      fc.assert(
        fc.property(moves(cfg, len), (ms) => {
          for (const e of agree(cfg, ms))
            kinds.add(e.type === 'HartPoll' ? `HartPoll:${e.outcome.kind}` : e.type);
        }),
        { seed: SEED, numRuns: runs(n) },
      );
      expect([...kinds].sort()).toEqual(
        expect.arrayContaining(['HartFetch', 'HartPoll:handled', 'HartReturn', 'Irq', 'Spawn'].sort()),
      );
    },
  );
});

describe('the XState machine and step agree (pinned scenario)', () => {
  test('an interrupt during its handler, counted and consumed at re-registration', () => {
    const cfg = SMALL;
    const events: SystemEvent[] = [
      { type: 'Irq', line: 1 },
      { type: 'HartFetch', hart: 0 },
      { type: 'Irq', line: 1 },
      { type: 'HartPoll', hart: 0, outcome: HANDLED },
      { type: 'HartReturn', hart: 0 },
      { type: 'HartFetch', hart: 1 },
      { type: 'HartReturn', hart: 1 }, // rejected: hart 1 is running
    ];
    const taken = agree(
      cfg,
      events.map((event): Move => ({ kind: 'raw', event })),
    );
    expect(taken).toHaveLength(6);
  });
});

/** The name of a guard or action as the machine definition stores it (and inside `and(...)`). */
function namesOf(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (typeof x === 'function' && 'guards' in x && Array.isArray(x.guards)) return x.guards.flatMap(namesOf);
  if (typeof x === 'object' && x !== null && 'type' in x && typeof x.type === 'string') return [x.type];
  return [];
}

describe('the machine definition', () => {
  const machine = wakeupMachine(SMALL);
  type Node = typeof machine.root;
  const all = (n: Node): Node[] => [n, ...Object.values(n.states).flatMap(all)];
  const transitions = all(machine.root).flatMap((n) => [...n.transitions.values()].flat());
  const guards = new Set(transitions.flatMap((t) => namesOf(t.guard)));
  const actions = new Set(transitions.flatMap((t) => t.actions.flatMap(namesOf)));

  test('mentions every guard of guards.ts and every action of actions.ts by name', () => {
    for (const g of Object.keys(G)) expect(guards, `guard ${g}`).toContain(g);
    for (const a of Object.keys(A)) expect(actions, `action ${a}`).toContain(a);
  });
  test('names only guards and actions it implements', () => {
    for (const g of guards) expect(Object.keys(MACHINE_GUARDS)).toContain(g);
    for (const a of actions) expect(Object.keys(MACHINE_ACTIONS)).toContain(a);
  });
  test('has a region per hart and per task, with the executor loop and the life cycle as states', () => {
    const value = statechartValue(initialSystem(SMALL));
    expect(value).toEqual({
      kernel: 'up',
      harts: { hart0: 'fetch', hart1: 'fetch' },
      tasks: { task1: 'blocked', task2: 'blocked', task3: 'free' },
    });
    const hart0 = machine.getStateNodeById('wakeup.harts.hart0');
    expect(Object.keys(hart0.states).sort()).toEqual(['fetch', 'idle', 'returning', 'running', 'wedged']);
    const task1 = machine.getStateNodeById('wakeup.tasks.task1');
    expect(Object.keys(task1.states).sort()).toEqual(['blocked', 'done', 'free', 'ready', 'running']);
  });
});
