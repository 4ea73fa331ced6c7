/**
 * The wakeup system as an XState v5 statechart, built from the same named guards (guards.ts)
 * and actions (actions.ts) as `step`. Three parallel regions:
 * - `kernel`: the steps that are not on a hart (device interrupts, STATUS writes, spawns);
 * - `harts`: one region per hart, the executor loop `idle → fetch → running → returning → fetch`
 *   (research/ats-intc.md §6.1), plus `wedged` (entered only by a runtime over a failing device);
 * - `tasks`: one region per task id, the life cycle `free → ready → running → ready | blocked |
 *   done`, `blocked → running` (a hardware wake is invisible to software: the task runs again
 *   when a hart dequeues it), `done → ready` (the id is reused by a spawn).
 * Only the `kernel` and `harts` regions run actions, so each accepted event runs exactly one
 * action; the `tasks` regions move by guards evaluated on the state before the event. A hart
 * transition also checks the hart's phase guard, so the statechart and the context cannot drift
 * apart unnoticed. XState's pure `transition(machine, snapshot, event)` gives the same state as
 * `step`; an event `step` rejects takes no transition (`context.accepted` is unchanged).
 */
import { and, setup } from 'xstate';
import type { Config } from '../../controller/model/config/config.ts';
import { initialSystem } from './boot.ts';
import type { PollOutcomeKind, SystemEvent } from './events.ts';
import { MACHINE_ACTIONS, MACHINE_GUARDS, type SystemContext } from './machineLogic.ts';
import type { HartPhase, SystemState, TaskLife } from './state.ts';

const wakeupSetup = setup({
  types: { context: {} as SystemContext, events: {} as SystemEvent },
  guards: MACHINE_GUARDS,
  actions: MACHINE_ACTIONS,
});

/** The action and next hart phase of each poll outcome. */
const POLL = {
  yield: { actions: 'pollYield', hart: 'returning', task: 'ready' },
  block: { actions: 'pollBlock', hart: 'returning', task: 'blocked' },
  handled: { actions: 'pollHandled', hart: 'returning', task: 'blocked' },
  finish: { actions: 'pollFinish', hart: 'fetch', task: 'done' },
} as const satisfies Record<PollOutcomeKind, { actions: string; hart: HartPhase; task: TaskLife }>;
const OUTCOMES = ['yield', 'block', 'handled', 'finish'] as const satisfies readonly PollOutcomeKind[];

/** The name of hart h's region and of task t's region. */
export const hartRegion = (h: number): string => `hart${h}`;
export const taskRegion = (t: bigint): string => `task${t}`;

/** The kernel region: one state, the steps not on a hart. */
function kernel() {
  return wakeupSetup.createStateConfig({
    initial: 'up',
    states: {
      up: {
        on: {
          Irq: { guard: 'lineExists', actions: 'interrupt' },
          StatusWrite: {
            guard: and(['processExists', 'statusChanges', 'noHartLeftOn']),
            actions: 'writeStatus',
          },
          Spawn: { guard: and(['spawnInRange', 'poolHasFreeId', 'spawnFits']), actions: 'spawn' },
        },
      },
    },
  });
}

/** Hart h's region: its executor loop, starting in `initial`. */
function hart(h: number, initial: HartPhase) {
  const me = { type: 'forHart', params: { hart: h } } as const;
  const switchHart = {
    guard: and([me, 'hartHoldsNoTask', 'switchTargetRunnable']),
    actions: 'switchHart',
  } as const;
  return wakeupSetup.createStateConfig({
    initial,
    states: {
      idle: { on: { HartSwitch: { ...switchHart, target: 'fetch' } } },
      fetch: {
        on: {
          HartSwitch: switchHart,
          HartPark: { guard: and([me, 'hartFetching']), target: 'idle', actions: 'parkHart' },
          HartFetch: [
            { guard: and([me, 'hartFetching', 'fetchFindsTask']), target: 'running', actions: 'fetch' },
            { guard: and([me, 'hartFetching']), actions: 'fetch' },
          ],
        },
      },
      running: {
        on: {
          HartPoll: OUTCOMES.map((kind) => ({
            guard: and([me, 'hartRunning', 'outcomeAllowed', { type: 'outcomeIs', params: { kind } }]),
            target: POLL[kind].hart,
            actions: POLL[kind].actions,
          })),
        },
      },
      returning: {
        on: {
          HartReturn: [
            {
              guard: and([me, 'hartReturning', 'returnEnqueues']),
              target: 'fetch',
              actions: 'returnEnqueue',
            },
            { guard: and([me, 'hartReturning']), target: 'fetch', actions: 'returnRegister' },
          ],
        },
      },
      wedged: {},
    },
  });
}

/** Task t's region: its life cycle, starting in `initial`; it runs no action. */
function task(t: bigint, initial: TaskLife) {
  const spawned = {
    guard: and(['spawnInRange', 'poolHasFreeId', 'spawnFits', { type: 'nextFreeIs', params: { task: t } }]),
    target: 'ready',
  } as const;
  const fetched = {
    guard: and(['hartExists', 'hartFetching', { type: 'dequeueGives', params: { task: t } }]),
    target: 'running',
  } as const;
  return wakeupSetup.createStateConfig({
    initial,
    states: {
      free: { on: { Spawn: spawned } },
      ready: { on: { HartFetch: fetched } },
      running: {
        on: {
          HartPoll: OUTCOMES.map((kind) => ({
            guard: and([
              'hartExists',
              'hartRunning',
              { type: 'holdsTask', params: { task: t } },
              'outcomeAllowed',
              { type: 'outcomeIs', params: { kind } },
            ]),
            target: POLL[kind].task,
          })),
        },
      },
      blocked: { on: { HartFetch: fetched } },
      done: { on: { Spawn: spawned } },
    },
  });
}

/**
 * The wakeup statechart of configuration `cfg`, starting from `state` (the system after start-up
 * by default). Walk it with XState's pure `initialTransition(machine)` and `transition(machine, snapshot, e)`.
 */
export function wakeupMachine(cfg: Config, state: SystemState = initialSystem(cfg)) {
  return wakeupSetup.createMachine({
    id: 'wakeup',
    type: 'parallel',
    context: { cfg, state, last: null, accepted: 0 },
    states: {
      kernel: kernel(),
      harts: {
        type: 'parallel',
        states: Object.fromEntries(state.harts.map((h, i) => [hartRegion(i), hart(i, h.phase)])),
      },
      tasks: {
        type: 'parallel',
        states: Object.fromEntries(
          state.tasks.map((r, i) => [taskRegion(BigInt(i + 1)), task(BigInt(i + 1), r.life)]),
        ),
      },
    },
  });
}

/** The type of every wakeup machine (any configuration). */
export type WakeupMachine = ReturnType<typeof wakeupMachine>;

/** The statechart value `state` corresponds to: the kernel up, each hart's phase, each task's life. */
export function statechartValue(state: SystemState) {
  return {
    kernel: 'up',
    harts: Object.fromEntries(state.harts.map((h, i) => [hartRegion(i), h.phase])),
    tasks: Object.fromEntries(state.tasks.map((r, i) => [taskRegion(BigInt(i + 1)), r.life])),
  };
}
