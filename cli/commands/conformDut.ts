/**
 * `intcheck conform --dut CMD`: one DUT process serves every configuration, run and shrink
 * candidate (`reset` between runs). Exit 0 when every configuration the DUT accepted conforms,
 * 1 when it was shown not to (a difference or a protocol failure, trace saved), 2 when the
 * check could not run (bad options, `hello` failed, every configuration refused). The process
 * is killed and reaped on every path out of here.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { type ConformResult, conformConfig } from '../../engine/dut/conformConfig.ts';
import type { DutProcess } from '../../engine/dut/process/dutProcess.ts';
import { startDut, stderrSuffix } from '../../engine/dut/process/startDut.ts';
import { dutImplementation, dutTrace } from '../../protocols/controller/trace/dutTrace.ts';
import { writeTrace } from '../../traces/writeTrace.ts';
import { EXIT } from '../errors.ts';
import type { NamedConfig } from '../options.ts';
import { defaultSeed, intOption, resolveConfigs } from '../options.ts';
import { progressBar } from '../progress.ts';
import type { ConformFlags } from './conform.ts';
import { type ConformConfigReport, configReport, formatConform } from './conformReport.ts';

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

/** A file-name-safe form of `s`. */
const safe = (s: string): string => s.replace(/[^\w.-]+/g, '_');

/** Runs the check; returns the exit code. */
export async function conformDut(f: ConformFlags): Promise<number> {
  const command = f.dut ?? '';
  const runs = intOption('--runs', f.runs, 1000, 1);
  const seed = intOption('--seed', f.seed, defaultSeed(), -(2 ** 31), 2 ** 31 - 1);
  const maxEvents = intOption('--max-events', f.maxEvents, 80, 1, 1_000_000);
  const o = dutOptions(f);
  const configs = resolveConfigs(f);
  const started = await startDut(command, o.window, o.startTimeoutMs);
  if (!started.ok) {
    console.error(`intcheck: ${started.line}`);
    return EXIT.badInput;
  }
  const { dut, name } = started;
  const results: ConformConfigReport[] = [];
  // Interrupted: the DUT runs in its own process group, so the terminal's signal does not reach it.
  const onSignal = (signal: NodeJS.Signals) => {
    dut.killNow();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const c of configs) {
      const r = await checkOne(dut, name, c, {
        runs,
        seed,
        maxEvents,
        out: f.out,
        json: f.json === true,
        ...o,
      });
      results.push(r);
      if (!f.json) for (const line of formatConform(name, command, seed, r)) console.log(line);
      if (r.verdict === 'mismatch' || r.verdict === 'failure') break;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    const alive = results.every((r) => r.verdict !== 'failure');
    if (alive) await dut.close(o.timeoutMs);
    else await dut.kill();
  }
  const failed = results.some((r) => r.verdict === 'mismatch' || r.verdict === 'failure');
  const allRefused = results.every((r) => r.verdict === 'refused');
  const ok = !failed && !allRefused;
  if (f.json) {
    console.log(JSON.stringify({ ok, dut: name, command, seed, runs, window: o.window, results }));
  } else if (allRefused) {
    console.error('intcheck: the DUT refused every configuration: nothing was checked');
  }
  if (failed) return EXIT.failed;
  return allRefused ? EXIT.badInput : EXIT.ok;
}

interface OneOptions extends DutOptions {
  readonly runs: number;
  readonly seed: number;
  readonly maxEvents: number;
  readonly out: string;
  readonly json: boolean;
}

/** Checks one configuration and writes the trace of a failure. */
async function checkOne(
  dut: DutProcess,
  name: string,
  c: NamedConfig,
  o: OneOptions,
): Promise<ConformConfigReport> {
  const bar = progressBar(`dut ${name} ${c.name}`, o.runs, !o.json);
  const t0 = performance.now();
  const r = await conformConfig(dut, {
    cfg: c.cfg,
    runs: o.runs,
    seed: o.seed,
    maxEvents: o.maxEvents,
    timeoutMs: o.timeoutMs,
    onRun: (n) => bar.tick(n),
  });
  bar.done();
  const seconds = (performance.now() - t0) / 1000;
  const trace = join(o.out, `dut--${safe(name)}--${safe(c.name)}.itf.json`);
  const line = failureLine(r, dut);
  if (r.kind === 'mismatch' || r.kind === 'failure') writeTrace(trace, traceOf(name, c, r, o, line));
  return configReport(c.name, r, trace, seconds, line, dut.stderrTail());
}

/** The one line of a protocol failure: the run, the step, the request, what happened, the DUT's last stderr line. */
function failureLine(r: ConformResult, dut: DutProcess): string {
  if (r.kind !== 'failure') return '';
  const at = r.run.step < 0 ? 'at the reset' : `step ${r.run.step}`;
  return `run ${r.index + 1}, ${at}, request ${r.run.request}: ${r.run.failure.detail}${stderrSuffix(dut)}`;
}

function traceOf(
  name: string,
  c: NamedConfig,
  r: Extract<ConformResult, { kind: 'mismatch' | 'failure' }>,
  o: OneOptions,
  line: string,
) {
  const common = { cfg: c.cfg, implementation: dutImplementation(name), seed: o.seed };
  if (r.kind === 'mismatch') {
    const m = r.run.mismatch;
    return dutTrace({
      ...common,
      seed: r.seed,
      path: r.path,
      property: 'refinement',
      message: m.message,
      failingStep: m.step,
      ...(r.stoppedBy === undefined ? {} : { note: `shrinking stopped early: ${r.stoppedBy}` }),
      initial: r.run.board.initial,
      steps: r.run.board.steps,
    });
  }
  const board = r.run.board;
  const access = r.accesses[r.run.step];
  return dutTrace({
    ...common,
    property: 'neverStalls',
    message: line,
    note: 'a protocol failure: the run as it was sent, not shrunk (the DUT cannot be trusted after it)',
    ...(r.run.step >= 0 ? { failingStep: r.run.step } : {}),
    initial: board.initial,
    steps: board.steps,
    ...(access === undefined ? {} : { failed: { access, failure: r.run.failure, before: board.current() } }),
  });
}
