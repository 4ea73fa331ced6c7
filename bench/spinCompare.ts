/**
 * Spin beside `intcheck explore` on the same system, per protocol, each on a Promela model whose
 * state count matches intcheck's exactly (bench/spin/):
 * - wakeup.pml: the wakeup system at `small`, and with `-DT=4` (four task ids) at 1.3 million states;
 * - controller.pml: the controller alone at its `small` exploration preset, and with
 *   `-DC=4 -DB=2 -DQ=2` at 1.4 million states;
 * - syscall.pml: the syscall model alone at `small`; syscall-spec.pml with `-DD=1`: the spec's
 *   small with one dispatcher, 424,912 states;
 * - uipi.pml: the UIPI model alone at `skyloft`; with `-DSKY=0` the plain scenario at skyloft's
 *   sizes; with `-DSKY=0 -DSLOTS=2` the plain scenario with two UITT slots, half a million states.
 * The small rows are the presets users explore; pan finishes most of them within a few ticks of
 * its clock and intcheck's first search there is mostly V8's warm-up, so each protocol also has a
 * large row where both sides run for seconds at their steady rates. A configuration that is no
 * preset is written to a temporary file for `intcheck explore --config`. Run it as
 * `npx tsx bench/spinCompare.ts [protocol…]` (all four when none is named).
 * It compiles each model with `spin -a` and `gcc -O2 -DSAFETY` (with the clock below) once, then runs `pan` and
 * `intcheck explore --protocol P --preset X` (or `--config F`) `--json` (its defaults: every
 * property and leads-to, a fresh process each time)
 * alternately,
 * three of each, so both see the same load; each side's best run is compared: pan's stored states
 * over its own elapsed time, intcheck's `statesPerSecond` (distinct states over the search's time,
 * process start excluded). pan checks the model's assertions on every state and invalid end states.
 * pan's own clock counts in hundredths of a second (times() over the kernel's 100 Hz tick), too
 * coarse for the small rows (syscall's search, 11.4 ms, read 0.01 s): pan is compiled with
 * bench/spin/preciseClock.h included ahead of pan.c, which answers the same two calls of its timer
 * from CLOCK_MONOTONIC in microseconds, so pan's elapsed time is the same interval read 10,000
 * times finer.
 *
 * The counts must agree: Spin stores one state more than the explorer (the state before the
 * start-up d_step of `init`, which the explorer's initial state already follows) and counts the
 * start-up transition and its initial state among "stored + matched"; every other state and
 * transition is the same. The load average (os.loadavg) is printed with the table: the machine is
 * shared, and only the ratio of two runs taken side by side means anything.
 *
 * UIPI's explorer treats the owed masks (ghost) as a covering measure (uipiGhostMeasure.ts): a
 * node met again with no owed bit its earlier twin lacked is not admitted, a subsumption pan has
 * no counterpart of. uipi.pml keeps the owed mask in its state vector, so its counts are compared
 * with `intcheck explore --no-covering` (the owed masks keyed, the same engine: the packed one),
 * run in fresh processes in the same rounds as pan and the defaults (pan, defaults, keyed, three
 * rounds), whose rate is pan's on the identical space; the default run, with the covering, admits
 * fewer nodes and is the "defaults" row, with its time to the same verdict.
 *
 * Also, for wakeup, in this process: the object engine judging every property (`--engine objects`,
 * one run), the packed engine with the three state invariants pan's model asserts (first run,
 * best of 5), and the judged engine `explore` runs, warm (best of 5 after a first run: the default
 * row's search without V8's warm-up). The controller's row is its judged engine (the default for
 * the model alone), with the same engine warm and the object engine beside it (`--engine objects`),
 * in this process.
 * Without spin installed it says how to get it (Debian/Ubuntu: `sudo apt-get install spin`;
 * elsewhere https://spinroot.com) and exits 0. The test suite does not need spin.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { explorePreset } from '../engine/explore/explorePresets.ts';
import { type Config, SMALL } from '../protocols/controller/model/config/config.ts';
import {
  exploreControllerJudgedProtocol,
  exploreJudgedProtocol,
} from '../protocols/family/exploreJudgedProtocol.ts';
import { type ExploreReport, exploreProtocol } from '../protocols/family/exploreProtocol.ts';
import { UIPI_SKYLOFT, type UipiConfig } from '../protocols/uipi/model/config.ts';
import { explorePacked } from '../protocols/wakeup/engine/packed/packedExplore.ts';
import { built } from './built.ts';
import { printTable } from './table.ts';

/** The compiled binary (rebuilt first): what a user runs. */
const CLI = built();

