/**
 * `intcheck conform --dut CMD [--against NAME]`: one DUT process serves configuration after
 * configuration, run after run and shrink candidate after candidate (`reset` between runs), and
 * is restarted only when it cannot be trusted (DutSession). Exit 0 when every configuration the
 * DUT accepted conforms, 1 when it was shown not to (a difference or a protocol failure, shrunk,
 * trace saved), 2 when the check could not run (bad options, `hello` failed, every configuration
 * refused, a DUT that could not be restarted). Every process is killed and reaped on every path
 * out of here.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ConformResult, conformConfig } from '../../engine/dut/conformConfig.ts';
import { type DutPredictor, dutPredictor, REFERENCE } from '../../engine/dut/predictor.ts';
import { DutSession } from '../../engine/dut/process/dutSession.ts';
import { stderrSuffix } from '../../engine/dut/process/startDut.ts';
import { BadInput } from '../../model/badInput.ts';
import { controllerImplNames } from '../../protocols/controller/designs/registry.ts';
import type { ControllerTraceStep } from '../../protocols/controller/trace/controllerTrace.ts';
import { dutImplementation, dutTrace } from '../../protocols/controller/trace/dutTrace.ts';
import {
  type ConformConfigReport,
  type ConformReport,
  configReport,
  configurationCounts,
  conformFailed,
  formatConform,
  summaryLine,
} from '../../report/conformReport.ts';
import { conformSuites } from '../../report/junit/conformSuites.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import type { NamedConfig } from '../options.ts';
import { defaultSeed, intOption, resolveConfigs } from '../options.ts';
import { progressBar } from '../progress.ts';
import { ciReports } from './ciReports.ts';
import type { ConformFlags } from './conform.ts';

/** The DUT-related numeric options, checked. */
export interface DutOptions {
  readonly timeoutMs: number;
  readonly startTimeoutMs: number;
  readonly window: number;
}

/** --timeout-ms, --start-timeout-ms and --window. */
export function dutOptions(f: Pick<ConformFlags, 'timeoutMs' | 'startTimeoutMs' | 'window'>): DutOptions {
  return {
    timeoutMs: intOption('--timeout-ms', f.timeoutMs, 2000, 1, 3_600_000),
    startTimeoutMs: intOption('--start-timeout-ms', f.startTimeoutMs, 30_000, 1, 3_600_000),
    window: intOption('--window', f.window, 32, 1, 4096),
  };
}

/** The predictor `--against` names on `c` (default the reference), or a usage error listing the names. */
export function againstPredictor(name: string | undefined, c: NamedConfig): DutPredictor {
  const p = dutPredictor(name ?? REFERENCE, c.cfg);
  if (p === undefined) {
    throw new UsageError(
      `--against: unknown implementation "${name}" (known: ${controllerImplNames().join(', ')})`,
    );
  }
  return p;
}

/** A file-name-safe form of `s`. */
const safe = (s: string): string => s.replace(/[^\w.-]+/g, '_');

/** Runs the check, prints the report (text or JSON), writes the CI reports asked for; the exit code. */
export async function conformDut(f: ConformFlags, io: Io): Promise<number> {
  const report = await conformDutReport(f, io, { exitOnSignal: true });
  if (f.json) io.out(JSON.stringify(report));
  else {
    io.out(summaryLine(report.dut, report.configurations));
    if (report.configurations.refused === report.results.length) {
      io.err('intcheck: the DUT refused every configuration: nothing was checked');
    }
  }
  ciReports(f, io, () => conformSuites(report));
  if (conformFailed(report)) return EXIT.failed;
  return report.ok ? EXIT.ok : EXIT.badInput;
}

/** How the check behaves in its host process. */
export interface ConformHost {
  /**
   * On SIGINT/SIGTERM, kill the DUT and exit the process (130/143), as the command line does: the
   * DUT runs in its own process group, so the terminal's signal does not reach it. The programmatic
   * API passes false: it never exits its caller's process (the DUT is still killed when the check
   * ends, however it ends, and when the process exits while it runs).
   */
  readonly exitOnSignal: boolean;
}

/**
 * Runs the check and returns its report; without `json`, each configuration's verdict is printed
 * as text as soon as it is known. A DUT that cannot be started is bad input (a BadInput thrown).
 */
