/**
 * The syscall system as an XState v5 statechart, built from the same named guards (guards.ts)
 * and actions (actions.ts) as `step`. Two parallel regions:
 * - `kernel`: STATUS writes and harts' DEQUEUEs (`Fetch`);
 * - `agents`: one region per agent: a caller `idle → filling → submitted → awaiting → woken →
 *   reading → idle`; a dispatcher `waiting → running → returning → waiting`.
 * Each accepted event runs exactly one action (the kernel's, or its own agent's region); a
 * region moved by another's event (a dispatcher or caller dequeued by `Fetch`, a caller woken by
 * its reply dispatcher's `Wake`) moves by a guard on the state before the event, with no action.
 */
import { and, setup } from 'xstate';
import type { Config } from '../../controller/model/config/config.ts';
import { initialSyscall } from './boot.ts';
import type { SyscallEvent } from './events.ts';
import { type AgentKind, layoutOf } from './layout.ts';
import { MACHINE_ACTIONS, MACHINE_GUARDS, type SyscallContext } from './machineLogic.ts';
import type { SyscallState } from './state.ts';

const syscallSetup = setup({
  types: { context: {} as SyscallContext, events: {} as SyscallEvent },
  guards: MACHINE_GUARDS,
  actions: MACHINE_ACTIONS,
});

/** The name of agent a's region. */
export const agentRegion = (a: number): string => `agent${a}`;

function kernel() {
  return syscallSetup.createStateConfig({
    initial: 'up',
    states: {
      up: {
        on: {
          StatusWrite: {
            guard: and(['processExists', 'statusChanges', 'processIdle']),
            actions: 'writeStatus',
          },
          Fetch: { guard: and(['processExists', 'processOnline']), actions: 'fetch' },
        },
      },
    },
  });
}

/** The guard prefix of agent a's own events: it is this agent, of this role, in this phase. */
function mine(
  a: number,
  kind: AgentKind,
  phase: 'idle' | 'filling' | 'submitted' | 'reading' | 'running' | 'returning',
) {
  return [
    { type: 'forAgent', params: { a } },
    { type: 'agentIs', params: { kind } },
    { type: 'inPhase', params: { phase } },
  ] as const;
}

function caller(a: number, initial: string) {
  return syscallSetup.createStateConfig({
    initial,
    states: {
      idle: {
        on: {
          Call: {
            guard: and([...mine(a, 'caller', 'idle'), 'targetServed', 'callerOnline', 'ringHasRoom']),
            target: 'filling',
            actions: 'call',
          },
        },
      },
      filling: {
        on: {
          Publish: { guard: and(mine(a, 'caller', 'filling')), target: 'submitted', actions: 'publish' },
        },
      },
      submitted: {
        on: {
          Signal: [
            {
              guard: and([...mine(a, 'caller', 'submitted'), 'slotDone']),
              target: 'reading',
              actions: 'signal',
            },
            { guard: and(mine(a, 'caller', 'submitted')), target: 'awaiting', actions: 'signal' },
          ],
        },
      },
      awaiting: { on: { Wake: { guard: { type: 'wakeGives', params: { a } }, target: 'woken' } } },
      woken: {
        on: { Fetch: { guard: { type: 'fetchGives', params: { a, from: 'woken' } }, target: 'reading' } },
      },
      reading: {
        on: { Read: { guard: and(mine(a, 'caller', 'reading')), target: 'idle', actions: 'read' } },
      },
    },
  });
}

function dispatcher(a: number, kind: 'service' | 'reply', initial: string) {
  const run = mine(a, kind, 'running');
  const work =
    kind === 'service'
      ? ({
          Take: { guard: and([...run, 'holdsNothing', 'workToTake']), actions: 'take' },
          Complete: {
            guard: and([...run, { type: 'holdsIn', params: { state: 'TAKEN' } } as const]),
            actions: 'complete',
          },
          Reply: {
            guard: and([...run, { type: 'holdsIn', params: { state: 'DONE' } } as const]),
            actions: 'reply',
          },
        } as const)
      : ({ Wake: { guard: and([...run, 'workToWake']), actions: 'wake' } } as const);
  return syscallSetup.createStateConfig({
    initial,
    states: {
      waiting: {
        on: { Fetch: { guard: { type: 'fetchGives', params: { a, from: 'waiting' } }, target: 'running' } },
      },
      running: {
        on: { ...work, Park: { guard: and([...run, 'noWorkLeft']), target: 'returning', actions: 'park' } },
      },
      returning: {
        on: { Return: { guard: and(mine(a, kind, 'returning')), target: 'waiting', actions: 'ret' } },
      },
    },
  });
}

/** The syscall statechart of `cfg`, starting from `state` (the system after start-up by default). */
export function syscallMachine(cfg: Config, state: SyscallState = initialSyscall(cfg)) {
  const l = layoutOf(cfg);
  return syscallSetup.createMachine({
    id: 'syscall',
    type: 'parallel',
    context: { cfg, state, last: null, accepted: 0 },
    states: {
      kernel: kernel(),
      agents: {
        type: 'parallel',
        states: Object.fromEntries(
          l.agents.map((x, a) => {
            const phase = state.agents[a]?.phase ?? 'idle';
            return [agentRegion(a), x.kind === 'caller' ? caller(a, phase) : dispatcher(a, x.kind, phase)];
          }),
        ),
      },
    },
  });
}

export type SyscallMachine = ReturnType<typeof syscallMachine>;

/** The statechart value `state` corresponds to: the kernel up, each agent's phase. */
export function syscallStatechartValue(state: SyscallState) {
  return { kernel: 'up', agents: Object.fromEntries(state.agents.map((x, a) => [agentRegion(a), x.phase])) };
}
