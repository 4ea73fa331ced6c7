/**
 * The parallel explorer (`intcheck explore --workers N`): a level-synchronous breadth-first search
 * on N worker threads over one visited set in shared memory (levelWorker.ts, sharedKeySet.ts).
 * The coordinator (this thread) creates that set, starts the workers, lets them expand one level
 * at a time, adds up their reports (the progress line's distinct states, transitions, queue and
 * depth), and stops them when the space is exhausted or a level found a violation. It runs
 * synchronously: it sleeps on a shared counter between messages (mailbox.ts), so the caller's
 * code stays the sequential explorer's.
 *
 * The distinct states, transitions, constrained states and diameter of a complete search are the
 * sequential explorer's (a level admits exactly the keys first reached at its depth). A violation
 * is reported as found, with the depth of its level, which is the depth of the sequential
 * search's first violation; the caller then asks the sequential explorer for the counterexample
 * itself, so the path, the trace and the replay are exactly its (it stops at that depth). A
 * covering measure's admissions depend on the order within a level, so a space with one is
 * refused, as is a bound on the number of states (which states fill it depends on that order).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { ExploreProgress, ExploreStats } from '../explore.ts';
import type { LevelCommand, LevelReport } from './levelWorker.ts';
import { Mailbox } from './mailbox.ts';
import { sharedDrainBuffers } from './sharedDrainStore.ts';
import { type SharedKeyBuffers, sharedKeyBuffers } from './sharedKeySet.ts';

/** What a worker is started with (its `workerData`): the job its entry turns into a state space. */
export interface LevelWorkerData<J> {
  readonly job: J;
  readonly index: number;
  readonly workers: number;
  readonly signals: SharedArrayBuffer;
  readonly peers: readonly (MessagePort | undefined)[];
  readonly coordinator: MessagePort;
  /** The visited set every worker shares (sharedKeySet.ts). */
  readonly keys: SharedKeyBuffers;
  /** The drain memo every worker's space shares (sharedDrainStore.ts), for the spaces that keep one. */
  readonly drains: SharedKeyBuffers;
}

export type ParallelOutcome =
  | ({ readonly kind: 'complete' } & ExploreStats)
  | ({ readonly kind: 'violation'; readonly depth: number } & ExploreStats);

export interface ParallelOptions {
  readonly workers: number;
  readonly onProgress?: (p: ExploreProgress) => void;
}

/**
 * Explores the job on `o.workers` threads started from `entry` (a module that builds the job's
 * state space and runs `runLevelWorker`; it lives above this layer, with the protocols).
 */
export function exploreParallel<J>(entry: URL, job: J, o: ParallelOptions): ParallelOutcome {
  // A worker whose file is missing dies before it can say so, and this thread, sleeping on its
  // report, would wait for ever: a missing entry is an error of the installation, said at once.
  if (!existsSync(fileURLToPath(entry)))
    throw new Error(`parallel explore: the worker entry ${fileURLToPath(entry)} is missing`);
  const n = o.workers;
  const signals = new SharedArrayBuffer(4 * (n + 1));
  const mailbox = new Mailbox(signals, n);
  const links: (MessagePort | undefined)[][] = Array.from({ length: n }, () => new Array(n).fill(undefined));
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) {
      const { port1, port2 } = new MessageChannel();
      (links[a] ?? [])[b] = port1;
      (links[b] ?? [])[a] = port2;
    }
  const keys = sharedKeyBuffers();
  const drains = sharedDrainBuffers();
  const coordinators: MessagePort[] = [];
  const threads: Worker[] = [];
  for (let i = 0; i < n; i++) {
    const { port1, port2 } = new MessageChannel();
    coordinators.push(port1);
    const peers = links[i] ?? [];
    const data: LevelWorkerData<J> = {
      job,
      index: i,
      workers: n,
      signals,
      peers,
      coordinator: port2,
      keys,
      drains,
    };
    const transfer = [port2, ...peers.filter((p): p is MessagePort => p !== undefined)];
    threads.push(new Worker(entry, { workerData: data, transferList: transfer }));
  }
  const tell = (c: LevelCommand): void => {
    coordinators.forEach((port, i) => {
      mailbox.send(port, i, c);
    });
  };
  /** Worker i's report of a level; a worker that threw reports its error instead (exploreWorker). */
  const receive = (port: MessagePort, i: number): LevelReport => {
    const m = mailbox.receive(port) as LevelReport | { readonly error: string };
    if ('error' in m) throw new Error(`parallel explore: worker ${i} failed: ${m.error}`);
    return m;
  };
  try {
    let reports = coordinators.map(receive);
    let transitions = 0;
    let constrained = 0;
    let diameter = 0;
    for (let depth = 0; ; depth++) {
      const distinct = reports.reduce((s, r) => s + r.distinct, 0);
      transitions += reports.reduce((s, r) => s + r.transitions, 0);
      constrained += reports.reduce((s, r) => s + r.constrained, 0);
      const queue = reports.reduce((s, r) => s + r.frontier, 0);
      if (depth > 0 && queue > 0) diameter = depth;
      const stats = { distinct, transitions, diameter, constrained };
      o.onProgress?.({ distinct, transitions, queue, depth: diameter });
      if (reports.some((r) => r.violated)) return { kind: 'violation', depth, ...stats };
      if (queue === 0) return { kind: 'complete', ...stats };
      tell('expand');
      reports = coordinators.map(receive);
    }
  } finally {
    tell('stop');
    for (const t of threads) {
      t.unref();
      void t.terminate();
    }
    for (const p of coordinators) p.close();
  }
}