export async function conformDutReport(f: ConformFlags, io: Io, host: ConformHost): Promise<ConformReport> {
  const command = f.dut ?? '';
  const runs = intOption('--runs', f.runs, 1000, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const maxEvents = intOption('--max-events', f.maxEvents, 80, 1, 1_000_000);
  const maxRestarts = intOption('--max-restarts', f.maxRestarts, 200, 0, 100_000);
  const o = dutOptions(f);
  const configs = resolveConfigs(f);
  const predictors = configs.map((c) => ({ c, p: againstPredictor(f.against, c) }));
  const against = f.against ?? REFERENCE;
  const started = await DutSession.start({ command, ...o, maxRestarts });
  if (!started.ok) throw new BadInput(started.line);
  const session = started.session;
  const name = session.name;
  const results: ConformConfigReport[] = [];
  const print = (r: ConformConfigReport) => {
    if (!f.json) for (const line of formatConform(name, command, seed, against, runs, r)) io.out(line);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    session.killNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  // However the process ends while the check runs (a test runner's own exit, too), the DUT goes with it.
  const onExit = () => session.killNow();
  process.once('exit', onExit);
  if (host.exitOnSignal) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  let stop: ConformConfigReport | undefined;
  try {
    for (const { c, p } of predictors) {
      if (stop !== undefined) {
        const r = notRun(c.name, stop, command, f);
        results.push(r);
        print(r);
        continue;
      }
      const r = await checkOne(session, name, c, p, {
        runs,
        seed,
        maxEvents,
        out: f.out,
        json: f.json === true,
        io,
        ...o,
      });
      results.push(r);
      print(r);
      if (r.verdict === 'mismatch' || r.verdict === 'failure' || r.verdict === 'skipped') stop = r;
    }
  } finally {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await session.close(o.timeoutMs);
  }
  const failed = results.some((r) => r.verdict === 'mismatch' || r.verdict === 'failure');
  const counts = configurationCounts(results);
  const ok = !failed && counts.checked > 0 && counts.skipped === 0;
  return { ok, dut: name, command, against, seed, runs, window: o.window, configurations: counts, results };
}

/** A configuration not run because the check stopped at `stop`, and how to run it. */
function notRun(
  preset: string,
  stop: ConformConfigReport,
  command: string,
  f: ConformFlags,
): ConformConfigReport {
  const why =
    stop.verdict === 'skipped'
      ? `the DUT could not go on (${stop.preset})`
      : `the check stopped at the ${stop.verdict === 'mismatch' ? 'difference' : 'failure'} at ${stop.preset}`;
  const also = f.against === undefined ? '' : ` --against ${f.against}`;
  const how = `run it with: npx intcheck conform --dut ${JSON.stringify(command)} --preset ${preset}${also}`;
  return { preset, verdict: 'skipped', reason: `not run: ${why}`, how };
}

interface OneOptions extends DutOptions {
  readonly runs: number;
  readonly seed: number;
  readonly maxEvents: number;
  readonly out: string;
  readonly json: boolean;
  readonly io: Io;
}

/** Checks one configuration and writes the trace of a failure. */
async function checkOne(
  session: DutSession,
  name: string,
  c: NamedConfig,
  p: DutPredictor,
  o: OneOptions,
): Promise<ConformConfigReport> {
  const bar = progressBar(`dut ${name} ${c.name}`, o.runs, !o.json, o.io);
  const t0 = performance.now();
  const r = await conformConfig(session, {
    predictor: p,
    runs: o.runs,
    seed: o.seed,
    maxEvents: o.maxEvents,
    timeoutMs: o.timeoutMs,
    onRun: (n) => bar.tick(n),
  });
  bar.done();
  const seconds = (performance.now() - t0) / 1000;
  const trace = join(o.out, `dut--${safe(name)}--${safe(c.name)}.itf.json`);
  const line = failureLine(r);
  if (r.kind === 'mismatch' || r.kind === 'failure') writeTrace(trace, traceOf(name, p, r, line));
  return configReport(r, { preset: c.name, predictor: p.name, trace, seconds, failureLine: line });
}

/** The one line of a protocol failure: the run (from 1), the step (from 0), the request, what happened. */
function failureLine(r: ConformResult): string {
  if (r.kind !== 'failure') return '';
  const at = r.run.step < 0 ? 'at the reset' : `step ${r.run.step}`;
  return `run ${r.index + 1}, ${at}, request ${r.run.request}: ${r.run.failure.detail}`;
}

/** Words for the trace's note: how the run was shrunk, and by whom it was predicted. */
function traceNote(p: DutPredictor, r: Extract<ConformResult, { kind: 'mismatch' | 'failure' }>): string {
  const by = p.name === REFERENCE ? '' : `; predicted by ${p.name} (conform --against ${p.name})`;
  const stopped = r.stoppedBy === undefined ? '' : `; shrinking stopped early: ${r.stoppedBy}`;
  return `run ${r.index + 1} of seed ${r.seed}, shrunk from ${r.foundLength} to ${r.counterexample.length} requests${by}${stopped}`;
}

function traceOf(
  name: string,
  p: DutPredictor,
  r: Extract<ConformResult, { kind: 'mismatch' | 'failure' }>,
  line: string,
) {
  const common = {
    cfg: p.cfg,
    implementation: dutImplementation(name),
    seed: r.seed,
    path: r.path,
    note: traceNote(p, r),
  };
  if (r.kind === 'mismatch') {
    const m = r.run.mismatch;
    return dutTrace({
      ...common,
      property: 'refinement',
      message: m.message,
      failingStep: m.step,
      initial: r.run.board.initial,
      steps: r.run.board.steps,
    });
  }
  const board = r.run.board;
  const access = r.counterexample[r.run.step];
  const steps: ControllerTraceStep[] = [...board.steps];
  if (access !== undefined) {
    // The request the DUT never answered properly: a conforming design's state after it, observed
    // as `stall` (no reply in time) or `abort` (garbage, an exit, a crash).
    const state = board.unanswered(access).state;
    steps.push({ event: access, obs: { kind: r.run.failure.kind === 'timeout' ? 'stall' : 'abort' }, state });
  }
  return dutTrace({
    ...common,
    property: 'neverStalls',
    message: `${line}${stderrSuffix(r.run.stderr)}`,
    ...(r.run.step >= 0 ? { failingStep: r.run.step } : {}),
    initial: board.initial,
    steps,
  });
}
