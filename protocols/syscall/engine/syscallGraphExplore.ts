/**
 * The graph engine of the syscall model alone: the object engine's search (syscallSpace: the
 * model's step judged by every selected step property), with the leads-to check
 * (`everyRequestAnswered`) run over the explored graph after the search instead of a drain built
 * and judged from every state (syscallDrainGraph.ts), and optionally with symmetry
 * (syscallSymmetry.ts: one state per orbit of interchangeable agents and ring rotations).
 *
 * While expanding a state the search records, among its successors, the ones the drain can take,
 * with the renaming from each successor to its orbit's stored representative; the drain from
 * every state (with symmetry: from every member σ(rep) of every orbit, since the drain's fixed
 * order of agents is not symmetric) is then a walk over state ids. Every drain step is a
 * transition the search judged (or its renaming, with the same verdicts), so a completed search
 * whose drains all succeed is the object engine's answer. With symmetry, not every member of a
 * reachable orbit is reachable (the initial state's renamings are not: their ring was never
 * used), so the drains run from exactly the reachable members: the pairs (representative,
 * renaming) reached from the initial state over every recorded transition.
 *
 * Any violation (a step property during the search, a drain that fails) returns the object
 * engine's own answer, without symmetry: the first violation in BFS order of the full space, its
 * path, counts and where it was found, exactly as `--engine objects` reports it.
 */
import { type ExploreOptions, type ExploreOutcome, explore } from '../../../engine/explore/explore.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { drainCandidates } from '../model/drain.ts';
import { candidateEvents } from '../model/enabled.ts';
import type { SyscallEvent } from '../model/events.ts';
import { syscallQuiescent } from '../model/quiescent.ts';
import { step as syscallStep } from '../model/step.ts';
import type { SyscallLivenessContext } from '../properties/context.ts';
import type { SyscallSelection } from '../properties/selection.ts';
import type { Canonical } from './agentSymmetry.ts';
import { SyscallDrainGraph } from './syscallDrainGraph.ts';
import { type SyscallNode, syscallJudge } from './syscallJudge.ts';
import { syscallOrbitKey } from './syscallOrbitKey.ts';
import { syscallSpace } from './syscallSpace.ts';
import { canonicalSyscallOrbit, syscallSymmetryGroup } from './syscallSymmetry.ts';

/** What the search found, before the leads-to check. */
export type SyscallGraphSearch =
  | {
      readonly kind: 'complete' | 'maxStates';
      readonly distinct: number;
      readonly transitions: number;
      readonly diameter: number;
      readonly graph: SyscallDrainGraph;
      /** Whether the states are orbits (syscallSymmetry.ts); the graph's renamings are then the group's. */
      readonly symmetry: boolean;
    }
  | { readonly kind: 'violation'; readonly depth: number };

function grow(a: Int32Array<ArrayBuffer>, need: number): Int32Array<ArrayBuffer> {
  if (need <= a.length) return a;
  const b = new Int32Array(Math.max(need, a.length * 2));
  b.set(a);
  return b;
}

/**
 * The breadth-first search of the syscall model alone by `sel`, recording the drain's graph
 * (see above); `onNode` sees each representative as it is expanded (tests).
 */
