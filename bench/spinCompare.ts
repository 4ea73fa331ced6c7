/**
 * Spin beside the explorer on the wakeup small preset: compiles bench/spin/wakeup.pml (the same
 * system, written in Promela for this project) with `spin -a` and `gcc -O2 -DSAFETY`, runs `pan`,
 * and prints its stored states, transitions and rate next to the explorer's. pan checks the
 * model's assertions (taskInOnePlace, onlyOnlineRun, noStuckSystem on every state) and invalid end
 * states; the packed engine judges the same three invariants on every state, so those two rows
 * compare like for like (its first run in this process, and its best of five more). The counts must
 * agree: Spin stores one state more than the explorer (the state before the start-up d_step of
 * `init`, which the explorer's initial state already follows) and counts the start-up transition
 * and its initial state among "stored + matched"; every other state and transition is the same.
 * Without spin installed it says how to get it (Debian/Ubuntu: `sudo apt-get install spin`;
 * elsewhere https://spinroot.com) and exits 0. The test suite does not need spin.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { SMALL } from '../protocols/controller/model/config/config.ts';
import { exploreProtocol } from '../protocols/family/exploreProtocol.ts';
import { explorePacked } from '../protocols/wakeup/engine/packed/packedExplore.ts';
import { printTable } from './table.ts';

const MODEL = fileURLToPath(new URL('./spin/wakeup.pml', import.meta.url));

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

/** Spin's `pan` on bench/spin/wakeup.pml: stored states, transitions and its own elapsed time. */
export function runSpin(): Row {
  const dir = mkdtempSync(join(tmpdir(), 'intcheck-spin-'));
  try {
    copyFileSync(MODEL, join(dir, 'wakeup.pml'));
    execFileSync('spin', ['-a', 'wakeup.pml'], { cwd: dir, stdio: 'pipe' });
    execFileSync('gcc', ['-O2', '-DSAFETY', '-o', 'pan', 'pan.c'], { cwd: dir, stdio: 'pipe' });
    const out = execFileSync('./pan', ['-m1000000'], { cwd: dir, encoding: 'utf8' });
    if (/errors: [1-9]/.test(out)) throw new Error(`pan reported errors:\n${out}`);
    return {
      tool: 'spin pan (compiled C, DFS, assertions)',
      states: number(out, /(\d+) states, stored/),
      transitions: number(out, /(\d+) transitions/),
      seconds: number(out, /elapsed time ([\d.e+-]+) seconds/),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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
  let best: Row = { tool, states: 0, transitions: 0, seconds: Number.POSITIVE_INFINITY };
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = explorePacked(SMALL);
    const seconds = (performance.now() - t0) / 1000;
    if (r.kind !== 'complete') throw new Error(`packed engine: ${r.kind} on the small preset`);
    if (seconds < best.seconds) best = { tool, states: r.distinct, transitions: r.transitions, seconds };
  }
  return best;
}

export function spinCompare(): void {
  if (!hasSpin()) {
    console.log(
      'spin is not installed: sudo apt-get install spin (Debian/Ubuntu), or see https://spinroot.com; gcc is needed too.',
    );
    return;
  }
  const spin = runSpin();
  const rows = [
    spin,
    runExplorer('intcheck explore, no properties', [], false),
    runPacked('intcheck packed engine, same invariants (first run)', 1),
    runPacked('intcheck packed engine, same invariants (best of 5 more)', 5),
    runExplorer('intcheck explore, every property + leads-to', undefined, true),
  ];
  printTable(
    'wakeup small: Spin and the explorer on the same system',
    ['tool', 'states', 'transitions', 'seconds', 'states/s', 'time vs spin'],
    rows.map((r) => [
      r.tool,
      r.states,
      r.transitions,
      Math.round(r.seconds * 100) / 100,
      Math.round(r.states / Math.max(r.seconds, 1e-3)),
      `${(r.seconds / Math.max(spin.seconds, 1e-3)).toFixed(1)}×`,
    ]),
  );
  const ours = rows[1];
  const same =
    ours !== undefined && spin.states === ours.states + 1 && spin.transitions === ours.transitions + 2;
  console.log(
    same
      ? `state counts agree: Spin ${spin.states.toLocaleString('en-US')} = explorer ${ours.states.toLocaleString('en-US')} + 1 (Spin's state before start-up); transitions ${spin.transitions.toLocaleString('en-US')} = ${ours.transitions.toLocaleString('en-US')} + 2 (the start-up step and Spin's initial one)`
      : `state counts DIFFER: Spin ${spin.states} stored / ${spin.transitions} transitions, explorer ${ours?.states} / ${ours?.transitions}`,
  );
  const packedSame = rows[2]?.states === ours?.states && rows[2]?.transitions === ours?.transitions;
  if (!packedSame) console.log('packed engine counts DIFFER from the explorer');
  if (!same || !packedSame) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}`) spinCompare();
