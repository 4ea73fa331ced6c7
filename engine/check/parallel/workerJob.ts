/**
 * What a worker thread is asked to check: a serialisable description of one protocol's check
 * (the protocol by name, the implementation by its registry name, the protocol's own fields
 * besides). The worker hands it to that protocol's descriptor (`Protocol.workerRuns`), which
 * turns it back into seeded runs.
 */

/** The fields every job has, whatever its protocol. */
export interface JobCommon {
  /** The implementation's registry name; null checks the model on its own. */
  readonly impl: string | null;
  readonly seed: number;
  readonly properties?: readonly string[];
  readonly maxEvents?: number;
  /** Count coverage (a `--report` check): the worker returns its counters with the outcome. */
  readonly coverage?: boolean;
}

/** A job as it crosses to a worker. */
export interface WorkerJob extends JobCommon {
  /** The protocol whose descriptor runs it (a name of protocols/index.ts). */
  readonly protocol: string;
}

/** The implementation `name` found by `find`, undefined for null; an unknown name throws. */
export function jobImpl<I>(name: string | null, find: (name: string) => I | undefined): I | undefined {
  if (name === null) return undefined;
  const impl = find(name);
  if (impl === undefined) throw new Error(`unknown implementation "${name}"`);
  return impl;
}

/** The seeded-run options every job shares. */
export function jobRunOptions(
  job: JobCommon,
  onRun: ((done: number) => void) | undefined,
): {
  readonly seed: number;
  readonly properties?: readonly string[];
  readonly maxEvents?: number;
  readonly onRun?: (done: number) => void;
} {
  return {
    seed: job.seed,
    ...(job.properties ? { properties: job.properties } : {}),
    ...(job.maxEvents !== undefined ? { maxEvents: job.maxEvents } : {}),
    ...(onRun ? { onRun } : {}),
  };
}
