/**
 * The programmatic API's options: the command line's, typed (numbers as numbers, lists as arrays),
 * and turned into the very flags the commands parse, so that a call and the command line are
 * validated alike and give the same report. A bad value is the command line's one-line error,
 * which names the option as the command line spells it (`--runs: …`).
 */
import type { CheckFlags } from '../cli/commands/check.ts';
import type { ConformFlags } from '../cli/commands/conform.ts';
import type { EXPLORE_ENGINES, ExploreFlags } from '../cli/commands/explore.ts';
import type { MutantsFlags } from '../cli/commands/mutants.ts';
import type { ReplayFlags } from '../cli/commands/replay.ts';

/** How a configuration is chosen: a preset by name, or a configuration file (neither: the command's default list). */
export interface ConfigChoice {
  readonly preset?: string;
  /** A configuration JSON file (missing fields take the published values). */
  readonly config?: string;
}

export interface CheckOptions extends ConfigChoice {
  /** A protocol's name (see {@link protocols}). */
  readonly protocol: string;
  /** An implementation (default: reference); exclusive with `mutant`. */
  readonly impl?: string;
  /** A seeded-bug implementation of the protocol. */
  readonly mutant?: string;
  /** Random storms per configuration (default 1000). */
  readonly runs?: number;
  /** fast-check seed (default: INTCHECK_SEED or 42). */
  readonly seed?: number;
  /** Longest storm (default 80). */
  readonly maxEvents?: number;
  /** Check only these property ids. */
  readonly properties?: readonly string[];
  /** Worker threads (default 1: this thread). */
  readonly workers?: number;
  /** Run only the `index`-th (0-based) of `count` contiguous slices of the storms. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Where counterexample traces are written (default `out`). */
  readonly out?: string;
  /** One line saying what a counterexample shows, written to its trace. */
  readonly note?: string;
  /** A storm profile the implementation declares. */
  readonly profile?: string;
  /** Also write the HTML summary page here. */
  readonly report?: string;
}

export interface ConformOptions extends ConfigChoice {
  /** The command line that starts the design under test (spec/dut-protocol.md). */
  readonly dut: string;
  /** The implementation that predicts the replies (default: reference). */
  readonly against?: string;
  readonly runs?: number;
  readonly seed?: number;
  readonly maxEvents?: number;
  /** Per-request timeout (default 2000 ms). */
  readonly timeoutMs?: number;
  /** Timeout of the first hello (default 30000 ms). */
  readonly startTimeoutMs?: number;
  /** Requests in flight (default 32; 1: lockstep). */
  readonly window?: number;
  /** Most restarts of the DUT after it failed (default 200). */
  readonly maxRestarts?: number;
  readonly out?: string;
}

export interface ExploreOptions extends ConfigChoice {
  readonly protocol: string;
  /** Explore the product of the model and this implementation (default: the model alone). */
  readonly impl?: string;
  readonly mutant?: string;
  /** Stop after this many distinct states (verdict `maxStates`: no verdict). */
  readonly maxStates?: number;
  readonly maxPending?: number;
  readonly maxQueue?: number;
  /** Judge leads-to from every state (default true). */
  readonly liveness?: boolean;
  /**
   * `auto` (default: `judged` for the model alone of any protocol — syscall and UIPI without
   * `symmetry`; the syscall model by orbits: its graph engine —, else `objects`), `objects`,
   * `judged` or `packed`, as `--engine`.
   */
  readonly engine?: (typeof EXPLORE_ENGINES)[number];
  readonly properties?: readonly string[];
  readonly profile?: string;
  /** One state per orbit of interchangeable processes, lines, agents, harts, CPUs or senders (`--symmetry`; the models alone). */
  readonly symmetry?: boolean;
  /** false: no covering reduction, every distinct (state, owed masks) pair (`--no-covering`; the UIPI model alone). */
  readonly covering?: boolean;
  /** Worker threads of the parallel search (`--workers`; the object engine, the model alone). */
  readonly workers?: number;
  readonly out?: string;
}

