/**
 * Breadth-first exploration of the wakeup model alone over packed states (the `packed` engine):
 * the seen states, in BFS order, are also the queue (packedStore.ts: one buffer of words, an
 * open-addressing hash table, and per state its parent's id and the index of the event that
 * reached it in the parent's `enabled` list, as the explorer keeps).
 *
 * Every new distinct state is judged by the wakeup state invariants read from its bytes
 * (packedInvariants.ts: taskInOnePlace, onlyOnlineRun, noStuckSystem); the search stops at the
 * first violation with a BFS-shortest path, decoded into the model's events only then. With no
 * violation it answers how many states, transitions and levels the model has, exactly as the
 * explorer does (test/protocols/wakeup/engine/packed.test.ts checks they agree).
 */

import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { PackedStore } from '../../../../engine/explore/packed/packedStore.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import { initialSystem } from '../../model/boot.ts';
import type { SystemEvent } from '../../model/events.ts';
import { PackedInvariants, type PackedVerdict } from './packedInvariants.ts';
import { encodeSystem, type PackedLayout, packedLayout } from './packedLayout.ts';
import type { PackedMutation } from './packedMutation.ts';
import { packedPath } from './packedPath.ts';
import { PackedSuccessors, type PackedVisitor } from './packedSuccessors.ts';

export type PackedOutcome =
  | {
      readonly kind: 'complete' | 'maxStates';
      readonly distinct: number;
      readonly transitions: number;
      readonly diameter: number;
    }
  | {
      readonly kind: 'violation';
      readonly distinct: number;
      readonly transitions: number;
      readonly diameter: number;
      /** The property id the failing invariant mirrors, and what failed, in words. */
      readonly property: PackedVerdict['property'];
      readonly message: string;
      /** A shortest path from the initial state; its last event is the failing step. */
      readonly path: readonly SystemEvent[];
    };

export interface PackedOptions {
  /** Stop once this many distinct states are known. */
  readonly maxStates?: number;
  /** Judge the state invariants (default true; false only counts, for the bench's comparison). */
  readonly invariants?: boolean;
  /** A seeded bug in the successor function (tests only). */
  readonly mutation?: PackedMutation;
  /** Called every 65,536 expanded states (the explorer's progress line; cli/commands/exploreProgress.ts). */
  readonly onProgress?: (p: ExploreProgress) => void;
}

/** States expanded between two progress reports, minus one (a mask: the check is one AND). */
const PROGRESS_MASK = 0xffff;

/**
 * One search: its counters and the successor visitor. A class with a `visit` method rather than a
 * closure over locals, so every search runs the same optimised code (see PackedVisitor).
 */
class PackedSearch implements PackedVisitor {
  readonly store: PackedStore;
  readonly succ: PackedSuccessors;
  readonly inv: PackedInvariants | null;
  readonly maxStates: number;
  readonly onProgress: ((p: ExploreProgress) => void) | undefined;
  transitions = 0;
  diameter = 0;
  /** The BFS depth of the successors being visited, and the id of the state being expanded. */
  depth = 0;
  head = 0;
  /** The index, in `enabled` of the state being expanded, of the successor being visited. */
  k = 0;
  full = false;
  /** The first state found violating an invariant (-1: none), and its verdict. */
  bad = -1;
  verdict: PackedVerdict | null = null;

  constructor(L: PackedLayout, opts: PackedOptions) {
    this.store = new PackedStore(L.width);
    this.succ = new PackedSuccessors(L, opts.mutation);
    this.inv = opts.invariants === false ? null : new PackedInvariants(L);
    this.maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
    this.onProgress = opts.onProgress;
  }

  visit(): void {
    this.transitions++;
    const i = this.k++;
    if (this.full || this.bad >= 0) return;
    const { store, depth } = this;
    if (!store.add(this.succ.words, depth, this.head, i)) return;
    if (depth > this.diameter) this.diameter = depth;
    const id = store.count - 1;
    this.judge(this.succ.b, id);
    if (store.count >= this.maxStates) this.full = true;
  }

  /** Judges the new state `b`, found as state `id`. */
  judge(b: Uint8Array, id: number): void {
    if (this.inv === null) return;
    const v = this.inv.judge(b, id);
    if (v === null) return;
    this.verdict = v;
    this.bad = id;
  }

  /** Tells `onProgress` where the search is, with `head` states expanded. */
  report(head: number): void {
    const { distinct, transitions } = { distinct: this.store.count, transitions: this.transitions };
    this.onProgress?.({ distinct, transitions, queue: distinct - head, depth: this.depth });
  }

  /** Breadth-first search from `init` until the space is exhausted, `maxStates` or a violation. */
  run(init: Uint8Array): void {
    const { store, succ } = this;
    const n = init.length >> 2;
    store.add(new Int32Array(init.buffer, init.byteOffset, n), 0, -1, -1);
    this.judge(init, 0);
    if (store.count >= this.maxStates) this.full = true;
    for (let head = 0; head < store.count && !this.full && this.bad < 0; head++) {
      // a step invariant judged on this state when it was found fails on its first step from it
      if (this.inv !== null && this.inv.failsFrom === head) {
        this.verdict = this.inv.fromVerdict;
        this.bad = head;
        break;
      }
      if ((head & PROGRESS_MASK) === PROGRESS_MASK) this.report(head);
      this.head = head;
      this.depth = (store.level[head] ?? 0) + 1;
      this.k = 0;
      succ.expand(store.words, head * n, this);
    }
  }
}

/** Explores the wakeup model on `cfg` over packed states, judging the state invariants (see above). */
export function explorePacked(cfg: Config, opts: PackedOptions = {}): PackedOutcome {
  const L = packedLayout(cfg);
  const search = new PackedSearch(L, opts);
  search.run(encodeSystem(L, initialSystem(cfg)));
  const { store, verdict, bad } = search;
  const stats = { distinct: store.count, transitions: search.transitions, diameter: search.diameter };
  if (verdict === null || bad < 0) return { kind: search.full ? 'maxStates' : 'complete', ...stats };
  const path = packedPath(L, store.words, store.parent, store.via, bad, verdict.fetchHart);
  if (path.length > stats.diameter) stats.diameter = path.length;
  return { kind: 'violation', ...stats, property: verdict.property, message: verdict.message, path };
}
