/**
 * The packed syscall engine: the breadth-first search of the syscall model alone over packed
 * nodes (syscallPackedLayout.ts: the object engine's key byte for byte, so the same states are
 * counted), each candidate event stepped and judged over bytes (syscallPackedSuccessors.ts) and
 * admitted into the shared PackedStore, and the leads-to check (`everyRequestAnswered`) run over
 * the explored graph after the search exactly as the graph engine runs it (syscallGraphExplore.ts,
 * syscallDrainGraph.ts with the identity alone for group): the search records, per state, the
 * successor each drain unit's first accepted candidate leads to, whether it is quiescent and, if
 * so, whether the liveness properties hold there (judged by the properties themselves on the
 * decoded state). Every stored state was reached, so the drain runs from each (the graph's
 * other transitions, which the graph engine records to find the reachable renamings of its
 * orbits, are not recorded).
 *
 * Its answer is the object engine's (and the graph engine's without symmetry): the same distinct
 * states, transitions and diameter, progress at the same states; --max-states stops where the
 * object engine stops (at the state that makes the bound; the graph engine finishes expanding the
 * state it is at), and, as with the graph engine, no leads-to check is run then.
 * A violation (a step property, a drain that fails) returns the object engine's own answer, the
 * path found by the full search of syscallSpace.ts; when the object engine finds none there, the
 * packed engine and the model disagree: an internal error, never a pass. It does no symmetry: the
 * graph engine explores by orbits.
 */
import { type ExploreOptions, type ExploreOutcome, explore } from '../../../../engine/explore/explore.ts';
import type { JudgedStats } from '../../../../engine/explore/packed/judgedOutcome.ts';
import { PackedStore } from '../../../../engine/explore/packed/packedStore.ts';
import { storePath } from '../../../../engine/explore/packed/storePath.ts';
import type { Config } from '../../../controller/model/config/config.ts';
import type { SyscallEvent } from '../../model/events.ts';
import type { SyscallSelection } from '../../properties/selection.ts';
import { SyscallDrainGraph } from '../syscallDrainGraph.ts';
import { livenessHolds } from '../syscallGraphExplore.ts';
import { syscallSpace } from '../syscallSpace.ts';
import { syscallSymmetryGroup } from '../syscallSymmetry.ts';
import type { SyscallPackedMutation } from './syscallPackedMutation.ts';
import { REJECTED, SyscallPackedSuccessors, VIOLATED } from './syscallPackedSuccessors.ts';

/**
 * States the drain graph makes room for before its first grow: few, so that it first grows while
 * the search loop still runs unoptimised. Its first grow stores new arrays in fields V8 had seen
 * stored once; from 1,024 that came while V8 compiled the loop on stack, which assumed them
 * constant and was thrown away; the grow's call also had no feedback in the code compiled after.
 */
const INITIAL_REPS = 64;

/** Options of the packed search (the explorer's, and a seeded bug for the tests). */
export interface SyscallPackedOptions extends ExploreOptions {
  readonly mutation?: SyscallPackedMutation;
  /**
   * Judge the verdicts that read a successor alone on every transition, as the step judge does
   * (tests: the same answer as judging them once per distinct state, the default).
   */
  readonly everyTransition?: boolean;
}

/** What the search found, before the leads-to check. */
export type SyscallPackedSearch =
  | ({ readonly kind: 'complete' | 'maxStates'; readonly graph: SyscallDrainGraph } & JudgedStats)
  | {
      readonly kind: 'violation';
      readonly depth: number;
      /** The failing properties' ids, in the order the step judge reports them. */
      readonly properties: readonly string[];
      /** A shortest path from the initial state, the failing event last. */
      readonly path: readonly SyscallEvent[];
    };

