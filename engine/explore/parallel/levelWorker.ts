/**
 * One worker of the parallel explorer (parallelExplore.ts): a level-synchronous breadth-first
 * search over a partition of the visited set. Worker w owns the states whose key hashes to w
 * (`ownerOf`): it alone decides whether such a key is new. Per level it
 * 1. expands its frontier (every transition judged, as the explorer does), admitting its own
 *    successors and setting the others' aside with their keys;
 * 2. sends each peer the keys it owns, each key once per run (one sent before is known to its
 *    owner), and answers the peer's keys with a bit per key: new or not;
 * 3. keeps the successors its peers said were new: the worker that found a new state expands it
 *    at the next level and judges it as a new state (deadlock, leads-to), whoever owns its key, so
 *    a state crosses threads only to even out the frontiers (step 4). Exactly one worker is told a
 *    key is new, so each new state is kept once;
 * 4. evens out the next frontiers: every worker sends its peers its frontier's size, and from the
 *    sizes all compute the same transfers (`balance`), so a worker with more than its share sends
 *    the surplus to one with less;
 * then reports to the coordinator and waits to be told to go on. Whatever the interleaving, the
 * states admitted at a level are exactly the keys first reached at that depth, so the counts are
 * the sequential search's, and a violation is found at the level where the sequential search
 * finds its first.
 *
 * Before step 3 kept the nodes with their finder, every new state of another's partition was
 * sent to its owner: structured cloning about half the distinct states, 33 µs a wakeup node
 * against 48 µs to expand it, which was most of what two workers spent beyond one.
 */
import type { MessagePort } from 'node:worker_threads';
import type { StateSpace } from '../stateSpace.ts';
import type { Mailbox } from './mailbox.ts';

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

/** The worker (of `workers`) that owns `key`: FNV-1a over its UTF-16 units. */
export function ownerOf(key: string, workers: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % workers;
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
  readonly liveness: boolean;
  readonly symmetry: boolean;
}

/** Runs worker `o.index`'s levels over `space` until the coordinator says stop. */
export function runLevelWorker<N, E>(space: StateSpace<N, E>, o: LevelWorkerOptions): void {
  const { index: w, workers, mailbox } = o;
  const keyOf = o.symmetry ? (n: N): string => space.canonical?.(n) ?? '' : (n: N): string => space.key(n);
  const liveness = o.liveness && space.liveness !== undefined;
  const seen = new Set<string>();
  /** Keys of other workers' states this worker has already sent (each is sent once). */
  const sent = new Set<string>();
  const admit = (k: string): boolean => {
    const known = seen.size;
    seen.add(k);
    return seen.size !== known;
  };
  const failsAsNew = (n: N): boolean =>
    (space.stuck?.(n) ?? null) !== null || (liveness && (space.liveness?.(n) ?? null) !== null);
  let frontier: N[] = [];
  let violated = false;
  const init = space.initial();
  const k0 = keyOf(init);
  if (ownerOf(k0, workers) === w) {
    admit(k0);
    frontier.push(init);
    violated = failsAsNew(init);
  }
  const report = (r: LevelReport): void => mailbox.send(o.coordinator, o.coordinatorSlot, r);
  report({ distinct: seen.size, transitions: 0, constrained: 0, frontier: frontier.length, violated });
  for (let depth = 0; ; depth++) {
    if ((mailbox.receive(o.coordinator) as LevelCommand) === 'stop') return;
    let transitions = 0;
    let constrained = 0;
    const next: N[] = [];
    const outKeys: string[][] = o.peers.map(() => []);
    const outNodes: N[][] = o.peers.map(() => []);
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
        const k = keyOf(t.node);
        const owner = ownerOf(k, workers);
        if (owner !== w) {
          // a key sent before is known to its owner now (admitted then, or already there): not new
          if (sent.has(k)) continue;
          sent.add(k);
          outKeys[owner]?.push(k);
          outNodes[owner]?.push(t.node);
        } else if (admit(k)) {
          next.push(t.node);
          if (failsAsNew(t.node)) {
            violated = true;
            break expand;
          }
        }
      }
    }
    frontier = [];
    o.peers.forEach((port, peer) => {
      if (port !== undefined) mailbox.send(port, peer, outKeys[peer] ?? []);
    });
    o.peers.forEach((port, peer) => {
      if (port === undefined) return;
      const keys = mailbox.receive(port) as string[];
      const fresh = new Uint8Array(keys.length);
      for (let i = 0; i < keys.length; i++) fresh[i] = admit(keys[i] ?? '') ? 1 : 0;
      mailbox.send(port, peer, fresh, [fresh.buffer]);
    });
    o.peers.forEach((port, peer) => {
      if (port === undefined) return;
      const fresh = mailbox.receive(port) as Uint8Array;
      const nodes = outNodes[peer] ?? [];
      for (let i = 0; i < nodes.length; i++) {
        const n = nodes[i];
        if (fresh[i] !== 1 || n === undefined) continue;
        next.push(n);
        if (!violated && failsAsNew(n)) violated = true;
      }
    });
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
    report({ distinct: seen.size, transitions, constrained, frontier: frontier.length, violated });
  }
}
