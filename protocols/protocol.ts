/**
 * A protocol, in one descriptor: what every command, report reader, trace reader and the explorer
 * need from it, and nothing else. Each protocol folder's index.ts builds one (protocols/<name>/
 * index.ts) and protocols/index.ts lists them; adding a protocol is one folder plus one line there
 * (docs/adding-a-protocol.md has the checklist).
 *
 * The descriptor speaks in names and plain data (implementation names, configuration names,
 * JSON-ready reports), so the command line never sees a protocol's own types: each operation is
 * bound to its protocol's types inside its folder. A configuration comes back from
 * {@link Protocol.checkConfigs} / {@link Protocol.exploreConfig} with its operations bound to it.
 */
import type { WorkerJob } from '../engine/check/parallel/workerJob.ts';
import type { RangeOutcome, RunRange } from '../engine/check/seededRuns.ts';
import type { Coverage } from '../engine/coverage/coverage.ts';
import type { DrainStore } from '../engine/explore/drainStore.ts';
import type { StateSpace } from '../engine/explore/stateSpace.ts';
import type { FindingTarget } from '../engine/kill/findingTarget.ts';
import type { KillAdapter } from '../engine/kill/killAdapter.ts';
import type { DescribeProperty, Property } from '../engine/property.ts';
import type { Finding } from '../model/finding.ts';
import type { StateNodeLike } from '../pictures/diagram/chart.ts';
import type { Timeline } from '../pictures/timeline/timeline.ts';
import type { StateMismatch } from '../replay/compareStates.ts';
import type { ReplayVerdict } from '../replay/replayVerdict.ts';
import type { ConfigJson, ConfigReport } from '../report/checkReport.ts';
import type { ExploreResult, ExploreRunArgs } from '../report/exploreReport.ts';
import type { ItfTrace, TraceHeader } from '../traces/itfTrace.ts';

/** An implementation as the command line lists it (a design of `--impl`, a mutant of `--mutant`). */
export interface Described {
  readonly name: string;
  /** One line: what the design is, or what bug the mutant seeds. */
  readonly description: string;
  /** Property ids expected to catch it (empty for the reference). */
  readonly expectedViolations: readonly string[];
  /** A design written elsewhere: what the suite finds in it, on any protocol (its findings.ts). */
  readonly findings?: readonly Finding[];
}

/** `--preset NAME` or `--config FILE` (neither: the protocol's default list), and what narrows it. */
export interface ConfigChoice {
  readonly preset?: string;
  readonly config?: string;
  /**
   * The implementation the configurations are for: one it cannot run is left out of the default
   * list, and refused when asked for by name.
   */
  readonly impl?: string;
  /**
   * `--drain`: the named drains the liveness properties are judged after, each configuration once
   * per drain (`all`: every one); a protocol without named drains refuses the option.
   */
  readonly drain?: readonly string[];
}

/** What one configuration's check is asked (the options parsed, the implementation by name). */
export interface CheckArgs {
  /** The implementation (a design or a mutant) by name; validated by {@link Protocol.implementation}. */
  readonly impl: string;
  readonly runs: number;
  /** The runs to execute: all, or a shard's contiguous slice. */
  readonly range: { readonly from: number; readonly to: number };
  readonly seed: number;
  readonly maxEvents: number;
  /** Property ids asked for; the protocol's defaults for `impl` when absent. */
  readonly properties?: readonly string[];
  readonly workers: number;
  /** Where a counterexample trace is written, and its file name's shard suffix. */
  readonly out: string;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly note?: string;
  /** A storm profile the implementation declares (`--profile`). */
  readonly profile?: string;
  readonly coverage?: Coverage;
  readonly onRun: (done: number) => void;
  readonly seconds: () => number;
}

/** One configuration of a protocol, with its operations bound to it. */
export interface ProtocolConfig {
  /** "small", "published", another preset, or the configuration file's path. */
  readonly name: string;
  /** The parameters as reports print them. */
  readonly json: ConfigJson;
  /**
   * Configurations of one group (one configuration under several drains) each get their verdict:
   * a failing one stops the check only after the rest of its group.
   */
  readonly group?: string;
  /** Random storms against `a.impl`, shrunk on failure, the trace written; the configuration's report. */
  check(a: CheckArgs): Promise<ConfigReport>;
  /** Exhaustive exploration of the model, or its product with `a.impl`. */
  explore(a: ExploreRunArgs): ExploreResult;
}

/** A trace its protocol has read ({@link Protocol.loadTrace}), ready to replay on the implementations it knows. */
export interface LoadedTrace {
  readonly header: TraceHeader;
  /** The built-in implementations it replays on, by name (for messages). */
  readonly implementations: readonly string[];
  /**
   * The trace's events re-run on implementation `name` beside the model and judged afresh with
   * the protocol's default properties (the recorded states are not compared: spec/traces.md);
   * undefined when the protocol has no implementation of that name.
   */
  replay(name: string): TraceReplay | undefined;
}

