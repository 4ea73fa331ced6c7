/**
 * The work of `intcheck formal` (cli/commands/formal.ts registers the command and loads this only
 * when it runs): options checked, the flow run, one row per property printed (or one JSON
 * object), a counterexample's trace named. Exit 0 when every property holds or is proved, 1 when
 * one fails, 2 when the flow cannot run (a tool missing, an unknown bug or property).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { referencePredictor } from '../../engine/dut/predictor.ts';
import { startDut } from '../../engine/dut/process/startDut.ts';
import { runOnDut } from '../../engine/dut/runOnDut.ts';
import {
  designName,
  type FormalRow,
  runFormalFlow,
  type Verdict,
} from '../../protocols/controller/formal/formalFlow.ts';
import {
  FORMAL_PROPERTIES,
  type FormalProperty,
} from '../../protocols/controller/formal/formalProperties.ts';
import { ROOT } from '../../protocols/controller/formal/hwFiles.ts';
import { type SeededBug, seededBugs } from '../../protocols/controller/formal/seededBugs.ts';
import type { Config } from '../../protocols/controller/model/config/config.ts';
import { PRESET_NAMES, PRESETS } from '../../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../../protocols/controller/model/events.ts';
import type { Observation } from '../../protocols/controller/model/result.ts';
import { EXIT, UsageError } from '../errors.ts';
import type { Io } from '../io.ts';
import { intOption } from '../options.ts';
import type { FormalFlags } from './formal.ts';

/** The Verilator harness of the same RTL, when it has been built (npm run hw:build). */
const SIM = join(ROOT, 'hw', 'sim', 'build', 'intc-dut');

function bugOption(name: string | undefined): SeededBug | undefined {
  if (name === undefined) return undefined;
  const bugs = seededBugs();
  const bug = bugs.find((b) => b.name === name);
  if (bug === undefined) {
    throw new UsageError(
      `--bug: unknown seeded bug "${name}" (known: ${bugs.map((b) => b.name).join(', ')})`,
    );
  }
  return bug;
}

function propertiesOption(ids: readonly string[] | undefined): FormalProperty[] {
  if (ids === undefined) return [...FORMAL_PROPERTIES];
  return ids.map((id) => {
    const p = FORMAL_PROPERTIES.find((x) => x === id);
    if (p === undefined) {
      throw new UsageError(`--property: unknown property "${id}" (known: ${FORMAL_PROPERTIES.join(', ')})`);
    }
    return p;
  });
}

function presetOption(name: string): Config {
  const preset = PRESET_NAMES.find((p) => p === name);
  if (preset === undefined)
    throw new UsageError(`--preset: unknown preset "${name}" (known: ${PRESET_NAMES.join(', ')})`);
  return PRESETS[preset];
}

/** The simulated design's replies to `events`, or undefined when the harness is not built or refuses. */
async function simulate(
  cfg: Config,
  bug: SeededBug | undefined,
  events: readonly ControllerEvent[],
): Promise<readonly Observation[] | undefined> {
  if (!existsSync(SIM)) return undefined;
  const command = bug === undefined ? SIM : `${SIM} --bug ${bug.name}`;
  const started = await startDut(command, 32, 30_000);
  if (!started.ok) return undefined;
  const accesses = events.flatMap((e) =>
    e.type === 'Read' || e.type === 'Write' || e.type === 'Irq' ? [e] : [],
  );
  const run = await runOnDut(started.dut, referencePredictor(cfg), accesses, 5_000, false);
  await started.dut.kill();
  return run.kind === 'pass' || run.kind === 'mismatch' ? run.board.steps.map((s) => s.obs) : undefined;
}

function verdictText(r: FormalRow): string {
  switch (r.verdict) {
    case 'proved':
      return `proved (${r.depth}-induction)`;
    case 'fails':
      return `fails at depth ${r.depth}`;
    case 'holds':
      return `holds to depth ${r.depth}${r.timedOut ? ' (time limit)' : ''}`;
  }
}

/** A row's line, and under it what a failure left (its assertions and trace) or the parts proved. */
function rowLines(r: FormalRow, width: number): string[] {
  const mark = r.verdict === 'fails' ? '✗' : '✓';
  const head = `${mark} ${r.id.padEnd(width)}  ${verdictText(r).padEnd(30)} ${r.seconds.toFixed(1).padStart(7)} s`;
  switch (r.verdict) {
    case 'proved':
      return [head];
    case 'holds':
      return r.provedParts.length === 0
        ? [head]
        : [head, `    proved by induction on their own: ${r.provedParts.join(', ')}`];
    case 'fails':
      return [head, `    ${r.assertions.join(', ')}; trace: ${r.trace} (step ${r.failingStep})`];
  }
}

/** A row as `--json` prints it. */
function rowJson(r: FormalRow): Record<string, unknown> {
  const common = { id: r.id, verdict: r.verdict, depth: r.depth, seconds: r.seconds };
  switch (r.verdict) {
    case 'proved':
      return common;
    case 'holds':
      return r.provedParts.length === 0 ? common : { ...common, provedParts: r.provedParts };
    case 'fails':
      return { ...common, trace: r.trace, assertions: r.assertions, failingStep: r.failingStep };
  }
}

/** Runs `intcheck formal`; returns the exit code. */
export async function runFormal(f: FormalFlags, io: Io): Promise<number> {
  const cfg = presetOption(f.preset);
  const bug = bugOption(f.bug);
  const properties = propertiesOption(f.property);
  const depth = intOption('--depth', f.depth, 20, 1, 1000);
  const inductionDepth = Math.min(intOption('--induction-depth', f.inductionDepth, 2, 0, 1000), depth);
  const jobs = intOption('--jobs', f.jobs, 2, 1, 64);
  const timeoutMs = intOption('--timeout', f.timeout, 1800, 1, 86_400) * 1000;
  const width = Math.max(...properties.map((p) => p.length));
  const design = designName(bug);
  if (f.json !== true)
    io.out(`formal: ${design}, preset ${f.preset}, depth ${depth} cycles (yosys-smtbmc, z3)`);
  // Rows are printed in the order of the properties, each as soon as those before it are done.
  const done = new Map<FormalProperty, FormalRow>();
  let printed = 0;
  const onRow = (r: FormalRow) => {
    done.set(r.id, r);
    for (;;) {
      const p = properties[printed];
      const next = p === undefined ? undefined : done.get(p);
      if (next === undefined) return;
      if (f.json !== true) for (const line of rowLines(next, width)) io.out(line);
      printed++;
    }
  };
  // Interrupted: the solvers run in their own process groups, so the terminal's signal does not reach them.
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    abort.abort();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let rows: FormalRow[];
  try {
    rows = await runFormalFlow({
      cfg,
      bug,
      properties,
      depth,
      inductionDepth,
      out: f.out,
      jobs,
      timeoutMs,
      simulate: (events) => simulate(cfg, bug, events),
      onRow,
      signal: abort.signal,
    });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const failed = rows.some((r) => r.verdict === 'fails');
  if (f.json === true) {
    io.out(
      JSON.stringify({
        design,
        preset: f.preset,
        properties: rows.map(rowJson),
      }),
    );
  } else {
    const n = (v: Verdict) => rows.filter((r) => r.verdict === v).length;
    io.out(`${design}: ${n('proved')} proved, ${n('holds')} hold, ${n('fails')} fail`);
  }
  return failed ? EXIT.failed : EXIT.ok;
}
