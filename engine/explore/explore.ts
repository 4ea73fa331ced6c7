/**
 * The explicit-state explorer: breadth-first search from the initial node of a {@link StateSpace}
 * over its enabled events, with a Set of compact canonical keys for the distinct states (or a
 * KeyTable of their units, for a space that leaves its keys in a KeyBuilder: StateSpace.keyUnits), an
 * index-based queue, and for each distinct state only its parent's id and the index of the event
 * that reached it (typed arrays; no per-state path). Every transition is judged by the adapter's
 * properties; every new state by the deadlock check and, when asked, the leads-to check. It stops
 * at the first violation, whose path (rebuilt from the parent pointers) is a shortest one in BFS
 * order, at `maxStates` distinct states, or when the reachable space within the constraint is
 * exhausted. With a covering measure (StateSpace.measure) a new state already covered by one
 * found before it is not new: by the space's contract the coverer, at no greater depth, reaches
 * every violation the covered state does in as many steps or fewer (a simulation: the same events
 * from both give successors with the same key, the coverer's measure still ≤, and any violation
 * of the covered one is one of the coverer's), so the verdict and the shortest length are exact.
 */
import type { Violation } from '../property.ts';
import { CoverSet } from './coverSet.ts';
import { KeyTable } from './keyTable.ts';
import type { StateSpace } from './stateSpace.ts';

export interface ExploreOptions {
  /** Stop once this many distinct states are known (exit 3 on the command line). */
  readonly maxStates?: number;
  /** Run the leads-to check from every distinct state (default true when the space has one). */
  readonly liveness?: boolean;
  /** Called about every `progressEvery` distinct states, and at the end. */
  readonly onProgress?: (p: ExploreProgress) => void;
  readonly progressEvery?: number;
  /** Keep one state per orbit (StateSpace.canonical; refused for a space without it). */
  readonly symmetry?: boolean;
  /**
   * Only the violations this accepts end the search (one finding of a design with several of one
   * property: model/finding.ts): a transition whose violations it rejects all is not taken, and a
   * state whose deadlock or leads-to violations it rejects all is kept and expanded. Absent: every
   * violation counts.
   */
  readonly accept?: (v: Violation) => boolean;
}

export interface ExploreProgress {
  readonly distinct: number;
  readonly transitions: number;
  readonly queue: number;
  readonly depth: number;
}

/** What every outcome reports about the search. */
export interface ExploreStats {
  readonly distinct: number;
  /** Transitions taken (successors generated, duplicates included). */
  readonly transitions: number;
  /** The BFS depth of the deepest state found: the diameter of the explored graph from the initial state. */
  readonly diameter: number;
  /** Distinct states outside the state constraint (counted, not expanded). */
  readonly constrained: number;
}

export type ExploreOutcome<E> =
  | ({ readonly kind: 'complete' } & ExploreStats)
  | ({ readonly kind: 'maxStates' } & ExploreStats)
  | ({
      readonly kind: 'violation';
      /** Where it was found: on a transition, a deadlock, or on the fair drain from the last state. */
      readonly where: 'step' | 'deadlock' | 'liveness';
      readonly violations: readonly Violation[];
      /** A shortest path from the initial state: the events, the failing one last (for a step). */
      readonly path: readonly E[];
    } & ExploreStats);

