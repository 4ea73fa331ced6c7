/**
 * intcheck's programmatic API (`import { check, conform } from 'intcheck'`): the commands of the
 * command line as functions that return the report objects `--json` prints, for a user's own test
 * runner or script. A call never prints, never exits its caller's process and never installs a
 * signal handler; input that is wrong (an unknown protocol, a bad option value, an unreadable trace,
 * a DUT that does not start) throws a {@link BadInput} whose message is the command line's one line.
 * Any other exception is a bug in intcheck. Counterexample traces are written to `out` as the
 * command line writes them.
 */

import type { ReplayReport } from '../cli/commands/runReplay.ts';
import { describeError } from '../cli/errors.ts';
import { capturedIo } from '../cli/io.ts';
import { BadInput } from '../model/badInput.ts';
import { PROTOCOLS } from '../protocols/index.ts';
import type { MutantsReport } from '../protocols/mutantsReport.ts';
import { type CheckReport, formatResult } from '../report/checkReport.ts';
import { type ConformReport, formatConform, summaryLine } from '../report/conformReport.ts';
import type { ExploreReport } from '../report/exploreReport.ts';
import {
  type CheckOptions,
  type ConformOptions,
  checkFlags,
  conformFlags,
  type ExploreOptions,
  exploreFlags,
  type MutantsOptions,
  mutantsFlags,
  type ReplayOptions,
  replayFlags,
} from './options.ts';

export type { ReplayReport } from '../cli/commands/runReplay.ts';
export { BadInput } from '../model/badInput.ts';
export type { KillRow } from '../protocols/killMatrix.ts';
export type { MutantsReport } from '../protocols/mutantsReport.ts';
export type {
  CheckReport,
  ConfigJson,
  ConfigReport,
  FailureReport,
  ShardInfo,
} from '../report/checkReport.ts';
export type { ConformConfigReport, ConformReport } from '../report/conformReport.ts';
export type { ExploreReport } from '../report/exploreReport.ts';
export { TOOL_VERSION as VERSION } from '../traces/toolVersion.ts';
export type {
  CheckOptions,
  ConfigChoice,
  ConformOptions,
  ExploreOptions,
  MutantsOptions,
  ReplayOptions,
} from './options.ts';

/** A protocol as the API lists it. */
export interface ProtocolInfo {
  readonly name: string;
  /** One line: what the protocol is. */
  readonly summary: string;
  /** `impl` values: the reference first, then the published designs. */
  readonly designs: readonly string[];
  /** `mutant` values: the protocol's seeded bugs. */
  readonly mutants: readonly string[];
  /** Every property id a run judges, in the order a failing step reports them. */
  readonly properties: readonly string[];
}

/** The protocols intcheck checks, in the order of `intcheck --help`. */
export function protocols(): ProtocolInfo[] {
  return PROTOCOLS.map((p) => ({
    name: p.name,
    summary: p.summary,
    designs: p.designs.map((d) => d.name),
    mutants: [...p.mutants, ...p.foreignMutants].map((m) => m.name),
    properties: p.properties.map((q) => q.id),
  }));
}

/**
 * Runs `work`; an error that is bad input leaves as a {@link BadInput} with one line (an error that
 * crossed a worker thread keeps its name but not its class), anything else as it is.
 */
async function api<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof BadInput) throw e;
    const { line, code } = describeError(e);
    if (code === 2) throw new BadInput(line);
    throw e;
  }
}

/** `intcheck check --json`: random storms against an implementation, every property after every step. */
export function check(options: CheckOptions): Promise<CheckReport> {
  return api(async () =>
    (await import('../cli/commands/runCheck.ts')).checkReport(checkFlags(options), capturedIo()),
  );
}

/** `intcheck conform --dut CMD --json`: an external design against the reference model. */
export function conform(options: ConformOptions): Promise<ConformReport> {
  return api(async () =>
    (await import('../cli/commands/conformDut.ts')).conformDutReport(conformFlags(options), capturedIo(), {
      exitOnSignal: false,
    }),
  );
}

/** `intcheck explore --json`: every reachable state of a protocol's model (or product), breadth-first. */
export function explore(options: ExploreOptions): Promise<ExploreReport> {
  return api(
    async () =>
      (await import('../cli/commands/runExplore.ts')).exploreRun(exploreFlags(options), capturedIo()).report,
  );
}

/** `intcheck replay FILE --json`: a saved trace re-run against the model and an implementation (or a DUT). */
export function replay(file: string, options: ReplayOptions = {}): Promise<ReplayReport> {
  return api(
    async () =>
      (await (await import('../cli/commands/runReplay.ts')).replayRun(file, replayFlags(options))).report,
  );
}

/** `intcheck mutants --json`: the kill matrix of the seeded bugs. */
export function mutants(options: MutantsOptions = {}): Promise<MutantsReport> {
  return api(async () =>
    (await import('../cli/commands/runMutants.ts')).mutantsReport(mutantsFlags(options), capturedIo()),
  );
}

/**
 * The text `intcheck check` prints for `report`: each configuration's verdict and, for a failure,
 * the shrunk counterexample, the trace and the replay command (for a test's failure message).
 */
export function checkText(report: CheckReport): string {
  return report.results.flatMap((r) => formatResult(report, r)).join('\n');
}

/**
 * The text `intcheck conform --dut` prints for `report`: each configuration's verdict and, for a
 * failure, the shrunk counterexample, the trace and the replay command on the DUT, then the summary.
 */
export function conformText(report: ConformReport): string {
  const lines = report.results.flatMap((r) =>
    formatConform(report.dut, report.command, report.seed, report.against, report.runs, r),
  );
  return [...lines, summaryLine(report.dut, report.configurations)].join('\n');
}