export function searchSyscallGraph(
  cfg: Config,
  sel: SyscallSelection,
  opts: ExploreOptions,
  onNode?: (id: number, n: SyscallNode) => void,
): SyscallGraphSearch {
  const steps: SyscallSelection = { ...sel, liveness: [] };
  const space = syscallSpace(cfg, undefined, steps);
  const judge = syscallJudge(cfg, undefined, steps, () => {
    throw new Error('syscall graph engine: the model alone has no runtime');
  });
  const candidates = candidateEvents(cfg);
  candidates.forEach((e, ix) => {
    if (space.indexOf(e) !== ix) throw new Error('syscall graph engine: the alphabet is not the candidates');
  });
  const drainIndexOf = agentEventIndex(candidates, (e) => space.indexOf(e));
  const symmetry = opts.symmetry === true;
  const group = syscallSymmetryGroup(cfg, symmetry);
  const orbitKey = syscallOrbitKey(cfg, steps.controller.length > 0);
  const identity = group.perms[0] ?? [];
  const noShift = group.shifts[0] ?? [];
  const canon: (n: SyscallNode) => Canonical = symmetry
    ? canonicalSyscallOrbit(cfg, group, orbitKey)
    : (n) => ({ key: orbitKey(n, identity, noShift), perm: 0, stabilizer: 1 });
  const graph = new SyscallDrainGraph(cfg, group);
  const maxStates = opts.maxStates ?? Number.POSITIVE_INFINITY;
  const every = opts.progressEvery ?? 50_000;
  const ids = new Map<string, number>();
  let repPerm = new Int32Array(1024);
  let stabilizer = new Int32Array(1024);
  let level = new Int32Array(1024);
  const queue: (SyscallNode | undefined)[] = [];
  let transitions = 0;
  let diameter = 0;
  const statusIndex = Array.from({ length: cfg.processes }, (_, p) =>
    space.indexOf({ type: 'StatusWrite', p, data: 1n }),
  );
  const init = space.initial();
  const c0 = canon(init);
  ids.set(c0.key, 0);
  repPerm[0] = c0.perm;
  stabilizer[0] = c0.stabilizer;
  queue.push(init);
  const succOf = new Int32Array(candidates.length); // alphabet index → successor id (-1: none), per expanded state
  const rhoOf = new Int32Array(candidates.length);
  const stats = (kind: 'complete' | 'maxStates'): SyscallGraphSearch => ({
    kind,
    distinct: ids.size,
    transitions,
    diameter,
    graph,
    symmetry,
  });
  if (ids.size >= maxStates) return stats('maxStates');
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head];
    queue[head] = undefined;
    if (n === undefined) continue;
    onNode?.(head, n);
    const d = (level[head] ?? 0) + 1;
    succOf.fill(-1);
    // the enabled events in the order of `enabled` (the candidates the model accepts), each stepped once
    for (let ix = 0; ix < candidates.length; ix++) {
      const e = candidates[ix];
      if (e === undefined) continue;
      const r = syscallStep(cfg, n.sys, e);
      if (r.kind !== 'accepted') continue;
      transitions++;
      const t = judge.stepModel(n, e, r, d - 1, 'copy');
      if (t.violations !== undefined) return { kind: 'violation', depth: d };
      const c = canon(t.node);
      let id = ids.get(c.key);
      if (id === undefined) {
        id = queue.length;
        ids.set(c.key, id);
        repPerm = grow(repPerm, id + 1);
        stabilizer = grow(stabilizer, id + 1);
        level = grow(level, id + 1);
        repPerm[id] = c.perm;
        stabilizer[id] = c.stabilizer;
        level[id] = d;
        if (d > diameter) diameter = d;
        queue.push(t.node);
        if (ids.size % every === 0)
          opts.onProgress?.({
            distinct: ids.size,
            transitions,
            queue: queue.length - head - 1,
            depth: diameter,
          });
      }
      // actual successor = G[c.perm]⁻¹(canonical) = G[c.perm]⁻¹ ∘ G[repPerm[id]] (rep)
      const rho = group.compose[group.inverse[c.perm] ?? 0]?.[repPerm[id] ?? 0] ?? 0;
      succOf[ix] = id;
      rhoOf[ix] = rho;
      graph.addEdge(id, rho);
    }
    recordDrainFacts(
      cfg,
      sel,
      graph,
      head,
      n,
      stabilizer[head] ?? 1,
      drainIndexOf,
      statusIndex,
      succOf,
      rhoOf,
    );
    if (ids.size >= maxStates) return stats('maxStates');
  }
  opts.onProgress?.({ distinct: ids.size, transitions, queue: 0, depth: diameter });
  return stats('complete');
}

/**
 * The alphabet index of an event, by a table of the candidates' agent and fetch events (what the
 * drain tries) and `indexOf` for the others: the drain's candidates are fresh objects, and
 * formatting each to look it up was a twentieth of the search.
 */
