/**
 * Spin beside `intcheck explore` on the same system, per protocol that has a Promela model of it
 * (bench/spin/wakeup.pml; bench/spin/controller.pml, the controller alone at its exploration
 * preset): compiles the model with `spin -a` and `gcc -O2 -DSAFETY` once, then runs `pan` and `intcheck explore --protocol P
 * --json` (its defaults: every property and leads-to, a fresh process each time) alternately,
 * three of each, so both see the same load; each side's best run is compared: pan's stored states
 * over its own elapsed time, intcheck's `statesPerSecond` (distinct states over the search's time,
 * process start excluded). pan checks the model's assertions on every state and invalid end states.
 *
 * The counts must agree: Spin stores one state more than the explorer (the state before the
 * start-up d_step of `init`, which the explorer's initial state already follows) and counts the
 * start-up transition and its initial state among "stored + matched"; every other state and
 * transition is the same. The load average (os.loadavg) is printed with the table: the machine is
 * shared, and only the ratio of two runs taken side by side means anything.
 *
 * Also, for wakeup, in this process: the object engine judging every property (`--engine objects`,
 * one run), and the packed engine with the three state invariants pan's model asserts (first run,
 * best of 5). The controller has no fast engine: its row is the object engine.
 * Without spin installed it says how to get it (Debian/Ubuntu: `sudo apt-get install spin`;
 * elsewhere https://spinroot.com) and exits 0. The test suite does not need spin.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SMALL } from '../protocols/controller/model/config/config.ts';
import { exploreProtocol } from '../protocols/family/exploreProtocol.ts';
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

/** Compiles `model` (a file under bench/spin/) into a pan in a temporary directory. */
function compilePan(model: string, maxDepth: number): Pan {
  const dir = mkdtempSync(join(tmpdir(), 'intcheck-spin-'));
  copyFileSync(fileURLToPath(new URL(`./spin/${model}`, import.meta.url)), join(dir, model));
  execFileSync('spin', ['-a', model], { cwd: dir, stdio: 'pipe' });
  execFileSync('gcc', ['-O2', '-DSAFETY', '-o', 'pan', 'pan.c'], { cwd: dir, stdio: 'pipe' });
  return {
    run() {
      const out = execFileSync('./pan', [`-m${maxDepth}`], { cwd: dir, encoding: 'utf8' });
      if (/errors: [1-9]/.test(out)) throw new Error(`pan reported errors:\n${out}`);
      return {
        tool: `spin pan on bench/spin/${model} (compiled C, assertions)`,
        states: number(out, /(\d+) states, stored/),
        transitions: number(out, /(\d+) transitions/),
        seconds: number(out, /elapsed time ([\d.e+-]+) seconds/),
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
  const r = JSON.parse(out) as { distinct: number; transitions: number; seconds: number; verdict: string };
  if (r.verdict !== 'complete') throw new Error(`intcheck explore ${args.join(' ')}: ${r.verdict}`);
  return { tool, states: r.distinct, transitions: r.transitions, seconds: r.seconds };
}

const rate = (r: Row): number => r.states / Math.max(r.seconds, 1e-6);
const best = (rows: readonly Row[]): Row | undefined =>
  rows.reduce<Row | undefined>((a, r) => (a === undefined || rate(r) > rate(a) ? r : a), undefined);

/** pan and intcheck's defaults alternately, `runs` of each: both best runs, and every run's rate. */
export function sideBySide(
  model: string,
  maxDepth: number,
  cliArgs: readonly string[],
  runs = 3,
): { spin: Row; ours: Row; spinRates: number[]; ourRates: number[]; load: readonly number[] } {
  const pan = compilePan(model, maxDepth);
  const load = loadavg();
  const spins: Row[] = [];
  const ours: Row[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      spins.push(pan.run());
      ours.push(
        runCli(`intcheck explore ${cliArgs.join(' ')} (defaults: every property + leads-to)`, cliArgs),
      );
    }
  } finally {
    pan.close();
  }
  const s = best(spins);
  const o = best(ours);
  if (s === undefined || o === undefined) throw new Error('sideBySide: no run');
  return { spin: s, ours: o, spinRates: spins.map(rate), ourRates: ours.map(rate), load };
}

function runExplorer(tool: string, properties: readonly string[] | undefined, liveness: boolean): Row {
  const t0 = performance.now();
  const r = exploreProtocol({
    protocol: 'wakeup',
    impl: undefined,
    cfg: SMALL,
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

const fmtLoad = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(', ');

/** One protocol's side-by-side comparison: its table rows and whether the counts agree (Spin = intcheck + 1 state, + 2 transitions). */
function compareProtocol(protocol: string, model: string, extra: () => Row[]): { ok: boolean } {
  const side = sideBySide(model, 1_000_000, ['--protocol', protocol]);
  const { spin, ours } = side;
  const rows = [
    { ...spin, tool: `${spin.tool}, best of 3` },
    { ...ours, tool: `${ours.tool}, best of 3` },
    ...extra(),
  ];
  printTable(
    `${protocol} small: Spin and intcheck on the same system (load average ${fmtLoad(side.load)} at the start; ${fmtLoad(loadavg())} at the end)`,
    ['tool', 'states', 'transitions', 'seconds', 'states/s', 'rate vs pan'],
    rows.map((r) => [
      r.tool,
      r.states,
      r.transitions,
      Math.round(r.seconds * 1000) / 1000,
      Math.round(rate(r)),
      `${(rate(r) / rate(spin)).toFixed(2)}×`,
    ]),
  );
  const each = (xs: readonly number[]): string =>
    xs.map((x) => Math.round(x).toLocaleString('en-US')).join(', ');
  console.log(`every run (states/s, in order): pan ${each(side.spinRates)}; intcheck ${each(side.ourRates)}`);
  const same = spin.states === ours.states + 1 && spin.transitions === ours.transitions + 2;
  console.log(
    same
      ? `state counts agree: Spin ${spin.states.toLocaleString('en-US')} = intcheck ${ours.states.toLocaleString('en-US')} + 1 (Spin's state before start-up); transitions ${spin.transitions.toLocaleString('en-US')} = ${ours.transitions.toLocaleString('en-US')} + 2 (the start-up step and Spin's initial one)`
      : `state counts DIFFER: Spin ${spin.states} stored / ${spin.transitions} transitions, intcheck ${ours.states} / ${ours.transitions}`,
  );
  console.log(
    `intcheck's defaults at ${(rate(ours) / rate(spin)).toFixed(2)}× pan's rate (best of 3 each, side by side): ${rate(ours) >= rate(spin) ? 'at or ahead of pan' : 'BEHIND pan'}`,
  );
  const extraSame = rows
    .slice(2)
    .every((r) => r.states === ours.states && r.transitions === ours.transitions);
  if (!extraSame) console.log('another engine counts DIFFER from intcheck explore');
  return { ok: same && extraSame };
}

export function spinCompare(): void {
  if (!hasSpin()) {
    console.log(
      'spin is not installed: sudo apt-get install spin (Debian/Ubuntu), or see https://spinroot.com; gcc is needed too.',
    );
    return;
  }
  const wakeup = compareProtocol('wakeup', 'wakeup.pml', () => [
    runPacked('intcheck packed engine, pan’s three invariants only (first run in this process)', 1),
    runPacked('intcheck packed engine, pan’s three invariants only (best of 5 more)', 5),
    runExplorer('intcheck explore --engine objects, every property + leads-to (one run)', undefined, true),
  ]);
  console.log();
  const controller = compareProtocol('controller', 'controller.pml', () => []);
  if (!wakeup.ok || !controller.ok) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) spinCompare();
