/**
 * One worker of the parallel explorer (parallelExplore.ts): a level-synchronous breadth-first
 * search whose visited set is shared by every worker (sharedKeySet.ts). Per level it
 * 1. expands its frontier (every transition judged, as the explorer does) and adds each
 *    successor's key to the shared set: the one worker told a key is new keeps that state,
 *    expands it at the next level and judges it as a new state (deadlock, leads-to);
 * 2. evens out the next frontiers: every worker sends its peers its frontier's size, and from the
 *    sizes all compute the same transfers (`balance`), so a worker with more than its share sends
 *    the surplus to one with less;
 * then reports to the coordinator and waits to be told to go on. Whatever the interleaving, the
 * states admitted at a level are exactly the keys first reached at that depth (no worker starts a
 * level before every worker has finished the one before), so the counts are the sequential
 * search's, and a violation is found at the level where the sequential search finds its first.
 *
 * A space that leaves its keys in a builder (StateSpace.keyUnits: UIPI) has them added as units, as
 * the sequential explorer's KeyTable takes them: with a string built, hashed and compared per
 * transition, UIPI small's two workers spent 1.20x the CPU of one thread (2026-12-07).
 *
 * Until 2026-12-07 the visited set was partitioned by key hash, each worker deciding alone about
 * the keys it owned: a worker sent each peer the keys it owned (each once per run, remembered in a
 * set of sent keys) and got back a bit per key. Two heaps of key strings (a worker's own and the
 * ones it sent) and their garbage collection made two workers spend 1.23-1.30x the CPU of one
 * thread; the shared set keeps no key on a heap and sends none. Before 2026-12-06 every new state
 * was also sent to its owner: structured cloning about half the distinct states, 33 µs a wakeup
 * node against 48 µs to expand it.
 */
import type { MessagePort } from 'node:worker_threads';
import type { StateSpace } from '../stateSpace.ts';
import type { Mailbox } from './mailbox.ts';
import { type SharedKeyBuffers, SharedKeySet } from './sharedKeySet.ts';

/** A worker's report of one level. */
export interface LevelReport {
  readonly distinct: number;
  readonly transitions: number;
  readonly constrained: number;
  /** New states it will expand at the next level. */
  readonly frontier: number;
  /** A transition, a new state's deadlock check or its leads-to check failed. */
  readonly violated: boolean;
}

/** The coordinator's word before each level. */
export type LevelCommand = 'expand' | 'stop';

/** A move of `count` frontier states from worker `from` to worker `to`. */
export interface Transfer {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * The moves that even out frontiers of sizes `sizes` (one per worker): each worker ends with
 * floor(total / n) states, the first total mod n one more; donors and receivers are matched in
 * index order, so every worker computes the same list from the same sizes. Moves are listed by
 * donor, then receiver, and each worker sends and receives its own in that order.
 */
export function balance(sizes: readonly number[]): Transfer[] {
  const n = sizes.length;
  const total = sizes.reduce((a, b) => a + b, 0);
  const target = (i: number): number => Math.floor(total / n) + (i < total % n ? 1 : 0);
  const surplus = sizes.map((s, i) => s - target(i));
  const out: Transfer[] = [];
  let j = 0;
  for (let i = 0; i < n; i++) {
    while ((surplus[i] ?? 0) > 0) {
      while (j < n && (surplus[j] ?? 0) >= 0) j++;
      if (j >= n) break;
      const count = Math.min(surplus[i] ?? 0, -(surplus[j] ?? 0));
      out.push({ from: i, to: j, count });
      surplus[i] = (surplus[i] ?? 0) - count;
      surplus[j] = (surplus[j] ?? 0) + count;
    }
  }
  return out;
}

export interface LevelWorkerOptions {
  readonly index: number;
  readonly workers: number;
  readonly mailbox: Mailbox;
  /** `peers[o]`: the port to worker o (undefined for this worker itself). */
  readonly peers: readonly (MessagePort | undefined)[];
  readonly coordinator: MessagePort;
  /** The coordinator's mailbox slot (the workers' are 0..workers-1). */
  readonly coordinatorSlot: number;
  /** The visited set, shared with every worker. */
  readonly keys: SharedKeyBuffers;
  readonly liveness: boolean;
  readonly symmetry: boolean;
}

/** Runs worker `o.index`'s levels over `space` until the coordinator says stop. */
export function runLevelWorker<N, E>(space: StateSpace<N, E>, o: LevelWorkerOptions): void {
  const { index: w, mailbox } = o;
  const keyOf = o.symmetry ? (n: N): string => space.canonical?.(n) ?? '' : (n: N): string => space.key(n);
  const liveness = o.liveness && space.liveness !== undefined;
  const visited = new SharedKeySet(o.keys);
  /** States this worker admitted. */
  let distinct = 0;
  /** Unit keys (StateSpace.keyUnits) go into the set as units, as the explorer's KeyTable takes them. */
  const units = o.symmetry || space.keyUnits?.key !== space.key ? undefined : space.keyUnits?.build;
  const admit =
    units === undefined
      ? (n: N): boolean => {
          if (!visited.add(keyOf(n))) return false;
          distinct++;
          return true;
        }
      : (n: N): boolean => {
          const k = units(n);
          if (!visited.addUnits(k.units, k.size)) return false;
          distinct++;
          return true;
        };
  const failsAsNew = (n: N): boolean =>
    (space.stuck?.(n) ?? null) !== null || (liveness && (space.liveness?.(n) ?? null) !== null);
  let frontier: N[] = [];
  let violated = false;
  const init = space.initial();
  if (w === 0) {
    admit(init);
    frontier.push(init);
    violated = failsAsNew(init);
  }
  const report = (r: LevelReport): void => mailbox.send(o.coordinator, o.coordinatorSlot, r);
  report({ distinct, transitions: 0, constrained: 0, frontier: frontier.length, violated });
  for (let depth = 0; ; depth++) {
    if ((mailbox.receive(o.coordinator) as LevelCommand) === 'stop') return;
    let transitions = 0;
    let constrained = 0;
    const next: N[] = [];
    expand: for (const n of frontier) {
      if (space.withinBounds !== undefined && !space.withinBounds(n)) {
        constrained++;
        continue;
      }
      const events = space.enabled(n);
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        if (e === undefined) continue;
        transitions++;
        const t = space.step(n, e, depth, i === events.length - 1);
        if (t.kind === 'violation') {
          violated = true;
          break expand;
        }
        if (!admit(t.node)) continue;
        next.push(t.node);
        if (failsAsNew(t.node)) {
          violated = true;
          break expand;
        }
      }
    }
    frontier = [];
    o.peers.forEach((port, peer) => {
      if (port !== undefined) mailbox.send(port, peer, next.length);
    });
    const sizes = o.peers.map((port) =>
      port === undefined ? next.length : (mailbox.receive(port) as number),
    );
    for (const t of balance(sizes)) {
      if (t.from === w) {
        const port = o.peers[t.to];
        if (port !== undefined) mailbox.send(port, t.to, next.splice(next.length - t.count, t.count));
      } else if (t.to === w) {
        const port = o.peers[t.from];
        if (port !== undefined) for (const n of mailbox.receive(port) as N[]) next.push(n);
      }
    }
    frontier = next;
    report({ distinct, transitions, constrained, frontier: frontier.length, violated });
  }
}
