/**
 * A coroutine task of the software runtime (research/ats-intc.md §6.1, `TaskRef`): its id (the
 * pointer written to the controller), its process, priority and role, its life-cycle state, and
 * what it asks its executor to do when a poll returns (its return action).
 */
import type { Enqueue, IrqRegister } from '../../controller/model/events.ts';
import type { PollOutcome } from '../model/events.ts';
import type { TaskLife, TaskRecord } from '../model/state.ts';

/**
 * What the executor does for a task after it stopped running it (spec §4.2 rule 3). Frozen once
 * made: copies of an executor share it (Executor.copy).
 */
export type ReturnAction =
  /** A yield: write the task to ENQUEUE_prio of its process. */
  | { readonly kind: 'enqueue'; readonly write: Enqueue }
  /** A block or a handled interrupt: write the task to IRQ_REGISTER_d of its process. */
  | { readonly kind: 'register'; readonly write: IrqRegister }
  /** A finish: nothing to write. */
  | { readonly kind: 'none' };

const NONE: ReturnAction = Object.freeze({ kind: 'none' });

export class Coroutine {
  readonly id: bigint;
  readonly process: number;
  readonly priority: number;
  /** The device this coroutine handles interrupts of, or -1 for an ordinary task. */
  readonly handlerOf: number;
  /** Where the task is in its life cycle, as the runtime knows it (hardware wakes are not seen). */
  life: TaskLife;
  /** The device it registered on while blocked, else -1. */
  waitsOn: number;
  /** The last record handed out: returned again while life and waitsOn are unchanged. */
  private snapshot: TaskRecord | undefined;

  constructor(id: bigint, process: number, priority: number, handlerOf: number, life: TaskLife) {
    this.id = id;
    this.process = process;
    this.priority = priority;
    this.handlerOf = handlerOf;
    this.life = life;
    this.waitsOn = life === 'blocked' ? handlerOf : -1;
  }

  /** An independent copy of this coroutine (the explorer's branching; the last record is shared). */
  copy(): Coroutine {
    const c = new Coroutine(this.id, this.process, this.priority, this.handlerOf, this.life);
    c.waitsOn = this.waitsOn;
    c.snapshot = this.snapshot;
    return c;
  }

  /** An interrupt handler (it loops forever: serve, re-register). */
  get isHandler(): boolean {
    return this.handlerOf >= 0;
  }

  /** The executor dequeued the task and starts polling it. */
  start(): void {
    this.life = 'running';
    this.waitsOn = -1;
  }

  /** The poll returned with `outcome`: the task's new life and the return action its executor owes it. */
  settle(outcome: PollOutcome): ReturnAction {
    switch (outcome.kind) {
      case 'yield':
        this.life = 'ready';
        return Object.freeze<ReturnAction>({
          kind: 'enqueue',
          write: { type: 'Enqueue', p: this.process, prio: this.priority, task: this.id },
        });
      case 'block':
      case 'handled': {
        const device = outcome.kind === 'block' ? outcome.device : this.handlerOf;
        this.life = 'blocked';
        this.waitsOn = device;
        return Object.freeze<ReturnAction>({
          kind: 'register',
          write: { type: 'IrqRegister', p: this.process, device, task: this.id },
        });
      }
      case 'finish':
        this.life = 'done';
        return NONE;
    }
  }

  /** The coroutine's entry in the model's task table (the same object while it is unchanged). */
  record(): TaskRecord {
    const s = this.snapshot;
    if (s !== undefined && s.life === this.life && s.waitsOn === this.waitsOn) return s;
    const r: TaskRecord = {
      life: this.life,
      p: this.process,
      prio: this.priority,
      handlerOf: this.handlerOf,
      waitsOn: this.waitsOn,
    };
    this.snapshot = r;
    return r;
  }
}
