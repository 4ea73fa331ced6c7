/**
 * The number of distinct states the explorer finds for the controller model alone on a
 * configuration, counted instead of searched: for the configurations no search can finish (the
 * spec's `small`: some 10^10 states), the measured size docs/exploration.md gives.
 *
 * The count is of §3 states (spec/controller.md), since for the model the explorer's key adds
 * nothing to them (its ghost is a function of the state: engine/explore/ghostKey.ts). A state is
 * reachable exactly when:
 * - every process's occupancy (its ready entries, its waiters on every line, its IPC handlers;
 *   model/state.ts `occupancy`) is at most the capacity, every waiter FIFO holds at most the wait
 *   depth, every entry is a task id of the pool (1..taskPool), in any order and with repeats;
 * - a pending counter (0..pendingMax) is non-zero only where its FIFO is empty (an interrupt or a
 *   send wakes a waiter before it counts);
 * - any process is online or offline (STATUS writes are always offered);
 * - the error register holds any set of its four bits, except WAIT_FULL where no registration can
 *   find a full FIFO before its own process is full: a line is full with its wait depth B of
 *   waiters, which leaves some process below capacity C only when B ≤ P·C − 1; a process's own
 *   IPC FIFO is full with B of its handlers, which leaves it below capacity only when B < C.
 * test/protocols/controller/engine/reachableStateCount.test.ts checks the count against complete
 * searches of configurations that vary every parameter, WAIT_FULL reachable or not.
 *
 * It is a sum over occupancy vectors (one count per process, 0..C): each FIFO in turn adds its
 * entries to the processes it holds tasks of.
 */
import type { Config } from '../model/config/config.ts';

/** The distinct states the explorer finds for the controller model alone on `cfg` (see above). */
export function reachableStateCount(cfg: Config): bigint {
  const P = cfg.processes;
  const C = cfg.capacity;
  const B = cfg.waitDepth;
  const T = BigInt(cfg.taskPool);
  const pendingOrEmpty = (len: number): bigint => (len === 0 ? BigInt(cfg.pendingMax) + 1n : 1n);
  const occupancy = new OccupancyCounts(P, C);
  for (let p = 0; p < P; p++)
    for (let k = 0; k < cfg.priorities; k++) occupancy.addOwnFifo(p, C, (len) => T ** BigInt(len));
  for (let p = 0; p < P; p++)
    for (let t = 0; t < cfg.ipcTypes; t++)
      occupancy.addOwnFifo(p, B, (len) => T ** BigInt(len) * pendingOrEmpty(len));
  for (let d = 0; d < cfg.devices; d++) occupancy.addSharedFifo(B, T, pendingOrEmpty(0));
  const waitFull = (cfg.devices > 0 && B <= P * C - 1) || (cfg.ipcTypes > 0 && B < C);
  const errorSets = waitFull ? 16n : 8n;
  return occupancy.total() * 2n ** BigInt(P) * errorSets;
}

/** Ways to fill the FIFOs seen so far, per occupancy vector (one count per process, each 0..C). */
class OccupancyCounts {
  private readonly P: number;
  private readonly C: number;
  private ways: bigint[];

  constructor(P: number, C: number) {
    this.P = P;
    this.C = C;
    this.ways = new Array<bigint>((C + 1) ** P).fill(0n);
    this.ways[0] = 1n;
  }

  /** What one more entry of process p adds to a vector's index (vector i: p holds `(i / (C+1)^p) mod (C+1)`). */
  private stride(p: number): number {
    return (this.C + 1) ** p;
  }

  /** The entries process p holds in vector i. */
  private holds(i: number, p: number): number {
    return Math.floor(i / this.stride(p)) % (this.C + 1);
  }

  /** A FIFO of process p's own of at most `max` entries, filled in `fill(length)` ways. */
  addOwnFifo(p: number, max: number, fill: (len: number) => bigint): void {
    const next = new Array<bigint>(this.ways.length).fill(0n);
    this.ways.forEach((w, i) => {
      if (w === 0n) return;
      for (let len = 0; len <= max && this.holds(i, p) + len <= this.C; len++) {
        const j = i + len * this.stride(p);
        next[j] = (next[j] ?? 0n) + w * fill(len);
      }
    });
    this.ways = next;
  }

  /**
   * A line's FIFO of at most `max` waiters, each of any process and any of `tasks` task ids; empty,
   * it also holds a pending count in `emptyWays` ways.
   */
  addSharedFifo(max: number, tasks: bigint, emptyWays: bigint): void {
    const next = this.ways.map((w) => w * emptyWays);
    let layer = this.ways;
    for (let len = 1; len <= max; len++) {
      const grown = new Array<bigint>(layer.length).fill(0n);
      layer.forEach((w, i) => {
        if (w === 0n) return;
        for (let p = 0; p < this.P; p++) {
          if (this.holds(i, p) + 1 > this.C) continue;
          const j = i + this.stride(p);
          grown[j] = (grown[j] ?? 0n) + w * tasks;
        }
      });
      layer = grown;
      layer.forEach((w, i) => {
        next[i] = (next[i] ?? 0n) + w;
      });
    }
    this.ways = next;
  }

  total(): bigint {
    return this.ways.reduce((a, b) => a + b, 0n);
  }
}