/** The breadth-first search of the syscall model alone by `sel` over packed nodes (see above). */
export function searchSyscallPacked(
  cfg: Config,
  sel: SyscallSelection,
  opts: SyscallPackedOptions = {},
): SyscallPackedSearch {
  const succ = new SyscallPackedSuccessors(cfg, sel, opts.mutation ?? null);
  const stateOnce = opts.everyTransition !== true;
  const { events } = succ;
  const group = syscallSymmetryGroup(cfg, false);
  const graph = new SyscallDrainGraph(cfg, group, INITIAL_REPS);
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const every = opts.progressEvery ?? 50_000;
  // read once: a property read first made at the 50,000th state had no feedback in the loop V8
  // compiled by then, and threw that code away
  const onProgress = opts.onProgress;
  const statusIndex = Array.from({ length: cfg.processes }, (_, p) =>
    events.findIndex((e) => e.type === 'StatusWrite' && e.p === p && e.data === 1n),
  );
  const store = new PackedStore(succ.keyWords * 4);
  let transitions = 0;
  let diameter = 0;
  const succOf = new Int32Array(events.length);
  const drain = new Int32Array(4);
  succ.initial();
  store.add(succ.key(), 0, -1, -1);
  const stats = (kind: 'complete' | 'maxStates'): SyscallPackedSearch => {
    judgeEnds(cfg, sel, succ, store, graph);
    return { kind, distinct: store.count, transitions, diameter, graph };
  };
  if (store.count >= maxStates) return stats('maxStates');
  for (let head = 0; head < store.count; head++) {
    succ.loadKey(store.words, head);
    const d = (store.level[head] ?? 0) + 1;
    succOf.fill(-1);
    // the candidates whose first guard passes (most are refused there), in their order
    succ.passed();
    for (let k = nextPassing(succ.passing, 0); k >= 0; k = nextPassing(succ.passing, k + 1)) {
      const r = succ.step(k, d - 1, stateOnce);
      if (r === REJECTED) continue;
      transitions++;
      // a step back to the state itself is known without a look-up in the store
      const loop = r !== VIOLATED && succ.unchanged();
      const isNew = r === VIOLATED || loop ? false : store.add(succ.key(), d, head, k);
      const id = loop ? head : store.lastId;
      // the verdicts on the successor alone: once per distinct state (and on the initial state, never judged)
      if (r === VIOLATED || (stateOnce && (isNew || id === 0) && succ.stateViolations(d - 1) === VIOLATED)) {
        const path = storePath(store, events, head, 'packed syscall engine');
        const e = events[k];
        if (e !== undefined) path.push(e);
        return { kind: 'violation', depth: d, properties: succ.violations.map((v) => v.property), path };
      }
      if (isNew) {
        if (d > diameter) diameter = d;
        if (store.count % every === 0)
          onProgress?.({
            distinct: store.count,
            transitions,
            queue: store.count - head - 1,
            depth: diameter,
          });
        // as the object engine (explore.ts) stops: once the state that makes the bound is found
        if (store.count >= maxStates) return stats('maxStates');
      }
      succOf[k] = id;
    }
    // what the drain can do from here (syscallGraphExplore.ts recordDrainFacts, over bytes)
    // the liveness properties are judged at the quiescent states after the search (judgeEnds): the
    // first quiescent state comes after V8 compiled this loop, and a call first made there had no
    // feedback and threw that code away
    graph.setRep(head, succ.quiescent(), false, 1);
    for (let p = 0; p < statusIndex.length; p++) {
      const to = succOf[statusIndex[p] ?? -1] ?? -1;
      if (to >= 0) graph.setStatus(head, p, to, 0);
    }
    for (let u = 0; u < graph.units; u++) {
      if (opts.mutation === 'drainForgetsFetch' && u < cfg.processes) continue;
      const m = succ.drainCandidates(u, drain);
      for (let j = 0; j < m; j++) {
        const to = succOf[drain[j] ?? -1] ?? -1;
        if (to < 0) continue;
        graph.setUnit(head, u, to, 0);
        break;
      }
    }
  }
  onProgress?.({ distinct: store.count, transitions, queue: 0, depth: diameter });
  return stats('complete');
}

/** Records, at each stored state the search found quiescent, whether the liveness properties hold there. */
function judgeEnds(
  cfg: Config,
  sel: SyscallSelection,
  succ: SyscallPackedSuccessors,
  store: PackedStore,
  graph: SyscallDrainGraph,
): void {
  for (let id = 0; id < store.count; id++) {
    if (!graph.quiescentAt(id)) continue;
    succ.loadKey(store.words, id);
    if (livenessHolds(cfg, sel, succ.decoded())) graph.setEndOk(id);
  }
}

/** The first candidate from `k` on whose bit is set in `bits` (32 a word), or -1. */
function nextPassing(bits: Int32Array, k: number): number {
  for (let w = k >> 5; w < bits.length; w++) {
    const m = (bits[w] ?? 0) & (w === k >> 5 ? -1 << (k & 31) : -1);
    if (m !== 0) return (w << 5) + 31 - Math.clz32(m & -m);
  }
  return -1;
}

/** The search above, then the leads-to check over its graph; the object engine's answer on any violation. */
export function exploreSyscallPacked(
  cfg: Config,
  sel: SyscallSelection,
  opts: SyscallPackedOptions = {},
): ExploreOutcome<SyscallEvent> {
  if (opts.symmetry === true)
    throw new Error('packed syscall engine: no symmetry (the graph engine explores by orbits)');
  const objects = (): ExploreOutcome<SyscallEvent> => {
    const out = explore(syscallSpace(cfg, undefined, sel), { ...opts, symmetry: false });
    if (out.kind !== 'violation')
      throw new Error(
        'packed syscall engine: it found a violation the object engine does not: the two disagree',
      );
    return out;
  };
  const found = searchSyscallPacked(cfg, sel, opts);
  if (found.kind === 'violation') return objects();
  const { kind, graph, ...counts } = found;
  const stats = { ...counts, constrained: 0 };
  if (kind === 'maxStates') return { kind, ...stats };
  const liveness = opts.liveness !== false && sel.liveness.length > 0;
  // every state stored was reached (no renaming): the drain from each must succeed
  if (liveness) for (let id = 0; id < found.distinct; id++) if (!graph.drains(id, 0)) return objects();
  return { kind: 'complete', ...stats };
}
