/**
 * Exhaustive exploration of one protocol on one configuration, for the command line, the tests
 * and the benches: builds the protocol's state space (the model alone, or the product with an
 * implementation), runs the explorer, and on a violation re-runs the BFS-shortest path through the
 * protocol's own lockstep runner (`runController`, `runWakeup`), so the verdict, the message and
 * the recorded steps are exactly those `intcheck check` and `intcheck replay` produce, and the
 * trace written from them replays. A wakeup liveness violation is re-run with the §6 drain, so its
 * trace is the path followed by the drain steps that fail to reach the goal.
 */

import type { DrainStore } from '../../engine/explore/drainStore.ts';
import { type ExploreOptions, type ExploreOutcome, explore } from '../../engine/explore/explore.ts';
import { exploreByOrbits } from '../../engine/explore/orbitDrain.ts';
import { exploreParallel } from '../../engine/explore/parallel/parallelExplore.ts';
import type { StateBounds } from '../../engine/explore/stateBounds.ts';
import type { StateSpace } from '../../engine/explore/stateSpace.ts';
import type { Violation } from '../../engine/property.ts';
import { workerEntry } from '../../engine/workerEntry.ts';
import type { ControllerImpl } from '../controller/designs/device.ts';
import { assertExpressible, supportedConfig } from '../controller/designs/supportedConfig.ts';
import { controllerSpace } from '../controller/engine/controllerSpace.ts';
import { type RunResult, runController } from '../controller/engine/runController.ts';
import type { Config } from '../controller/model/config/config.ts';
import type { ControllerEvent } from '../controller/model/events.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../controller/properties/selection.ts';
import { syscallUnpackable } from '../syscall/engine/packed/syscallPackedLayout.ts';
import { runSyscall, type SyscallRunResult } from '../syscall/engine/runSyscall.ts';
import { exploreSyscallOrbits, type FullCounts } from '../syscall/engine/syscallGraphExplore.ts';
import { syscallSpace } from '../syscall/engine/syscallSpace.ts';
import { exploreSyscallPackedWasm } from '../syscall/engine/wasm/syscallWasmExplore.ts';
import type { SyscallEvent } from '../syscall/model/events.ts';
import { defaultSyscallPropertyIds, selectSyscallProperties } from '../syscall/properties/selection.ts';
import { runWakeup, type WakeupRunResult } from '../wakeup/engine/runWakeup.ts';
import { wakeupSpace } from '../wakeup/engine/wakeupSpace.ts';
import type { SystemEvent } from '../wakeup/model/events.ts';
import { defaultWakeupPropertyIds, selectWakeupProperties } from '../wakeup/properties/selection.ts';

/** The protocols the explorer has an adapter for. */
const EXPLORE_PROTOCOLS = ['controller', 'wakeup', 'syscall'] as const;
export type ExploreProtocol = (typeof EXPLORE_PROTOCOLS)[number];

export interface ExploreRequest extends ExploreOptions {
  readonly protocol: ExploreProtocol;
  /** The implementation explored in product with the model; undefined: the model alone. */
  readonly impl: ControllerImpl | undefined;
  readonly cfg: Config;
  /** Property ids to judge (default: what `check` judges for this implementation). */
  readonly properties?: readonly string[];
  readonly bounds?: StateBounds;
  /** The implementation's storm profile whose alphabet is explored (controller only). */
  readonly profile?: string;
  /**
   * The syscall model alone: its engine. `judged` (the default without symmetry): the packed
   * syscall engine (syscall/engine/packed/syscallPackedExplore.ts: byte-packed states judged on
   * bytes, the leads-to check over the explored graph; a passing search run in WebAssembly,
   * syscall/engine/wasm/syscallWasmExplore.ts); `graph` (the default with symmetry): the
   * graph engine (syscallGraphExplore.ts, the only one with symmetry); `objects`: the object engine.
   * All three give the same answer.
   */
  readonly syscallEngine?: SyscallEngine;
  /**
   * Worker threads (default 1): more runs the level-synchronous parallel search over the model
   * alone (engine/explore/parallel/), whose complete answer is the sequential one; on a violation
   * the sequential explorer finds the counterexample (the same depth).
   */
  readonly workers?: number;
}

/** The engines that explore the syscall model alone (see {@link ExploreRequest.syscallEngine}). */
export type SyscallEngine = 'judged' | 'graph' | 'objects';

/** What a worker of the parallel search is given to rebuild the model's state space (structured-cloned). */
export interface ParallelExploreJob {
  readonly protocol: ExploreProtocol;
  readonly cfg: Config;
  readonly properties: readonly string[] | undefined;
  readonly bounds: StateBounds | undefined;
  readonly liveness: boolean;
  readonly symmetry: boolean;
}

/**
 * The state space of the model alone the job names, as the sequential explorer searches it; its
 * drain memo (wakeup's, syscall's) kept in `drains` where given (the parallel search's workers
 * share one: engine/explore/parallel/sharedDrainStore.ts).
 */
export function modelSpace(job: ParallelExploreJob, drains?: DrainStore): StateSpace<unknown, unknown> {
  const { cfg, properties: ids } = job;
  switch (job.protocol) {
    case 'controller':
      return controllerSpace(
        cfg,
        undefined,
        selectControllerProperties(ids ?? defaultControllerPropertyIds(undefined)),
        job.bounds,
      ) as StateSpace<unknown, unknown>;
    case 'syscall':
      return syscallSpace(
        cfg,
        undefined,
        selectSyscallProperties(ids ?? defaultSyscallPropertyIds(undefined), undefined),
        drains,
      ) as StateSpace<unknown, unknown>;
    case 'wakeup':
      return wakeupSpace(
        cfg,
        undefined,
        selectWakeupProperties(ids ?? defaultWakeupPropertyIds(undefined), undefined),
        true,
        false,
        drains,
      ) as StateSpace<unknown, unknown>;
  }
}

