/**
 * The work of `intcheck replay` (cli/commands/replay.ts registers the command and loads this only
 * when it runs): the trace read, replayed on the implementation it names (or `--impl`, or a DUT),
 * the report printed, the timeline written when asked.
 */
import { controllerImplNames } from '../../protocols/controller/designs/registry.ts';
import { SYSCALL_MUTANTS } from '../../protocols/syscall/mutants/syscallMutants.ts';
import { UIPI_MUTANTS } from '../../protocols/uipi/mutants/uipiMutants.ts';
import { WAKEUP_MUTANTS } from '../../protocols/wakeup/mutants/wakeupMutants.ts';
import { formatReplay } from '../../replay/formatReplay.ts';
import { matchStates } from '../../replay/matchStates.ts';
import { findUipiImpl, implFor, type ReplayOptions, replayTrace } from '../../replay/replay.ts';
import { type ReadOptions, readTrace } from '../../traces/readTrace.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { resolveConfigs } from '../options.ts';
import { dutOptions } from './conformDut.ts';
import type { ReplayFlags } from './replay.ts';
import { replayOnDut } from './replayDut.ts';
import { writeReplayHtml } from './replayHtml.ts';

async function replayDut(file: string, f: ReplayFlags, command: string): Promise<ReplayRun> {
  if (f.impl !== undefined) throw new UsageError('--impl and --dut cannot be used together');
  if (f.html !== undefined)
    throw new UsageError('--html and --dut cannot be used together (replay, then draw the trace it saves)');
  const o = dutOptions(f);
  return replayOnDut(readTrace(file), command, o, f.against);
}

/** Replays `file` as `f` asks (on the model and an implementation, or on a DUT); the exit code. */
export async function runReplay(file: string, f: ReplayFlags, io: Io): Promise<number> {
  const run = await replayRun(file, f);
  if (f.json) io.out(JSON.stringify(run.report));
  else for (const line of run.lines) io.out(line);
  return run.exit;
}

/** What `--json` prints for a replay (the programmatic API's `replay`). */
export type ReplayReport = Readonly<Record<string, unknown>> & {
  /** The trace replays as recorded: no property fails (and, with matchStates, every state matches). */
  readonly ok: boolean;
  readonly file: string;
  readonly implementation: string;
};

/** A replay's report, its text lines and its exit code. */
export interface ReplayRun {
  readonly report: ReplayReport;
  readonly lines: readonly string[];
  readonly exit: number;
}

/** Replays `file` as `f` asks and returns the report without printing it. */
export async function replayRun(file: string, f: ReplayFlags): Promise<ReplayRun> {
  return f.dut === undefined ? replayBuiltIn(file, f) : replayDut(file, f, f.dut);
}

function replayBuiltIn(file: string, f: ReplayFlags): ReplayRun {
  if (f.against !== undefined) throw new UsageError('--against needs --dut (without it, use --impl)');
  const given = f.preset === undefined && f.config === undefined ? undefined : resolveConfigs(f)[0];
  const opts: ReadOptions = given === undefined ? {} : { config: given.cfg };
  const parsed = readTrace(file, opts);
  const name = f.impl ?? parsed.implementation;
  const uipiOpts = parsed.protocol === 'uipi' ? uipiReplayOptions(name, f.impl !== undefined) : undefined;
  // A wakeup trace may name a runtime mutant of the wakeup system as well as a controller.
  const impl = implFor(parsed.protocol, name);
  if (uipiOpts === undefined && impl === undefined) {
    if (f.impl === undefined && name.startsWith('dut:')) {
      throw new UsageError(
        `the trace was found on the external design "${name.slice(4)}": replay it with --dut "<command line>" (or --impl reference)`,
      );
    }
    const where =
      f.impl === undefined
        ? `the trace names implementation "${name}"`
        : `--impl: unknown implementation "${name}"`;
    const known = [
      ...(parsed.protocol === 'wakeup' ? WAKEUP_MUTANTS.map((m) => m.name) : []),
      ...(parsed.protocol === 'syscall' ? SYSCALL_MUTANTS.map((m) => m.name) : []),
      ...controllerImplNames(),
    ];
    throw new UsageError(`${where}, which is not built in (known: ${known.join(', ')})`);
  }
  const result = replayTrace(parsed, uipiOpts ?? (impl === undefined ? {} : { impl }));
  if (f.html !== undefined) writeReplayHtml(f.html, parsed, result, impl);
  const mismatch = f.matchStates ? matchStates(parsed, result) : null;
  const report: ReplayReport = {
    ...(result.ok
      ? { ok: mismatch === null, file, implementation: name, steps: result.steps }
      : { ok: false, file, implementation: name, ...result.violation }),
    ...(mismatch === null ? {} : { stateMismatch: mismatch }),
  };
  const lines = [formatReplay(result, parsed)];
  if (f.html !== undefined) lines.push(`timeline: ${f.html}`);
  if (mismatch !== null) lines.push(`state ${mismatch.state} differs: ${mismatch.message}`);
  else if (f.matchStates) lines.push('every recorded state matches the replay');
  return { report, lines, exit: result.ok && mismatch === null ? EXIT.ok : EXIT.failed };
}

/** A UIPI trace replays against its own implementations: the reference and the UIPI mutants. */
function uipiReplayOptions(name: string, given: boolean): ReplayOptions {
  const uipiImpl = findUipiImpl(name);
  if (uipiImpl !== undefined) return { uipiImpl };
  const where = given
    ? `--impl: unknown UIPI implementation "${name}"`
    : `the trace names UIPI implementation "${name}"`;
  throw new UsageError(
    `${where}, which is not built in (known: reference, ${UIPI_MUTANTS.map((m) => m.name).join(', ')})`,
  );
}
