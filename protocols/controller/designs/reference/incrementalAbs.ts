/**
 * The reference controller's abstraction function made incremental (abstraction bookkeeping,
 * not part of the modelled hardware). Every ring and counter of the {@link QueueEngine} reports
 * its first change to one {@link ChangedIndices} log per table; {@link IncrementalAbs.state}
 * then copies only the tables that changed, replaces only the listed entries, and shares every
 * other table and entry (the same arrays) with the state it returned before — the same state
 * object when nothing changed. States it returns are never modified afterwards. Equal parts of
 * successive abstract states are therefore identical references, which the properties use to
 * compare states in time proportional to what changed.
 */
import type { Config } from '../../model/config/config.ts';
import type { ControllerState, Waiter } from '../../model/state.ts';
import { ChangedIndices } from './changedIndices.ts';
import { patchBits, patchCounts, patchTasks, patchWaiters } from './patchTable.ts';
import { NO_TASKS, type TaskFifo } from './taskFifo.ts';
import { NO_WAITERS, type WaiterFifo } from './waiterFifo.ts';

/** The engine's tables (fixed for its lifetime), as {@link IncrementalAbs.state} reads them. */
export interface EngineTables {
  readonly ready: readonly (TaskFifo | undefined)[];
  readonly irqWait: readonly WaiterFifo[];
  readonly irqPending: Int32Array;
  readonly ipcWait: readonly (TaskFifo | undefined)[];
  readonly ipcPending: Int32Array;
  readonly online: Uint8Array;
}

/** The change logs of one engine and the last state built from them. */
export class IncrementalAbs {
  /** Changed entries of each table since the last {@link state}: rings log themselves, counters are logged by the engine. */
  readonly ready: ChangedIndices;
  readonly irqWait: ChangedIndices;
  readonly irqPending: ChangedIndices;
  readonly ipcWait: ChangedIndices;
  readonly ipcPending: ChangedIndices;
  readonly online: ChangedIndices;
  /** The state the last call returned (at first, the state at reset). */
  private shown: ControllerState;

  /** The logs of a fresh engine (at reset), or an independent copy of `from`'s (its last state shared). */
  constructor(cfg: Config, from?: IncrementalAbs) {
    if (from !== undefined) {
      this.ready = from.ready.copy();
      this.irqWait = from.irqWait.copy();
      this.irqPending = from.irqPending.copy();
      this.ipcWait = from.ipcWait.copy();
      this.ipcPending = from.ipcPending.copy();
      this.online = from.online.copy();
      this.shown = from.shown;
      return;
    }
    const n = cfg.processes;
    const rings = n * cfg.priorities;
    const waits = n * cfg.ipcTypes;
    this.ready = new ChangedIndices(rings);
    this.irqWait = new ChangedIndices(cfg.devices);
    this.irqPending = new ChangedIndices(cfg.devices);
    this.ipcWait = new ChangedIndices(waits);
    this.ipcPending = new ChangedIndices(waits);
    this.online = new ChangedIndices(n);
    this.shown = {
      ready: new Array<readonly bigint[]>(rings).fill(NO_TASKS),
      irqWait: new Array<readonly Waiter[]>(cfg.devices).fill(NO_WAITERS),
      irqPending: new Array<number>(cfg.devices).fill(0),
      ipcWait: new Array<readonly bigint[]>(waits).fill(NO_TASKS),
      ipcPending: new Array<number>(waits).fill(0),
      online: new Array<boolean>(n).fill(false).fill(true, 0, 1), // only the kernel (process 0)
      error: 0,
    };
  }

  /** The tables and error register as the model's §3 state, rebuilding only what the logs list (and clearing them). */
  state(storage: EngineTables, error: number): ControllerState {
    const last = this.shown;
    if (
      last.error === error &&
      !this.ready.any &&
      !this.irqWait.any &&
      !this.ipcWait.any &&
      !this.irqPending.any &&
      !this.ipcPending.any &&
      !this.online.any
    ) {
      return last;
    }
    const next: ControllerState = {
      ready: this.ready.any ? patchTasks(last.ready, storage.ready, this.ready) : last.ready,
      irqWait: this.irqWait.any ? patchWaiters(last.irqWait, storage.irqWait, this.irqWait) : last.irqWait,
      irqPending: this.irqPending.any
        ? patchCounts(last.irqPending, storage.irqPending, this.irqPending)
        : last.irqPending,
      ipcWait: this.ipcWait.any ? patchTasks(last.ipcWait, storage.ipcWait, this.ipcWait) : last.ipcWait,
      ipcPending: this.ipcPending.any
        ? patchCounts(last.ipcPending, storage.ipcPending, this.ipcPending)
        : last.ipcPending,
      online: this.online.any ? patchBits(last.online, storage.online, this.online) : last.online,
      error,
    };
    this.shown = next;
    return next;
  }
}
