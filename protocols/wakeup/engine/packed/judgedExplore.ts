/**
 * The judged engine: breadth-first exploration of the wakeup model alone over packed states that
 * carry the checker's ghost data (packedGhost.ts), judging every transition by every property the
 * explorer judges by default — the controller-step properties on each access, the wakeup step
 * properties on each step (packedStepJudge.ts) — and running the leads-to check (the §6 drain,
 * packedDrain.ts) from every distinct state, as the object engine (explore.ts over wakeupSpace.ts)
 * does. Its answer is the object engine's: the same distinct states (a packed state with its ghost
 * is the explorer's key), transitions and diameter, and on a violation the same BFS-shortest path
 * (its first failing transition in BFS order, or the first state whose drain fails).
 */
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import type { JudgedOutcomeOf } from '../../../../engine/explore/packed/judgedOutcome.ts';
import { PackedStore } from '../../../../engine/explore/packed/packedStore.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import { initialSystem } from '../../model/boot.ts';
import { enabled } from '../../model/enabled.ts';
import type { SystemEvent } from '../../model/events.ts';
import { initialWakeupGhost } from '../../properties/ghost.ts';
import type { WakeupSelection } from '../../properties/selection.ts';
import { bootedGhost } from '../bootGhost.ts';
import { PackedDrain } from './packedDrain.ts';
import { encodeGhosts, type PackedGhostLayout, packedGhostLayout } from './packedGhost.ts';
import { decodeSystem, encodeSystem, packedLayout } from './packedLayout.ts';
import { PackedLeadsTo } from './packedLeadsTo.ts';
import type { PackedMutation } from './packedMutation.ts';
import { packedPath } from './packedPath.ts';
import { PackedStepJudge } from './packedStepJudge.ts';
import { PackedSuccessors, type PackedVisitor } from './packedSuccessors.ts';

export type JudgedOutcome = JudgedOutcomeOf<{
  readonly where: 'step' | 'liveness';
  /** The failing properties' ids, in the order the wakeup judge reports them. */
  readonly properties: readonly string[];
  /** A shortest path from the initial state: to the failing step's end, or to the state whose drain fails. */
  readonly path: readonly SystemEvent[];
}>;

export interface JudgedOptions {
  /** Stop once this many distinct states are known. */
  readonly maxStates?: number;
  /** Run the leads-to check from every distinct state (default true). */
  readonly liveness?: boolean;
  /** A seeded bug in the successor function (tests only). */
  readonly mutation?: PackedMutation;
  readonly onProgress?: (p: ExploreProgress) => void;
  /** Distinct states between two progress reports (default 50,000; reported between two expansions, so at about every this many). */
  readonly progressEvery?: number;
  /**
   * Judge every drain step as drainFrom does (default false: see {@link exploreJudged}; a search
   * that does not complete is repeated with it on; with `maxStates` it is on from the start).
   */
  readonly judgeDrainSteps?: boolean;
}

/** The initial packed state with its ghost. */
export function judgedInitial(G: PackedGhostLayout): Uint8Array {
  const { cfg } = G.L;
  const b = new Uint8Array(G.width);
  b.set(encodeSystem(G.L, initialSystem(cfg)));
  encodeGhosts(G, b, bootedGhost(cfg), initialWakeupGhost(cfg));
  return b;
}

/** One search (a class with a `visit` method, as packedExplore.ts explains). */
class JudgedSearch implements PackedVisitor {
  readonly G: PackedGhostLayout;
  readonly store: PackedStore;
  readonly succ: PackedSuccessors;
  readonly judge: PackedStepJudge;
  /** The drain from every new state, each step judged (exact mode), or null. */
  readonly drain: PackedDrain | null;
  /** The leads-to check over the explored graph after the search (lazy mode), or null. */
  readonly leadsTo: PackedLeadsTo | null;
  readonly maxStates: number;
  readonly every: number;
  readonly onProgress: ((p: ExploreProgress) => void) | undefined;
  transitions = 0;
  diameter = 0;
  depth = 0;
  head = 0;
  k = 0;
  full = false;
  /** The violation found (null: none yet): where, which properties, the state it ends at, and the failing event's index from `head`. */
  found: { where: 'step' | 'liveness'; ids: readonly string[]; state: number; event: number } | null = null;
  /** Whether the violating step reached a state that was new (it is not counted: the object engine does not admit it). */
  newAtViolation = false;

  constructor(G: PackedGhostLayout, sel: WakeupSelection, opts: JudgedOptions) {
    this.G = G;
    this.store = new PackedStore(G.width);
    this.succ = new PackedSuccessors(G.L, opts.mutation, G.width);
    this.judge = new PackedStepJudge(G, sel);
    const live = opts.liveness !== false;
    const exact = opts.judgeDrainSteps === true;
    this.drain =
      live && exact
        ? new PackedDrain(G, sel, new PackedSuccessors(G.L, opts.mutation, G.width), this.judge, true)
        : null;
    this.leadsTo = live && !exact ? new PackedLeadsTo(G, sel) : null;
    this.maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
    this.every = opts.progressEvery ?? 50_000;
    this.onProgress = opts.onProgress;
  }