/** A growable Int32Array. */
function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/** Breadth-first search of `space` (see above). */
export function explore<N, E>(space: StateSpace<N, E>, opts: ExploreOptions = {}): ExploreOutcome<E> {
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const liveness = opts.liveness !== false && space.liveness !== undefined;
  const every = opts.progressEvery ?? 50_000;
  const symmetric = opts.symmetry === true;
  const { accept } = opts;
  /** `vs` as `accept` keeps them; null (nothing found) when it keeps none of a non-empty list, or `vs` is null. */
  const accepted = (vs: readonly Violation[] | null): readonly Violation[] | null => {
    if (vs === null || accept === undefined) return vs;
    const kept = vs.filter(accept);
    return kept.length === 0 && vs.length > 0 ? null : kept;
  };
  if (symmetric && space.canonical === undefined)
    throw new Error('explore: symmetry asked of a state space without a canonical form');
  const keyOf = symmetric ? (n: N): string => space.canonical?.(n) ?? '' : (n: N): string => space.key(n);
  const units = symmetric || space.keyUnits?.key !== space.key ? undefined : space.keyUnits?.build;
  /** Unit keys (StateSpace.keyUnits) are kept in a KeyTable; string keys in a Set or the CoverSet's Map. */
  const table = units === undefined ? undefined : new KeyTable();
  const seen = space.measure === undefined && table === undefined ? new Set<string>() : undefined;
  const covering = space.measure === undefined ? undefined : new CoverSet();
  const measure = space.measure;
  /** Admits `n` as a distinct state: true when it is new (not covered, with a measure). */
  const admit =
    table !== undefined && units !== undefined
      ? covering === undefined
        ? (n: N): boolean => {
            table.id(units(n));
            return table.added;
          }
        : (n: N): boolean => covering.addAt(table.id(units(n)), measure?.(n) ?? [])
      : seen !== undefined
        ? (n: N): boolean => {
            const known = seen.size;
            seen.add(keyOf(n)); // one hash operation: the size tells whether the key was new
            return seen.size !== known;
          }
        : (n: N): boolean => covering?.add(keyOf(n), measure?.(n) ?? []) === true;
  const distinct = (): number => seen?.size ?? covering?.size ?? table?.count ?? 0;
  /** Per distinct state id (BFS order): its parent's id, the alphabet index of the event from it, its depth. */
  let parent = new Int32Array(1024);
  let via = new Int32Array(1024);
  let level = new Int32Array(1024);
  const queue: (N | undefined)[] = [];
  let transitions = 0;
  let constrained = 0;
  let diameter = 0;
  const stats = (): ExploreStats => ({ distinct: distinct(), transitions, diameter, constrained });
  const pathTo = (id: number, last?: E): E[] => {
    const out: E[] = last === undefined ? [] : [last];
    for (let i = id; i > 0; i = parent[i] ?? 0) {
      const e = space.alphabet[via[i] ?? -1];
      if (e !== undefined) out.push(e);
    }
    return out.reverse();
  };
  /** The checks every new state gets; a failure as an outcome. */
  const judgeNew = (n: N, id: number): ExploreOutcome<E> | null => {
    const dead = space.stuck?.(n) ?? null;
    const deadlock =
      dead === null ? null : accepted([{ property: 'deadlock', step: level[id] ?? 0, message: dead }]);
    if (deadlock !== null)
      return { kind: 'violation', where: 'deadlock', violations: deadlock, path: pathTo(id), ...stats() };
    const lv = accepted(liveness ? (space.liveness?.(n) ?? null) : null);
    if (lv === null) return null;
    return { kind: 'violation', where: 'liveness', violations: lv, path: pathTo(id), ...stats() };
  };
  const init = space.initial();
  admit(init);
  queue.push(init);
  parent[0] = -1;
  via[0] = -1;
  const first = judgeNew(init, 0);
  if (first !== null) return first;
  if (distinct() >= maxStates) return { kind: 'maxStates', ...stats() };
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head];
    queue[head] = undefined; // expanded: only its id stays, in the typed arrays
    if (n === undefined) continue;
    if (space.withinBounds !== undefined && !space.withinBounds(n)) {
      constrained++;
      continue;
    }
    const d = (level[head] ?? 0) + 1;
    const events = space.enabled(n);
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e === undefined) continue;
      transitions++;
      const t = space.step(n, e, d - 1, i === events.length - 1);
      if (t.kind === 'violation') {
        const violations = accepted(t.violations);
        if (violations === null) continue;
        diameter = Math.max(diameter, d);
        return {
          kind: 'violation',
          where: 'step',
          violations,
          path: pathTo(head, e),
          ...stats(),
        };
      }
      if (!admit(t.node)) continue;
      const id = queue.length;
      if (id >= parent.length) {
        parent = grow(parent, id + 1);
        via = grow(via, id + 1);
        level = grow(level, id + 1);
      }
      parent[id] = head;
      via[id] = space.indexOf(e);
      level[id] = d;
      if (d > diameter) diameter = d;
      queue.push(t.node);
      const bad = judgeNew(t.node, id);
      if (bad !== null) return bad;
      if (distinct() % every === 0)
        opts.onProgress?.({
          distinct: distinct(),
          transitions,
          queue: queue.length - head - 1,
          depth: diameter,
        });
      if (distinct() >= maxStates) return { kind: 'maxStates', ...stats() };
    }
  }
  opts.onProgress?.({ distinct: distinct(), transitions, queue: 0, depth: diameter });
  return { kind: 'complete', ...stats() };
}
