/**
 * A drain memo's store (drainStore.ts) shared by every worker of the parallel search: a position's
 * id is the arena index of its key's entry in a shared key table with one value int per entry
 * (sharedKeySet.ts, `values: 1`), and that int is the steps from the position to quiescence of a
 * drain known to succeed from there (-1: none known). One worker's successful drain then cuts its
 * peers' drains too: with a memo per worker, each re-walked the drains its peer had walked (UIPI
 * small keyed on two workers: `drainUipi` 5.1 + 4.9 s against one thread's 7.5 s).
 *
 * No lock: the value is read and written with Atomics.load and Atomics.store, and races are
 * benign. The §6 drain is deterministic (drainMemo.ts): from a position its continuation is always
 * the same, so two threads that remember one position from drains that ended by quiescence write
 * the same steps, and an order of their stores changes nothing. In any case every value a thread
 * stores is one its own drain established (a drain through that position that succeeded that many
 * steps after it), so whichever value a reader sees, interleaved or not, is one its own local memo
 * could have held after that drain, and the memo's argument (the drain cut there succeeds, within
 * the bound) holds for it as for a value of its own. An entry's key is written before it is
 * published (sharedKeySet.ts), so an id is never read before its value is initialised to -1.
 *
 * The arena is the visited set's (a growable buffer of up to 4 GiB, grown as positions fill it;
 * sharedKeySet.ts), but a full memo simply stops remembering new positions (the table's 'forget'
 * mode: a new key gets id 0, which is never remembered and never known) rather than failing the
 * search: the memo is an optimisation, and a drain that is not cut is run to its end with the same
 * verdict.
 */

import type { DrainStore } from '../drainStore.ts';
import type { KeyBuilder } from '../keyBuilder.ts';
import { type SharedKeyBuffers, SharedKeySet, sharedKeyBuffers } from './sharedKeySet.ts';

/**
 * The memory of an empty shared drain memo (the coordinator creates it; every worker is given it):
 * by default an arena reserved as the visited set's (4 GiB, of which only what positions fill is
 * used; UIPI small's two-worker run remembers 1,697,680 positions), `arenaInts` at most.
 */
export function sharedDrainBuffers(arenaInts?: number): SharedKeyBuffers {
  return sharedKeyBuffers(
    arenaInts === undefined
      ? { values: 1, whenFull: 'forget' }
      : { values: 1, whenFull: 'forget', arenaInts },
  );
}

/** One thread's view of a drain memo's store shared with the other threads (see above). */
export class SharedDrainStore implements DrainStore {
  private readonly table: SharedKeySet;
  private remembered = 0;

  constructor(buffers: SharedKeyBuffers) {
    if (buffers.values !== 1)
      throw new Error('SharedDrainStore: the buffers of a table with values (sharedDrainBuffers)');
    this.table = new SharedKeySet(buffers);
  }

  idOf(key: string): number {
    return this.table.entryOf(key);
  }

  idOfUnits(kb: KeyBuilder): number {
    return this.table.entryOfUnits(kb.units, kb.size);
  }

  /** Id 0 is a position a full memo did not add: never known. */
  remainingAt(id: number): number {
    return id === 0 ? -1 : this.table.valueAt(id);
  }

  /** Id 0 is a position a full memo did not add: not remembered. */
  remember(id: number, steps: number): void {
    if (id === 0) return;
    if (this.table.valueAt(id) < 0) this.remembered++;
    this.table.storeValue(id, steps);
  }

  get size(): number {
    return this.remembered;
  }
}