function agentEventIndex(
  candidates: readonly SyscallEvent[],
  indexOf: (e: SyscallEvent) => number,
): (e: SyscallEvent) => number {
  const table = new Map<SyscallEvent['type'], number[]>();
  candidates.forEach((e, ix) => {
    if (e.type === 'StatusWrite' || e.type === 'Call') return;
    const who = e.type === 'Fetch' ? e.p : e.a;
    const row = table.get(e.type) ?? [];
    row[who] = ix;
    table.set(e.type, row);
  });
  return (e) => {
    if (e.type === 'StatusWrite' || e.type === 'Call') return indexOf(e);
    return table.get(e.type)?.[e.type === 'Fetch' ? e.p : e.a] ?? indexOf(e);
  };
}

/** Records what the drain can do from representative `id` (its node `n`, successors by alphabet index). */
function recordDrainFacts(
  cfg: Config,
  sel: SyscallSelection,
  graph: SyscallDrainGraph,
  id: number,
  n: SyscallNode,
  stabilizer: number,
  indexOf: (e: SyscallEvent) => number,
  statusIndex: readonly number[],
  succOf: Int32Array,
  rhoOf: Int32Array,
): void {
  const quiescent = syscallQuiescent(cfg, n.sys);
  graph.setRep(id, quiescent, quiescent && livenessHolds(cfg, sel, n), stabilizer);
  statusIndex.forEach((ix, p) => {
    const to = succOf[ix] ?? -1;
    if (to >= 0) graph.setStatus(id, p, to, rhoOf[ix] ?? 0);
  });
  for (let u = 0; u < graph.units; u++) {
    for (const e of drainCandidates(cfg, n.sys, u)) {
      const ix = indexOf(e);
      const to = succOf[ix] ?? -1;
      if (to < 0) continue;
      graph.setUnit(id, u, to, rhoOf[ix] ?? 0);
      break;
    }
  }
}

/** The liveness properties at a drain's end in quiescent `n` (they hold for every member of its orbit alike). */
export function livenessHolds(
  cfg: Config,
  sel: SyscallSelection,
  n: Pick<SyscallNode, 'sys' | 'ghost'>,
): boolean {
  const ctx: SyscallLivenessContext = {
    cfg,
    index: 0,
    state: n.sys,
    drain: { steps: 0, events: [], reachedQuiescence: true },
    ghost: n.ghost,
  };
  return sel.liveness.every((p) => p.check(ctx) === null);
}

/** The search above, then the leads-to check over its graph; the object engine's answer on any violation. */
export function exploreSyscallGraph(
  cfg: Config,
  sel: SyscallSelection,
  opts: ExploreOptions,
): ExploreOutcome<SyscallEvent> {
  return exploreSyscallOrbits(cfg, sel, opts).outcome;
}

/** The full space's counts, derived from a complete search of its orbits. */
export interface FullCounts {
  readonly distinct: number;
  readonly transitions: number;
  readonly diameter: number;
}

/** {@link exploreSyscallGraph}, with the full space's counts when a complete search was by orbits. */
export function exploreSyscallOrbits(
  cfg: Config,
  sel: SyscallSelection,
  opts: ExploreOptions,
): { readonly outcome: ExploreOutcome<SyscallEvent>; readonly full?: FullCounts } {
  const objects = (): { outcome: ExploreOutcome<SyscallEvent> } => ({
    outcome: explore(syscallSpace(cfg, undefined, sel), { ...opts, symmetry: false }),
  });
  const liveness = opts.liveness !== false && sel.liveness.length > 0;
  const symmetric = opts.symmetry === true;
  const found = searchSyscallGraph(cfg, sel, opts);
  if (found.kind === 'violation') return objects();
  const stats = {
    distinct: found.distinct,
    transitions: found.transitions,
    diameter: found.diameter,
    constrained: 0,
  };
  if (found.kind === 'maxStates') return { outcome: { kind: 'maxStates', ...stats } };
  if (liveness) {
    const k = syscallSymmetryGroup(cfg, symmetric).perms.length;
    const reachable = found.graph.reachable();
    for (let id = 0; id < found.distinct; id++)
      for (let s = 0; s < k; s++)
        if (reachable[id * k + s] === 1 && !found.graph.drains(id, s)) return objects();
  }
  const outcome = { kind: 'complete' as const, ...stats };
  return symmetric ? { outcome, full: found.graph.fullCounts() } : { outcome };
}
