/**
 * The packed UIPI engine: breadth-first exploration of the UIPI model alone over packed nodes —
 * key words (uipiPackedLayout.ts: the object engine's key, state and undo-CLUI flags) in the shared
 * PackedStore, the ghost (owed masks, credits) per node beside them — judging every transition by
 * the selected step properties (uipiPackedStep.ts) and every admitted node by the leads-to check
 * (uipiPackedDrain.ts), as the object engine (explore.ts over uipiSpace.ts) does.
 *
 * A node is admitted (is new) as the search's admission says (uipiAdmission.ts), one of three
 * chosen per search: by covering, the default (coveringAdmission.ts: a node whose key is known is
 * admitted only when no node admitted before with that key owes a superset of what it owes), or
 * keyed (`covering: false`, `--no-covering`: the owed masks part of the key, as Spin's uipi.pml
 * keeps them; keyedAdmission.ts, oneWordAdmission.ts where the key and the owed masks fit a word).
 *
 * The answer is the object engine's: the same distinct states, transitions and diameter, and on a
 * violation the same first failing transition or drain in BFS order (the same event order, the
 * same property order) and the same BFS-shortest path; progress is reported at the same states.
 */
import type { ExploreProgress } from '../../../../engine/explore/explore.ts';
import { grownInt32 } from '../../../../engine/explore/packed/grownInt32.ts';
import type { JudgedOutcomeOf, JudgedStats } from '../../../../engine/explore/packed/judgedOutcome.ts';
import type { Violation } from '../../../../engine/property.ts';
import type { UipiConfig } from '../../model/config.ts';
import type { UipiEvent } from '../../model/events.ts';
import { initialUipi } from '../../model/state.ts';
import { initialCredit, initialOwed } from '../../properties/ghost.ts';
import type { UipiSelection } from '../../properties/selection.ts';
import { uipiAdmissionFor } from './uipiAdmissionFor.ts';
import { type UipiPackedDrain, uipiPackedDrain } from './uipiPackedDrain.ts';
import { encodeUipiGhost, encodeUipiState } from './uipiPackedLayout.ts';
import type { UipiPackedMutation } from './uipiPackedMutation.ts';
import { UipiPackedNodes } from './uipiPackedNodes.ts';
import { uipiPackedStep } from './uipiPackedStep.ts';
import { UipiPackedSuccessors } from './uipiPackedSuccessors.ts';

export type UipiPackedOutcome = JudgedOutcomeOf<{
  /** On a transition, or on the drain from the last admitted node. */
  readonly where: 'step' | 'liveness';
  /** The failing properties' ids, in the order the judge reports them. */
  readonly properties: readonly string[];
  /** A shortest path from the initial state (the failing event last, for a step). */
  readonly path: readonly UipiEvent[];
}>;

export interface UipiPackedOptions {
  /** Stop once this many distinct states are known. */
  readonly maxStates?: number;
  /** Run the leads-to check from every admitted node (default true, when a liveness property is selected). */
  readonly liveness?: boolean;
  /** Called every `progressEvery` distinct states and at the end, as the object engine calls it. */
  readonly onProgress?: (p: ExploreProgress) => void;
  readonly progressEvery?: number;
  /** A seeded bug in the successor function (tests only). */
  readonly mutation?: UipiPackedMutation;
  /** Liveness properties whose verdict on words the leads-to check drops (tests only: each is needed). */
  readonly leftOut?: readonly string[];
  /**
   * false: the owed masks keyed, no covering test (every distinct key and owed masks, as Spin or
   * TLC count them); default true, the covering measure.
   */
  readonly covering?: boolean;
  /** The keyed search's key with receiver 0's owed mask left out (tests only: a wrong key is caught). */
  readonly owedUnkeyed?: boolean;
}