export interface ReplayOptions extends ConfigChoice {
  /** Replay against this implementation instead of the one the trace names. */
  readonly impl?: string;
  /** Also require every recorded state to be the one the replay reaches. */
  readonly matchStates?: boolean;
  /** Also write the trace as a self-contained HTML timeline here. */
  readonly html?: string;
  /** Replay on an external design (a DUT's command line) instead. */
  readonly dut?: string;
  readonly against?: string;
  readonly timeoutMs?: number;
  readonly startTimeoutMs?: number;
  readonly window?: number;
}

export interface MutantsOptions {
  /** Only this protocol's mutants (default: every protocol's). */
  readonly protocol?: string;
  /** Only these mutants. */
  readonly mutants?: readonly string[];
  /** Random storms per mutant (default 1000). */
  readonly runs?: number;
  readonly seed?: number;
  /** Run the explorer on the mutants the storms miss (default true). */
  readonly explore?: boolean;
}

/** `o`'s defined entries, numbers as the strings the command line would have passed. */
function strings<K extends string>(
  o: Partial<Record<K, string | number | undefined>>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [k, v] of Object.entries(o) as [K, string | number | undefined][]) {
    if (v !== undefined) out[k] = String(v);
  }
  return out;
}

const configChoice = (o: ConfigChoice) => strings({ preset: o.preset, config: o.config });

export function checkFlags(o: CheckOptions): CheckFlags {
  return {
    protocol: o.protocol,
    ...strings({ impl: o.impl, mutant: o.mutant, note: o.note, profile: o.profile, report: o.report }),
    ...configChoice(o),
    ...strings({ runs: o.runs, seed: o.seed, maxEvents: o.maxEvents, workers: o.workers }),
    ...(o.shard === undefined ? {} : { shard: `${o.shard.index}/${o.shard.count}` }),
    ...(o.properties === undefined ? {} : { property: [...o.properties] }),
    out: o.out ?? 'out',
    json: true,
  };
}

export function conformFlags(o: ConformOptions): ConformFlags {
  return {
    dut: o.dut,
    ...strings({ against: o.against }),
    ...configChoice(o),
    ...strings({
      runs: o.runs,
      seed: o.seed,
      maxEvents: o.maxEvents,
      timeoutMs: o.timeoutMs,
      startTimeoutMs: o.startTimeoutMs,
      window: o.window,
      maxRestarts: o.maxRestarts,
    }),
    out: o.out ?? 'out',
    json: true,
  };
}

export function exploreFlags(o: ExploreOptions): ExploreFlags {
  return {
    protocol: o.protocol,
    ...strings({ impl: o.impl, mutant: o.mutant, engine: o.engine, profile: o.profile }),
    ...configChoice(o),
    ...strings({
      maxStates: o.maxStates,
      maxPending: o.maxPending,
      maxQueue: o.maxQueue,
      workers: o.workers,
    }),
    ...(o.properties === undefined ? {} : { property: [...o.properties] }),
    ...(o.symmetry === true ? { symmetry: true } : {}),
    ...(o.covering === false ? { covering: false } : {}),
    liveness: o.liveness ?? true,
    out: o.out ?? 'out',
    json: true,
  };
}

export function replayFlags(o: ReplayOptions): ReplayFlags {
  return {
    ...strings({ impl: o.impl, html: o.html, dut: o.dut, against: o.against }),
    ...configChoice(o),
    ...strings({ timeoutMs: o.timeoutMs, startTimeoutMs: o.startTimeoutMs, window: o.window }),
    ...(o.matchStates === true ? { matchStates: true } : {}),
    json: true,
  };
}

export function mutantsFlags(o: MutantsOptions): MutantsFlags {
  return {
    ...strings({ protocol: o.protocol, runs: o.runs, seed: o.seed }),
    ...(o.mutants === undefined ? {} : { mutant: [...o.mutants] }),
    explore: o.explore ?? true,
    json: true,
  };
}
