/**
 * Where a {@link DrainMemo} keeps what it knows: the id of each drain position and, per id, the
 * steps from there to quiescence of a drain known to succeed. Two stores answer alike: this
 * thread's own (dense arrays, {@link LocalDrainStore}: every sequential engine) and one shared by
 * the parallel search's workers (parallel/sharedDrainStore.ts). A space picks one when it is
 * built, so a search only ever calls one of them.
 */

import type { KeyBuilder } from './keyBuilder.ts';
import { KeyTable } from './keyTable.ts';

/** The positions of a drain memo and their remaining steps (see the module comment). */
export interface DrainStore {
  /** The id of the position of key `key` (numbered on first sight). */
  idOf(key: string): number;
  /** The id of the position whose key `kb` holds (its units: no string built). */
  idOfUnits(kb: KeyBuilder): number;
  /** The steps from position `id` to quiescence of a drain known to succeed from there, or -1. */
  remainingAt(id: number): number;
  /** Remembers that a drain from position `id` succeeds after `steps` steps. */
  remember(id: number, steps: number): void;
  /** Positions this thread remembered (first time each). */
  readonly size: number;
}

/** This thread's own drain store: ids dense from 0 (a Map of string keys, or a KeyTable of unit keys), steps in an array. */
export class LocalDrainStore implements DrainStore {
  /** Position key → its id (string keys). */
  private readonly ids = new Map<string, number>();
  /** Unit keys' ids (created on the first). */
  private table: KeyTable | undefined;
  /** Position id → steps from there to quiescence, for positions of successful drains (-1: none known). */
  private remaining = new Int32Array(1 << 12).fill(-1);
  private remembered = 0;

  idOf(key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }

  idOfUnits(kb: KeyBuilder): number {
    if (this.table === undefined) this.table = new KeyTable();
    return this.table.id(kb);
  }

  remainingAt(id: number): number {
    return id < this.remaining.length ? (this.remaining[id] ?? -1) : -1;
  }

  remember(id: number, steps: number): void {
    if (id >= this.remaining.length) {
      const grown = new Int32Array(Math.max(id + 1, this.remaining.length * 2)).fill(-1);
      grown.set(this.remaining);
      this.remaining = grown;
    }
    if ((this.remaining[id] ?? -1) < 0) this.remembered++;
    this.remaining[id] = steps;
  }

  get size(): number {
    return this.remembered;
  }
}