/** The complete answer of the parallel search of `req` (the model alone), or undefined on a violation. */
function parallelAnswer(
  req: ExploreRequest,
  cfg: Config,
  workers: number,
): Extract<ExploreOutcome<unknown>, { kind: 'complete' }> | undefined {
  if (req.impl !== undefined || req.maxStates !== undefined || req.profile !== undefined)
    throw new Error('parallel explore: the model alone, without --max-states or a profile');
  const job: ParallelExploreJob = {
    protocol: req.protocol,
    cfg,
    properties: req.properties,
    bounds: req.bounds,
    liveness: req.liveness !== false,
    symmetry: req.symmetry === true,
  };
  const out = exploreParallel(workerEntry('exploreWorker'), job, {
    workers,
    ...(req.onProgress === undefined ? {} : { onProgress: req.onProgress }),
  });
  if (out.kind === 'violation') return undefined;
  return out;
}

/** The re-run of a violating path through the protocol's runner (what a trace is written from). */
export type Reproduction =
  | { readonly protocol: 'controller'; readonly events: readonly ControllerEvent[]; readonly run: RunResult }
  | { readonly protocol: 'wakeup'; readonly events: readonly SystemEvent[]; readonly run: WakeupRunResult }
  | {
      readonly protocol: 'syscall';
      readonly events: readonly SyscallEvent[];
      readonly run: SyscallRunResult;
    };

export type ExploreReport =
  | (Exclude<ExploreOutcome<unknown>, { kind: 'violation' }> & {
      /** A complete search by orbits that knows the full space's counts (the syscall graph engine). */
      readonly full?: FullCounts;
    })
  | (Extract<ExploreOutcome<unknown>, { kind: 'violation' }> & {
      /** The first violation as the runner reports it on the path. */
      readonly violation: Violation;
      readonly reproduction: Reproduction;
    });

/** The configuration actually explored (a published design's wakeup system is restricted to what it supports). */
export function exploredConfig(
  protocol: ExploreProtocol,
  cfg: Config,
  impl: ControllerImpl | undefined,
): Config {
  if (protocol === 'wakeup') return supportedConfig(cfg, impl);
  assertExpressible(cfg, impl);
  return cfg;
}

/**
 * The engine of the syscall model alone on `cfg` when none is named: the packed one, unless the
 * search is by orbits (`symmetry`) or the configuration does not fit in bytes (the graph engine).
 */
export function defaultSyscallEngine(cfg: Config, opts: { readonly symmetry?: boolean }): SyscallEngine {
  return opts.symmetry === true || syscallUnpackable(cfg) !== null ? 'graph' : 'judged';
}

/** Explores `req` (see above); `cfg` in the report is `exploredConfig`. */
export function exploreProtocol(req: ExploreRequest): ExploreReport & { readonly cfg: Config } {
  const { impl } = req;
  const cfg = exploredConfig(req.protocol, req.cfg, impl);
  const parallel = (req.workers ?? 1) > 1 ? parallelAnswer(req, cfg, req.workers ?? 1) : undefined;
  if (parallel !== undefined) return { ...parallel, cfg };
  if (req.protocol === 'controller') {
    const props = selectControllerProperties(req.properties ?? defaultControllerPropertyIds(impl));
    const out = explore(controllerSpace(cfg, impl, props, req.bounds, req.profile), req);
    if (out.kind !== 'violation') return { ...out, cfg };
    const events = out.path as readonly ControllerEvent[];
    const run = runController(cfg, impl, events, req.properties ? { properties: req.properties } : {});
    if (run.ok)
      throw new Error(`explorer: the path to ${out.violations[0]?.property} does not fail in runController`);
    return { ...out, cfg, violation: run.violation, reproduction: { protocol: 'controller', events, run } };
  }
  if (req.protocol === 'syscall') {
    const ids = req.properties ?? defaultSyscallPropertyIds(impl);
    const sel = selectSyscallProperties(ids, impl);
    const engine = impl !== undefined ? 'objects' : (req.syscallEngine ?? defaultSyscallEngine(cfg, req));
    const graph = engine === 'graph' ? exploreSyscallOrbits(cfg, sel, req) : undefined;
    const out =
      engine === 'judged'
        ? exploreSyscallPackedWasm(cfg, sel, req)
        : (graph?.outcome ?? explore(syscallSpace(cfg, impl, sel), req));
    if (out.kind !== 'violation')
      return { ...out, cfg, ...(graph?.full === undefined ? {} : { full: graph.full }) };
    const events = out.path as readonly SyscallEvent[];
    const run = runSyscall(cfg, impl, events, { properties: ids, drain: out.where === 'liveness' });
    if (run.ok)
      throw new Error(`explorer: the path to ${out.violations[0]?.property} does not fail in runSyscall`);
    return { ...out, cfg, violation: run.violation, reproduction: { protocol: 'syscall', events, run } };
  }
  const ids = req.properties ?? defaultWakeupPropertyIds(impl);
  const sel = selectWakeupProperties(ids, impl);
  // by orbits of the harts with req.symmetry (the model alone), falling back to the full search
  const out = exploreByOrbits((orbits) => wakeupSpace(cfg, impl, sel, true, orbits), req);
  if (out.kind !== 'violation') return { ...out, cfg };
  const events = out.path as readonly SystemEvent[];
  const run = runWakeup(cfg, impl, events, { properties: ids, drain: out.where === 'liveness' });
  if (run.ok)
    throw new Error(`explorer: the path to ${out.violations[0]?.property} does not fail in runWakeup`);
  return { ...out, cfg, violation: run.violation, reproduction: { protocol: 'wakeup', events, run } };
}