/** One replay of a loaded trace, with the ways to show it. */
export interface TraceReplay {
  /** The implementation it ran on. */
  readonly implementation: string;
  readonly verdict: ReplayVerdict;
  /** The report a person reads: each step, the failure, a summary line (joined with "\n"). */
  text(): string;
  /** The replay as a timeline (`--html`), each failure's rule looked up with `describe`. */
  timeline(describe: DescribeProperty): Timeline;
  /**
   * `--match-states`: the first recorded state that differs from the one the replay reached, or
   * null; absent where the protocol's traces are not compared state by state.
   */
  readonly matchStates?: () => StateMismatch | null;
}

/** What every worker job of the parallel search carries (structured-cloned); the rest is its protocol's. */
export interface ParallelJob {
  /** The protocol that built the job (`findProtocol`), or a member of the controller family. */
  readonly protocol: string;
  /** Whether each new state's leads-to (drain) is judged. */
  readonly liveness: boolean;
  /** Whether states are keyed by their orbit's canonical form. */
  readonly symmetry: boolean;
}

export interface Protocol {
  /** `--protocol NAME`, `#meta.protocol` of its traces, the `protocol` of its reports. */
  readonly name: string;
  /** One line: what the protocol is. */
  readonly summary: string;
  /** Where it is specified (under ../shared/spec/). */
  readonly spec: string;
  /** `--impl`: the reference first, then the published designs. */
  readonly designs: readonly Described[];
  /** Its own seeded bugs: the kill matrix's catalogue of this protocol, and `--mutant` names. */
  readonly mutants: readonly Described[];
  /** Mutants of the protocol it is built on that `--mutant` takes too (the wakeup system runs the controller's). */
  readonly foreignMutants: readonly Described[];
  /** Every property a run of this protocol judges, in the order a failing step reports them. */
  readonly properties: readonly Property<never>[];
  /** The property ids judged when none are asked for (refinement only where it applies). */
  defaultProperties(impl: string): readonly string[];
  /** The properties a storm profile of `impl` claims (`--profile`), or a usage error naming its profiles. */
  profileProperties(impl: string, profile: string): readonly string[];
  /** The mutants of this protocol that the kill matrix must see caught, and its reference. */
  readonly kill: KillAdapter;
  /**
   * What the suite finds in its designs written elsewhere and its check reports (each design's
   * `findings`, model/finding.ts): the rows of the findings table (docs/findings.md).
   */
  readonly findings: readonly Finding[];
  /**
   * Finding `f` as the findings table hunts it: storms with its property alone, the explorer's
   * shortest run. `f.design` may name any implementation of this protocol (the reference, to show
   * that the hunt comes back empty on a design without the bug).
   */
  findingTarget(f: Finding): FindingTarget;
  /** The configurations `check` runs: the preset, the file, or the protocol's default list. */
  checkConfigs(c: ConfigChoice): readonly ProtocolConfig[];
  /** The configuration `explore` runs: an exploration preset (default small), or the file. */
  exploreConfig(c: ConfigChoice): ProtocolConfig;
  /** The exploration presets, by name (for help and errors). */
  readonly explorePresets: readonly string[];
  /** Fresh coverage counters of a check (`--report`). */
  coverage(): Coverage;
  /** A worker thread's share of a parallel check: `range` of `job` (which this protocol built), counted into `coverage`. */
  workerRuns(
    job: WorkerJob,
    range: RunRange,
    onRun?: (done: number) => void,
    coverage?: Coverage,
  ): RangeOutcome<unknown>;
  /**
   * The state space a worker of this protocol's own parallel search (`explore --workers N`)
   * rebuilds from `job`, which the protocol's exploration built, its drain memo (if it keeps one)
   * in `drains`, the store every worker shares; absent where the parallel search is the controller
   * family's (protocols/family/exploreProtocol.ts, `modelSpace`).
   */
  readonly parallelSpace?: (job: ParallelJob, drains: DrainStore) => StateSpace<unknown, unknown>;
  /**
   * Starts compiling, off this thread, what a search of this protocol's model alone runs
   * compiled (its WebAssembly engine); `explore` awaits it before the search starts, as pan is
   * compiled before it runs. Absent where nothing is compiled ahead.
   */
  readonly prepareExplore?: () => Promise<void>;
  /**
   * Variables whose presence in the initial state marks a trace that names no protocol (one from
   * another tool) as this protocol's; empty when its traces are recognised only by `#meta.protocol`.
   */
  readonly traceVars: readonly string[];
  /** Reads a trace of this protocol; `c` gives a configuration in place of `#meta.config` (`--preset`, `--config`). */
  loadTrace(itf: ItfTrace, c: ConfigChoice): LoadedTrace;
  /** The model's statechart, for `intcheck diagram`. */
  machine(): StateNodeLike;
}