/** The first number on the line of `out` matching `re`. */
function number(out: string, re: RegExp): number {
  const m = re.exec(out);
  return m?.[1] === undefined ? Number.NaN : Number(m[1]);
}

/** Whether `spin` runs on this machine. */
export function hasSpin(): boolean {
  try {
    execFileSync('spin', ['-V'], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
}

export interface Row {
  readonly tool: string;
  readonly states: number;
  readonly transitions: number;
  readonly seconds: number;
}

/** A compiled pan of a Promela model (call `close` when done). */
interface Pan {
  run(): Row;
  close(): void;
}

/** The microsecond clock pan is compiled with (see above): its elapsed time's resolution. */
const PAN_TICK = 1e-6;

/** `cfg` as a configuration file holds it (the register base is a bigint, which JSON cannot write; the file's default is the same). */
function withoutBase(cfg: Config): Omit<Config, 'base'> {
  const { base: _base, ...rest } = cfg;
  return rest;
}

/** The controller's large comparison: its `small` exploration preset with deeper queues and counters (1,385,408 states). */
const CONTROLLER_LARGE = {
  devices: 1,
  ipcTypes: 1,
  capacity: 4,
  waitDepth: 2,
  pendingMax: 2,
  taskPool: 1,
} as const;

/** Compiles `model` (a file under bench/spin/, with the preprocessor `defines`) into a pan in a temporary directory. */
function compilePan(model: string, maxDepth: number, defines: readonly string[] = []): Pan {
  const dir = mkdtempSync(join(tmpdir(), 'intcheck-spin-'));
  copyFileSync(fileURLToPath(new URL(`./spin/${model}`, import.meta.url)), join(dir, model));
  execFileSync('spin', [...defines.map((d) => `-D${d}`), '-a', model], { cwd: dir, stdio: 'pipe' });
  const clock = fileURLToPath(new URL('./spin/preciseClock.h', import.meta.url));
  execFileSync('gcc', ['-O2', '-DSAFETY', '-include', clock, '-o', 'pan', 'pan.c'], {
    cwd: dir,
    stdio: 'pipe',
  });
  return {
    run() {
      const out = execFileSync('./pan', [`-m${maxDepth}`], { cwd: dir, encoding: 'utf8' });
      if (/errors: [1-9]/.test(out)) throw new Error(`pan reported errors:\n${out}`);
      // a depth-first search cut at -m has not seen the whole space: its counts would be wrong
      if (/max search depth too small/.test(out))
        throw new Error(`pan: -m${maxDepth} is too small for ${model}`);
      return {
        tool: `spin pan on bench/spin/${model}${defines.map((d) => ` -D${d}`).join('')} (compiled C, assertions)`,
        states: number(out, /(\d+) states, stored/),
        transitions: number(out, /(\d+) transitions/),
        seconds: Math.max(number(out, /elapsed time ([\d.e+-]+) seconds/), PAN_TICK),
      };
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Spin's `pan` on bench/spin/wakeup.pml once: stored states, transitions and its own elapsed time. */
export function runSpin(): Row {
  const pan = compilePan('wakeup.pml', 1_000_000);
  try {
    return pan.run();
  } finally {
    pan.close();
  }
}

/** `intcheck explore <args> --json` in a fresh process: its counts and its search's time. */
function runCli(tool: string, args: readonly string[]): Row {
  const out = execFileSync(process.execPath, [CLI, 'explore', ...args, '--json'], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const r = JSON.parse(out) as {
    distinct: number;
    transitions: number;
    statesPerSecond: number;
    verdict: string;
  };
  if (r.verdict !== 'complete') throw new Error(`intcheck explore ${args.join(' ')}: ${r.verdict}`);
  // the search's time from statesPerSecond (distinct states over the unrounded time): `seconds`
  // is rounded to the millisecond, as coarse for a 2 ms search as pan's own clock was
  return { tool, states: r.distinct, transitions: r.transitions, seconds: r.distinct / r.statesPerSecond };
}

const rate = (r: Row): number => r.states / Math.max(r.seconds, 1e-6);
const best = (rows: readonly Row[]): Row | undefined =>
  rows.reduce<Row | undefined>((a, r) => (a === undefined || rate(r) > rate(a) ? r : a), undefined);

/** pan and intcheck's defaults (and, with `exactArgs`, intcheck with those arguments too) in turn, `runs` rounds: the best runs, and every run's rate. */
export function sideBySide(
  model: string,
  maxDepth: number,
  cliArgs: readonly string[],
  runs = 3,
  defines: readonly string[] = [],
  exactArgs?: readonly string[],
): {
  spin: Row;
  ours: Row;
  exact?: Row;
  spinRates: number[];
  ourRates: number[];
  exactRates: number[];
  load: readonly number[];
} {
  const pan = compilePan(model, maxDepth, defines);
  const load = loadavg();
  const spins: Row[] = [];
  const ours: Row[] = [];
  const exacts: Row[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      spins.push(pan.run());
      ours.push(
        runCli(`intcheck explore ${cliArgs.join(' ')} (defaults: every property + leads-to)`, cliArgs),
      );
      if (exactArgs !== undefined) {
        const args = [...cliArgs, ...exactArgs];
        exacts.push(runCli(`intcheck explore ${args.join(' ')} (every property + leads-to)`, args));
      }
    }
  } finally {
    pan.close();
  }
  const s = best(spins);
  const o = best(ours);
  if (s === undefined || o === undefined) throw new Error('sideBySide: no run');
  const e = best(exacts);
  return {
    spin: s,
    ours: o,
    ...(e === undefined ? {} : { exact: e }),
    spinRates: spins.map(rate),
    ourRates: ours.map(rate),
    exactRates: exacts.map(rate),
    load,
  };
}

/** The object engine on the model alone of `protocol` (default the wakeup system at `small`), once. */
function runExplorer(
  tool: string,
  properties: readonly string[] | undefined,
  liveness: boolean,
  protocol: 'wakeup' | 'controller' = 'wakeup',
  cfg: Config = SMALL,
): Row {
  const t0 = performance.now();
  const r = exploreProtocol({
    protocol,
    impl: undefined,
    cfg,
    liveness,
    ...(properties ? { properties } : {}),
  });
  return { tool, states: r.distinct, transitions: r.transitions, seconds: (performance.now() - t0) / 1000 };
}

/** The packed engine with its state invariants: the first of `runs` runs, or the best of them. */
function runPacked(tool: string, runs: number): Row {
  let top: Row = { tool, states: 0, transitions: 0, seconds: Number.POSITIVE_INFINITY };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = explorePacked(SMALL);
    const seconds = (performance.now() - t0) / 1000;
    if (r.kind !== 'complete') throw new Error(`packed engine: ${r.kind} on the small preset`);
    if (seconds < top.seconds) top = { tool, states: r.distinct, transitions: r.transitions, seconds };
  }
  return top;
}

/**
 * The judged engine `intcheck explore` runs (`search`: every default property, and leads-to where
 * the protocol has it), warm: one search to compile it, then the best of `runs` more in this
 * process — the default row's search without V8's warm-up, which a fresh process's first search
 * spends mostly interpreting.
 */
function runJudgedWarm(tool: string, runs: number, search: () => ExploreReport): Row {
  search();
  let top: Row = { tool, states: 0, transitions: 0, seconds: Number.POSITIVE_INFINITY };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = search();
    const seconds = (performance.now() - t0) / 1000;
    if (r.kind !== 'complete') throw new Error(`${tool}: ${r.kind}`);
    if (seconds < top.seconds) top = { tool, states: r.distinct, transitions: r.transitions, seconds };
  }
  return top;
}

const WARM = 'intcheck explore’s engine, warm (best of 5 after one run in this process)';

const fmtLoad = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');

interface Comparison {
  readonly protocol: string;
  /** The exploration preset, or a configuration file's name (with `config`). */
  readonly preset: string;
  /** A configuration for `intcheck explore --config` (written to `<file>.json` for the run) instead of the preset. */
  readonly config?: { readonly file: string; readonly cfg: object };
  /** The Promela model under bench/spin/, and preprocessor definitions for it. */
  readonly model: string;
  readonly defines?: readonly string[];
  /** pan's depth bound (`-m`; default 1,000,000): its depth-first search of a large space goes deeper. */
  readonly maxDepth?: number;
  /** Engines run in this process, counting what `intcheck explore` counts. */
  readonly extra?: () => Row[];
  /**
   * The `intcheck explore` arguments added for the search whose counts the Promela model's are
   * (default: `intcheck explore` itself), run side by side with pan too, with why the defaults differ.
   */
  readonly exact?: { readonly args: readonly string[]; readonly why: string };
}

/** One protocol's side-by-side comparison: its table rows and whether the counts agree (Spin = intcheck + 1 state, + 2 transitions). */
function compareProtocol(c: Comparison): { ok: boolean } {
  if (c.config === undefined) return compareWith(c, ['--preset', c.preset], c.preset);
  const dir = mkdtempSync(join(tmpdir(), 'intcheck-spin-config-'));
  const file = join(dir, `${c.config.file}.json`);
  writeFileSync(file, JSON.stringify(c.config.cfg));
  try {
    return compareWith(c, ['--config', file], file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** {@link compareProtocol} with the explorer's configuration arguments (`where`: the preset or the file, named in its row). */
function compareWith(c: Comparison, configArgs: readonly string[], where: string): { ok: boolean } {
  const cliArgs = ['--protocol', c.protocol, ...configArgs];
  const side = sideBySide(c.model, c.maxDepth ?? 1_000_000, cliArgs, 3, c.defines, c.exact?.args);
  const { spin, ours, exact } = side;
  const extras = c.extra?.() ?? [];
  const named = (r: Row): Row => ({ ...r, tool: `${r.tool.replace(where, basename(where))}, best of 3` });
  const rows = [
    { ...spin, tool: `${spin.tool}, best of 3` },
    ...(exact === undefined ? [] : [named(exact)]),
    named(ours),
    ...extras,
  ];
  printTable(
    `${c.protocol} ${c.preset}: Spin and intcheck on the same system (load average ${fmtLoad(side.load)} at the start; ${fmtLoad(loadavg())} at the end)`,
    ['tool', 'states', 'transitions', 'seconds', 'states/s', 'rate vs pan'],
    rows.map((r) => [
      r.tool,
      r.states,
      r.transitions,
      r.seconds.toPrecision(3),
      Math.round(rate(r)),
      `${(rate(r) / rate(spin)).toFixed(2)}×`,
    ]),
  );
  const each = (xs: readonly number[]): string =>
    xs.map((x) => Math.round(x).toLocaleString('en-US')).join(', ');
  console.log(
    `every run (states/s, in order): pan ${each(side.spinRates)}; intcheck ${each(side.ourRates)}${exact === undefined ? '' : `; intcheck ${c.exact?.args.join(' ')} ${each(side.exactRates)}`}`,
  );
  const match = exact ?? ours;
  const same = spin.states === match.states + 1 && spin.transitions === match.transitions + 2;
  const fmt = (x: number): string => x.toLocaleString('en-US');
  console.log(
    same
      ? `state counts agree: Spin ${fmt(spin.states)} = intcheck ${fmt(match.states)} + 1 (Spin's state before start-up); transitions ${fmt(spin.transitions)} = ${fmt(match.transitions)} + 2 (the start-up step and Spin's initial one)`
      : `state counts DIFFER: Spin ${spin.states} stored / ${spin.transitions} transitions, intcheck ${match.states} / ${match.transitions}`,
  );
  if (exact !== undefined && c.exact !== undefined) {
    console.log(
      `intcheck explore ${c.exact.args.join(' ')} at ${(rate(exact) / rate(spin)).toFixed(2)}× pan's rate on the identical space (best of 3 each, side by side): ${rate(exact) >= rate(spin) ? 'at or ahead of pan' : 'BEHIND pan'}; time: intcheck ${exact.seconds.toPrecision(3)} s, pan ${spin.seconds.toPrecision(3)} s`,
    );
    console.log(
      `intcheck explore's default run: ${fmt(ours.states)} states / ${fmt(ours.transitions)} transitions (${c.exact.why})`,
    );
    // the counts differ, so states per second compare unlike work: the time to the same verdict is said too
    console.log(
      `time to the verdict: intcheck ${ours.seconds.toPrecision(3)} s, pan ${spin.seconds.toPrecision(3)} s (pan's time / intcheck's: ${(spin.seconds / ours.seconds).toFixed(2)}×)`,
    );
  }
  console.log(
    `intcheck's defaults at ${(rate(ours) / rate(spin)).toFixed(2)}× pan's rate (best of 3 each, side by side): ${rate(ours) >= rate(spin) ? 'at or ahead of pan' : 'BEHIND pan'}`,
  );
  const extraSame = extras.every((r) => r.states === ours.states && r.transitions === ours.transitions);
  if (!extraSame) console.log('another engine counts DIFFER from intcheck explore');
  return { ok: same && extraSame };
}

/** UIPI's search on uipi.pml's space: `--no-covering`, the owed masks keyed. */
const NO_COVERING = {
  args: ['--no-covering'],
  why: 'the owed masks as a covering measure: a node met again with no owed bit its earlier twin lacked is not admitted',
} as const;

/** Every comparison, per protocol its preset rows first, then its large row. */
function comparisons(): Comparison[] {
  const controllerSmall = explorePreset('controller', 'small');
  if (controllerSmall === undefined) throw new Error('spinCompare: a preset is missing');
  // UIPI's plain scenario (no timer) at skyloft's sizes: 1 CPU, 1 receiver, 1 sender, 2 vectors
  const plain: UipiConfig = { ...UIPI_SKYLOFT, timer: -1 };
  const slots2: UipiConfig = { ...plain, uittSize: 2 };
  return [
    {
      protocol: 'wakeup',
      preset: 'small',
      model: 'wakeup.pml',
      extra: () => [
        runPacked('intcheck packed engine, pan’s three invariants only (first run in this process)', 1),
        runPacked('intcheck packed engine, pan’s three invariants only (best of 5 more)', 5),
        runJudgedWarm(WARM, 5, () => exploreJudgedProtocol(SMALL)),
        runExplorer(
          'intcheck explore --engine objects, every property + leads-to (one run)',
          undefined,
          true,
        ),
      ],
    },
    // small with a pool of four task ids: 1,298,356 states
    {
      protocol: 'wakeup',
      preset: 'large (small with four task ids)',
      config: { file: 'wakeup-large', cfg: withoutBase({ ...SMALL, taskPool: 4 }) },
      model: 'wakeup.pml',
      defines: ['T=4'],
    },
    {
      protocol: 'controller',
      preset: 'small',
      model: 'controller.pml',
      extra: () => [
        runJudgedWarm(WARM, 5, () => exploreControllerJudgedProtocol(controllerSmall)),
        runExplorer(
          'intcheck explore --engine objects, every property (one run)',
          undefined,
          true,
          'controller',
          controllerSmall,
        ),
      ],
    },
    // 1,385,408 states (reachableStateCount.ts); pan's rate falls as its hash table grows
    {
      protocol: 'controller',
      preset: 'large (small with capacity 4, wait depth 2, pending counters to 2)',
      config: { file: 'controller-large', cfg: withoutBase({ ...SMALL, ...CONTROLLER_LARGE }) },
      model: 'controller.pml',
      defines: ['C=4', 'B=2', 'Q=2'],
      maxDepth: 10_000_000,
    },
    { protocol: 'syscall', preset: 'small', model: 'syscall.pml' },
    // the spec's small with one system-call dispatcher (two callers): 424,912 states, the key's ghost included
    {
      protocol: 'syscall',
      preset: 'large (the spec’s small with one dispatcher)',
      config: { file: 'syscall-large', cfg: withoutBase({ ...SMALL, dispatchers: 1 }) },
      model: 'syscall-spec.pml',
      defines: ['D=1'],
      maxDepth: 10_000_000,
    },
    {
      protocol: 'uipi',
      preset: 'skyloft',
      model: 'uipi.pml',
      exact: NO_COVERING,
    },
    {
      protocol: 'uipi',
      preset: 'plain (skyloft sizes, no timer)',
      config: { file: 'uipi-plain', cfg: plain },
      model: 'uipi.pml',
      defines: ['SKY=0'],
      exact: NO_COVERING,
    },
    // two UITT slots (two vectors sent): 375,232 admitted nodes, 557,792 owed keyed
    {
      protocol: 'uipi',
      preset: 'plain with two UITT slots',
      config: { file: 'uipi-plain-two-slots', cfg: slots2 },
      model: 'uipi.pml',
      defines: ['SKY=0', 'SLOTS=2'],
      maxDepth: 10_000_000,
      exact: NO_COVERING,
    },
  ];
}

/** Every comparison, or those of the protocols named (`npx tsx bench/spinCompare.ts wakeup uipi`); exit code 1 when counts differ. */
export function spinCompare(protocols: readonly string[] = []): void {
  if (!hasSpin()) {
    console.log(
      'spin is not installed: sudo apt-get install spin (Debian/Ubuntu), or see https://spinroot.com; gcc is needed too.',
    );
    return;
  }
  const chosen = comparisons().filter((c) => protocols.length === 0 || protocols.includes(c.protocol));
  if (chosen.length === 0) throw new Error(`spinCompare: no comparison for ${protocols.join(', ')}`);
  let ok = true;
  chosen.forEach((c, i) => {
    if (i > 0) console.log();
    ok = compareProtocol(c).ok && ok;
  });
  if (!ok) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) spinCompare(process.argv.slice(2));
