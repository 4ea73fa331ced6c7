/**
 * The wakeup state invariants the packed engine judges on every new distinct state, read from its
 * bytes with nothing decoded, in the order the wakeup runner reports them (registry order):
 * taskInOnePlace, onlyOnlineRun, noStuckSystem. onlyOnlineRun's step part (a HartFetch reading
 * DEQUEUE of an offline process) is a fact about the state the fetch is taken from; it is noted
 * when that state is found and reported when the search reaches it, so the path stays the
 * BFS-shortest (packedOnlyOnlineRun.ts).
 */

import { HART_W, type PackedLayout } from './packedLayout.ts';
import { packedStuck } from './packedNoStuckSystem.ts';
import { fetchesOffline, runsOffline } from './packedOnlyOnlineRun.ts';
import { PackedTaskInOnePlace } from './packedTaskInOnePlace.ts';

/** The property ids the packed engine judges, in the order it judges them. */
export const PACKED_PROPERTY_IDS = ['taskInOnePlace', 'onlyOnlineRun', 'noStuckSystem'] as const;
export type PackedPropertyId = (typeof PACKED_PROPERTY_IDS)[number];

/** A failed invariant: which property, what in words, and the hart whose HartFetch from the state fails (-1: the state itself fails). */
export interface PackedVerdict {
  readonly property: PackedPropertyId;
  readonly message: string;
  readonly fetchHart: number;
}

/** The packed invariants of one layout (see above). */
export class PackedInvariants {
  private readonly L: PackedLayout;
  private readonly dup: PackedTaskInOnePlace;
  /** The first state found from which a HartFetch reads DEQUEUE of an offline process (-1: none yet), and its verdict. */
  failsFrom = -1;
  fromVerdict: PackedVerdict | null = null;

  constructor(L: PackedLayout) {
    this.L = L;
    this.dup = new PackedTaskInOnePlace(L);
  }

  /** The verdict on the state `b` (at byte 0), found as state `id`: null when it holds every invariant. */
  judge(b: Uint8Array, id: number): PackedVerdict | null {
    const L = this.L;
    const t = this.dup.firstDuplicate(b, 0);
    if (t !== 0) return { property: 'taskInOnePlace', message: `task ${t} is in two places`, fetchHart: -1 };
    const h = runsOffline(L, b, 0);
    if (h >= 0)
      return {
        property: 'onlyOnlineRun',
        message: `hart ${h} runs a task of process ${(b[L.harts + h * HART_W + 1] ?? 0) - 1}, which is offline`,
        fetchHart: -1,
      };
    if (this.failsFrom < 0) {
      const f = fetchesOffline(L, b, 0);
      if (f >= 0) {
        this.failsFrom = id;
        this.fromVerdict = {
          property: 'onlyOnlineRun',
          message: `hart ${f} reads DEQUEUE of process ${(b[L.harts + f * HART_W + 1] ?? 0) - 1}, which is offline`,
          fetchHart: f,
        };
      }
    }
    if (packedStuck(L, b, 0))
      return {
        property: 'noStuckSystem',
        message: 'work is outstanding and nothing that could serve it can happen',
        fetchHart: -1,
      };
    return null;
  }
}