/** Explores the UIPI model on `cfg` judging `sel` (see above). */
export function exploreUipiPacked(
  cfg: UipiConfig,
  sel: UipiSelection,
  opts: UipiPackedOptions = {},
): UipiPackedOutcome {
  const mutation = opts.mutation ?? null;
  const S = new UipiPackedSuccessors(cfg, mutation);
  const { L, E } = S;
  const K = L.words;
  const G = L.ghost;
  const R = L.receivers;
  const step = uipiPackedStep(cfg, sel.step);
  const drain: UipiPackedDrain | undefined =
    opts.liveness !== false && sel.liveness.length > 0
      ? uipiPackedDrain(cfg, sel.liveness, uipiPackedStep(cfg, sel.step), mutation, true, opts.leftOut)
      : undefined;
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const every = opts.progressEvery ?? 50_000;
  const { onProgress } = opts;
  /** Per node: its key words and ghost (the search loads a node from there, in BFS order). */
  const nodes = new UipiPackedNodes(K, G, R);
  const admission = uipiAdmissionFor(L, nodes, opts.covering !== false, opts.owedUnkeyed === true);
  let level = new Int32Array(1 << 16);
  let parent = new Int32Array(1 << 16);
  let via = new Int32Array(1 << 16);
  /** Per node: the transitions counted when it was admitted (its leads-to check runs later: see below). */
  let seenAt = new Float64Array(1 << 16);
  /** Per node: 1 once its leads-to check passed. */
  let done = new Int32Array(1 << 16);
  /**
   * The checks waiting on a later node's (drain.chains): per node the first node waiting on it + 1
   * (0: none), per waiting node the next one waiting on the same node + 1.
   */
  let firstWaiter = new Int32Array(1 << 16);
  let nextWaiter = new Int32Array(1 << 16);
  let transitions = 0;
  let diameter = 0;
  const stats = (): JudgedStats => ({ distinct: nodes.count, transitions, diameter });
  /** Makes room in the search's own per-node tables for node `id`, just admitted. */
  const room = (id: number): void => {
    level = grownInt32(level, id + 1);
    parent = grownInt32(parent, id + 1);
    via = grownInt32(via, id + 1);
    done = grownInt32(done, id + 1);
    firstWaiter = grownInt32(firstWaiter, id + 1);
    nextWaiter = grownInt32(nextWaiter, id + 1);
    const s = new Float64Array(level.length);
    s.set(seenAt);
    seenAt = s;
  };
  const pathTo = (id: number): UipiEvent[] => {
    const out: UipiEvent[] = [];
    for (let i = id; i > 0; i = parent[i] ?? 0) out.push(S.event(via[i] ?? -1));
    return out.reverse();
  };
  /** The step violation `vs` at the end of `path`, with the counts now. */
  const violation = (vs: readonly Violation[], path: readonly UipiEvent[]): UipiPackedOutcome => ({
    kind: 'violation',
    where: 'step',
    properties: vs.map((v) => v.property),
    path,
    ...stats(),
  });
  /*
   * The leads-to check of a node runs when the search expands it, not when it admits it: the
   * drain's first step is one of the node's transitions, so it is the search's (drain.afterFirst).
   * The answer stays the object engine's, which drains each node as it admits it: nodes are drained
   * in the order admitted, every node admitted before a failing transition or the state bound is
   * drained before that is reported (catchUp), a leads-to violation reports the counts of its
   * node's admission, and a progress report waits until the nodes before it have passed.
   *
   * A node whose drain, after its first step, is exactly a later admitted node's drain from its
   * start (drain.chains: that node is the successor, the policy's own state unchanged) does not
   * drain on: it waits for that node's check, which the search runs when it expands it (its first
   * step again the search's own), and passes with it, one step longer (settled). A chain longer
   * than the bound, and every waiting node before a failing check or catchUp, is drained whole.
   */
  /** The first node whose leads-to check has not passed. */
  let drained = 0;
  const settling: number[] = [];
  /** The nodes up to the first one not passed have passed: the progress reports up to it are due ({@link report}). */
  const advance = (): void => {
    while (drained < nodes.count && done[drained] === 1) drained++;
  };
  /*
   * A progress report is due at every `every`-th admitted node (not the initial one: the object
   * engine reports as it admits a successor), once the nodes up to it have passed. It is read from
   * the node's own tables — its transitions (seenAt), its parent (the node expanded when it was
   * admitted: queue) and its level (the diameter then, BFS levels never falling) — and made
   * between two expansions ({@link report}), not as nodes are admitted or pass: a report object
   * or call first made after V8 compiled the search loop threw that code away (the first report
   * comes at 5,000 states from the command line, about when the loop is compiled).
   */
  /** The admitted nodes whose report is decided (each count tested as the object engine tests it). */
  let scanned = 1;
  /** The report at distinct count `c` (node c - 1 just admitted). */
  const progressAt = (c: number): ExploreProgress => ({
    distinct: c,
    transitions: seenAt[c - 1] ?? 0,
    queue: c - (parent[c - 1] ?? 0) - 1,
    depth: level[c - 1] ?? 0,
  });
  /** Makes the progress reports due: those up to the first node not passed. */
  const report = (): void => {
    for (; scanned < drained; ) if (++scanned % every === 0) onProgress?.(progressAt(scanned));
  };
  /**
   * Node `id`'s leads-to check passed: the checks waiting on it pass one step longer (or are
   * drained whole beyond the bound), and the progress reports up to the first node not passed
   * are due. Returns the first leads-to violation a whole drain finds, else null.
   */
  const passed = (id: number): UipiPackedOutcome | null => {
    done[id] = 1;
    if ((firstWaiter[id] ?? 0) !== 0) return settle(id);
    if (id === drained) advance();
    return null;
  };
  /** The checks waiting on node `id`'s, which passed, and on theirs in turn: see {@link passed}. */
  const settle = (id: number): UipiPackedOutcome | null => {
    settling.push(id);
    for (let y = settling.pop(); y !== undefined; y = settling.pop()) {
      done[y] = 1;
      const steps = drain === undefined ? -1 : drain.known(y);
      for (let x = (firstWaiter[y] ?? 0) - 1; x >= 0; x = (nextWaiter[x] ?? 0) - 1) {
        if (done[x] === 1) continue; // drained whole meanwhile (catchUp, failure)
        if (drain !== undefined && steps >= 0 && steps < cfg.drainBound) drain.settle(x, steps + 1);
        else {
          const bad = judge(x);
          if (bad !== null) {
            settling.length = 0;
            return failure(x, bad);
          }
        }
        settling.push(x);
      }
      firstWaiter[y] = 0;
    }
    advance();
    return null;
  };
  /** The leads-to violation `vs` of node `id`, with the counts at its admission. */
  const liveness = (id: number, vs: readonly Violation[]): UipiPackedOutcome => ({
    kind: 'violation',
    where: 'liveness',
    properties: vs.map((v) => v.property),
    path: pathTo(id),
    distinct: id + 1,
    transitions: seenAt[id] ?? 0,
    diameter: level[id] ?? 0,
  });
  /** The whole leads-to check of node `id` from its words. */
  const judge = (id: number): readonly Violation[] | null =>
    drain === undefined || drain.begin(id) ? null : drain.from(nodes.words, id * K, nodes.ghosts, id * G);
  /**
   * Node `id`'s leads-to check failed with `vs`: the violation to report, that of the first node
   * before it whose check, still waiting, fails when drained whole, else `id`'s.
   */
  const failure = (id: number, vs: readonly Violation[]): UipiPackedOutcome => {
    for (let x = drained; x < id; x++) {
      if (done[x] === 1) continue;
      const bad = judge(x);
      if (bad !== null) return liveness(x, bad);
      done[x] = 1;
    }
    return liveness(id, vs);
  };
  /** Drains every admitted node not drained yet, in order: the first violation, or null. */
  const catchUp = (): UipiPackedOutcome | null => {
    for (let id = drained; id < nodes.count; id++) {
      if (done[id] === 1) continue;
      const bad = judge(id);
      if (bad !== null) return liveness(id, bad);
      const earlier = passed(id);
      if (earlier !== null) return earlier;
    }
    return null;
  };
  /** Node `id` was just admitted: its progress report, if one is due, waits for its leads-to check. */
  const admitted = (id: number): void => {
    seenAt[id] = transitions;
    if (drain === undefined) passed(id);
  };

  const w0 = new Int32Array(K);
  const g0 = new Int32Array(G);
  encodeUipiState(L, initialUipi(cfg), new Array<boolean>(R).fill(false), w0);
  encodeUipiGhost(L, initialOwed(cfg), initialCredit(cfg), g0);
  admission.admit(w0, g0, -1, -1);
  parent[0] = -1;
  via[0] = -1;
  admitted(0);
  if (nodes.count >= maxStates) {
    const end = catchUp() ?? { kind: 'maxStates', ...stats() };
    report();
    return end;
  }
  const list = new Int32Array(E.events.length);
  /**
   * Expands node `head`: the outcome that ends the search, or null. A function of its own, not the
   * body of the loop over the heads: V8 compiles it as soon as it is hot, as a function, instead of
   * waiting for (and, after a rare path first taken, redoing) an on-stack replacement of one huge
   * loop, and the progress reports made in that loop cannot throw its compiled code away.
   */
  const expand = (head: number): UipiPackedOutcome | null => {
    S.load(nodes.words, head * K, nodes.ghosts, head * G);
    const d = (level[head] ?? 0) + 1;
    const up = parent[head] ?? -1;
    const n = S.enabled(list);
    // the drain's first event, stepped by the search below; -1 when the memo knows the drain or it takes no step
    let k0 = -1;
    if (drain !== undefined) {
      if (drain.begin(head)) {
        const bad = passed(head);
        if (bad !== null) return bad;
      } else {
        k0 = drain.first(S, list, n);
        if (k0 < 0) {
          const vs = drain.from(nodes.words, head * K, nodes.ghosts, head * G);
          const bad = vs === null ? passed(head) : failure(head, vs);
          if (bad !== null) return bad;
        }
      }
    }
    for (let i = 0; i < n; i++) {
      const k = list[i] ?? 0;
      transitions++;
      const failed = step(S, k, d - 1);
      if (failed !== undefined) {
        const earlier = catchUp();
        if (earlier !== null) return earlier;
        if (d > diameter) diameter = d;
        const path = pathTo(head);
        path.push(S.event(k));
        return violation(failed, path);
      }
      const id = admission.admit(S.after, S.ghostAfter, head, up);
      // the room before the drain's chaining below, which may write at the new node
      if (id >= level.length) room(id);
      if (k === k0 && drain !== undefined) {
        const next = admission.exact();
        if (next > head && drain.chains(S, k, next)) {
          nextWaiter[head] = firstWaiter[next] ?? 0;
          firstWaiter[next] = head + 1;
        } else {
          const vs = drain.afterFirst(S, k, next);
          const bad = vs === null ? passed(head) : failure(head, vs);
          if (bad !== null) return bad;
        }
      }
      if (id < 0) continue;
      parent[id] = head;
      via[id] = k;
      level[id] = d;
      if (d > diameter) diameter = d;
      admitted(id);
      if (id + 1 >= maxStates) return catchUp() ?? { kind: 'maxStates', ...stats() };
    }
    return null;
  };
  for (let head = 0; head < nodes.count; head++) {
    const end = expand(head);
    report();
    if (end !== null) return end;
  }
  // every node was expanded, so every check waiting on another's was settled with it
  if (drained !== nodes.count)
    throw new Error(`packed UIPI engine: the leads-to check of node ${drained} never passed`);
  onProgress?.({ distinct: nodes.count, transitions, queue: 0, depth: diameter });
  return { kind: 'complete', ...stats() };
}