  visit(): void {
    if (this.full || this.found !== null) return; // the object engine stops at once: no later sibling counts
    this.transitions++;
    const i = this.k++;
    const { store, depth, judge, succ } = this;
    const stepBits = judge.stepFailures(succ, depth - 1);
    const ctrlBad = judge.ctrlFails !== null;
    const isNew = store.add(succ.words, depth, this.head, i);
    const bits = isNew ? stepBits | judge.stateFailures(succ.b) : stepBits;
    if (bits !== 0 || ctrlBad) {
      if (depth > this.diameter) this.diameter = depth;
      this.newAtViolation = isNew;
      this.found = { where: 'step', ids: judge.ids(bits), state: this.head, event: i };
      return;
    }
    this.leadsTo?.record(this.head, succ, store.lastId);
    if (!isNew) return;
    if (depth > this.diameter) this.diameter = depth;
    const id = store.count - 1;
    this.leadsTo?.note(id, succ.b);
    this.judgeNew(id);
    if (store.count >= this.maxStates) this.full = true;
  }

  /** The leads-to check from the new state `id` (its bytes in `b`). */
  judgeNew(id: number, b: Uint8Array = this.succ.b): void {
    if (this.drain === null) return;
    const bad = this.drain.from(b);
    if (bad !== null) this.found = { where: 'liveness', ids: bad.ids, state: id, event: -1 };
  }

  report(queue: number): void {
    this.onProgress?.({
      distinct: this.store.count,
      transitions: this.transitions,
      queue,
      depth: this.diameter,
    });
  }

  run(init: Uint8Array): void {
    const { store, succ, G } = this;
    const n = G.width >> 2;
    store.add(new Int32Array(init.buffer, init.byteOffset, n), 0, -1, -1);
    this.leadsTo?.note(0, init);
    this.judgeNew(0, init);
    if (store.count >= this.maxStates) this.full = true;
    // progress between two expansions, not in `visit`: a call there first made after V8 optimised it throws that code away
    let reportAt = this.every;
    for (let head = 0; head < store.count && !this.full && this.found === null; head++) {
      if (store.count >= reportAt) {
        this.report(store.count - head);
        reportAt = (Math.floor(store.count / this.every) + 1) * this.every;
      }
      this.head = head;
      this.depth = (store.level[head] ?? 0) + 1;
      this.k = 0;
      succ.expand(store.words, head * n, this);
    }
    if (this.found === null) this.report(0);
    if (this.found !== null || this.full || this.leadsTo === null) return;
    const v = this.leadsTo.check(store);
    // a failing or unfollowable drain: the caller repeats the search judging every drain step
    if (v.kind === 'fails') this.found = { where: 'liveness', ids: v.ids, state: v.state, event: -1 };
    else if (v.kind === 'unknown') this.found = { where: 'liveness', ids: [], state: 0, event: -1 };
  }
}

/** The default selection's explored configuration as the judged engine's layout (throws when it cannot be packed). */
export function judgedLayout(cfg: Config): PackedGhostLayout {
  return packedGhostLayout(packedLayout(cfg));
}

/**
 * Explores the wakeup model on `cfg` judging `sel` (see above).
 *
 * The leads-to check is first made after the search, over the explored graph (packedLeadsTo.ts):
 * every drain step is a transition between explored nodes (a drain starts at an explored node, and
 * a node's successor by an enabled event is explored too), which the search judges itself. So when
 * the search completes and every drain reaches its goal, every drain step was judged and passed,
 * and each drain went through the nodes drainFrom's would: the answer is the object engine's. A
 * search that stops early (a violation), or whose leads-to check fails, may owe its first violation
 * to a drain drainFrom runs earlier (at the state it was found, before later transitions are
 * judged), so it is repeated with the drain run from every new state as it is found, every drain
 * step judged (packedDrain.ts), and that answer is returned; with `maxStates` that is how it runs
 * from the start.
 */
export function exploreJudged(cfg: Config, sel: WakeupSelection, opts: JudgedOptions = {}): JudgedOutcome {
  const exact = opts.judgeDrainSteps === true || opts.maxStates !== undefined;
  const out = searchJudged(cfg, sel, { ...opts, judgeDrainSteps: exact });
  if (out.kind === 'complete' || exact || opts.liveness === false) return out;
  const { onProgress: _reported, ...again } = opts; // its progress was shown by the first search
  return searchJudged(cfg, sel, { ...again, judgeDrainSteps: true });
}

/**
 * One search as `opts` says, not repeated: with `judgeDrainSteps` the drain from every new state,
 * each step judged; without, the leads-to check over the explored graph after a completed search
 * (the tests compare the two).
 */
export function searchJudged(cfg: Config, sel: WakeupSelection, opts: JudgedOptions): JudgedOutcome {
  const G = judgedLayout(cfg);
  const search = new JudgedSearch(G, sel, opts);
  search.run(judgedInitial(G));
  const { store, found } = search;
  const distinct = store.count - (search.newAtViolation ? 1 : 0);
  const stats = { distinct, transitions: search.transitions, diameter: search.diameter };
  if (found === null) return { kind: search.full ? 'maxStates' : 'complete', ...stats };
  const L = G.L;
  const path = packedPath(L, store.words, store.parent, store.via, found.state, -1, G.width);
  if (found.event >= 0) {
    const bytes = new Uint8Array(store.words.buffer, store.words.byteOffset, store.words.byteLength);
    const e = enabled(cfg, decodeSystem(L, bytes, found.state * G.width))[found.event];
    if (e === undefined) throw new Error(`judged engine: state ${found.state} has no event ${found.event}`);
    path.push(e);
  }
  return { kind: 'violation', where: found.where, properties: found.ids, path, ...stats };
}
