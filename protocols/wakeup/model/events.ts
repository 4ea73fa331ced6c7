/**
 * The wakeup system's event vocabulary (spec/controller.md §6 "System", research/ats-intc.md
 * §6.1): the controller composed with H harts running executor loops, D devices and a tiny
 * kernel. One discriminated union on `type`. Each MMIO access is one event; the software steps
 * between accesses are events of their own, so every interleaving is a sequence of events.
 * Device interrupts and status changes reuse the controller's events ({@link Irq},
 * {@link StatusWrite}): the system performs exactly that controller step.
 */
import type { Irq, StatusWrite } from '../../controller/model/events.ts';

export type { Irq, StatusWrite };

/**
 * How a polled task returns to its executor (the future's result plus what it asked for):
 * - `yield`: still ready; the return action re-enqueues it at its own priority (ENQUEUE_prio);
 * - `block`: waits for device `device`; the return action registers it (IRQ_REGISTER_device);
 * - `finish`: the future completed; there is no return action and the task is done;
 * - `handled`: an interrupt handler served its device and re-registers on it (IRQ_REGISTER).
 */
export type PollOutcome =
  | { readonly kind: 'yield' }
  | { readonly kind: 'block'; readonly device: number }
  | { readonly kind: 'finish' }
  | { readonly kind: 'handled' };

export type PollOutcomeKind = PollOutcome['kind'];

/** The kernel creates a task of process `p` at priority `prio` and enqueues it (one ENQUEUE write); the id is the lowest free one. */
export interface Spawn {
  readonly type: 'Spawn';
  readonly p: number;
  readonly prio: number;
}
/** The kernel puts hart `hart`, which holds no task, on the executor of online process `p`. */
export interface HartSwitch {
  readonly type: 'HartSwitch';
  readonly hart: number;
  readonly p: number;
}
/** The kernel takes hart `hart`, which holds no task, off its process (so that it may go offline). */
export interface HartPark {
  readonly type: 'HartPark';
  readonly hart: number;
}
/** The executor on `hart` reads DEQUEUE of its process (one MMIO read); 0 leaves it looking for work. */
export interface HartFetch {
  readonly type: 'HartFetch';
  readonly hart: number;
}
/** The task running on `hart` is polled and returns with `outcome` (a software step, no MMIO). */
export interface HartPoll {
  readonly type: 'HartPoll';
  readonly hart: number;
  readonly outcome: PollOutcome;
}
/** The executor on `hart`, no longer running its task, performs the task's return action (one MMIO write). */
export interface HartReturn {
  readonly type: 'HartReturn';
  readonly hart: number;
}

/** Every step of the system: a device interrupt, a kernel step, or one step of one hart's executor. */
export type SystemEvent =
  | Irq
  | StatusWrite
  | Spawn
  | HartSwitch
  | HartPark
  | HartFetch
  | HartPoll
  | HartReturn;
export type SystemEventType = SystemEvent['type'];

/** Every system event type, in a fixed order (storm weights, coverage, diagrams). */
export const SYSTEM_EVENT_TYPES = [
  'Irq',
  'StatusWrite',
  'Spawn',
  'HartSwitch',
  'HartPark',
  'HartFetch',
  'HartPoll',
  'HartReturn',
] as const satisfies readonly SystemEventType[];

/** The events that step one hart's executor loop (they carry `hart`). */
export type HartEvent = HartSwitch | HartPark | HartFetch | HartPoll | HartReturn;

/** The shared, immutable outcome objects without fields (no allocation per event). */
export const YIELD: PollOutcome = Object.freeze({ kind: 'yield' });
export const FINISH: PollOutcome = Object.freeze({ kind: 'finish' });
export const HANDLED: PollOutcome = Object.freeze({ kind: 'handled' });

/** `e` as one short line, close to a constructor call: `HartPoll(hart=1, block device=0)`. */
export function formatSystemEvent(e: SystemEvent): string {
  switch (e.type) {
    case 'Irq':
      return `Irq(line=${e.line})`;
    case 'StatusWrite':
      return `StatusWrite(p=${e.p}, data=0x${e.data.toString(16)})`;
    case 'Spawn':
      return `Spawn(p=${e.p}, prio=${e.prio})`;
    case 'HartSwitch':
      return `HartSwitch(hart=${e.hart}, p=${e.p})`;
    case 'HartPoll':
      return `HartPoll(hart=${e.hart}, ${e.outcome.kind}${e.outcome.kind === 'block' ? ` device=${e.outcome.device}` : ''})`;
    case 'HartPark':
    case 'HartFetch':
    case 'HartReturn':
      return `${e.type}(hart=${e.hart})`;
  }
}
