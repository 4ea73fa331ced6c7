/**
 * The syscall system under storms: checked events per second (every controller and syscall
 * property after every step, refinement included for the runtime, the §6 drain after each storm)
 * for the model alone and for the syscall runtime over the reference device, at both presets;
 * and, for each syscall mutant, the storms and the time until a property catches it (refinement
 * excluded, small preset, the default seed), with the shrunk counterexample's length.
 * Target: each mutant found in under 2 s. Run alone with `npx tsx bench/syscallStorm.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { ControllerImpl } from '../protocols/controller/designs/device.ts';
import { referenceImpl } from '../protocols/controller/designs/reference/index.ts';
import { PRESETS, type PresetName } from '../protocols/controller/model/config/config.ts';
import { killRow } from '../protocols/killMatrix.ts';
import { runSyscall } from '../protocols/syscall/engine/runSyscall.ts';
import { syscallTarget } from '../protocols/syscall/engine/syscallKill.ts';
import { syscallStorm } from '../protocols/syscall/engine/syscallStorm.ts';
import type { SyscallEvent } from '../protocols/syscall/model/events.ts';
import { SYSCALL_MUTANTS } from '../protocols/syscall/mutants/syscallMutants.ts';
import { printTable } from './table.ts';

const STORMS = 200;
const MAX_EVENTS = 200;
const STORM_SEED = 0x5eed;
/** The seed `intcheck check` uses by default. */
const CHECK_SEED = 42;
export const TARGET_DETECT_SECONDS = 2;

export interface SyscallThroughputRow {
  readonly preset: PresetName;
  readonly subject: string;
  readonly events: number;
  readonly eventsPerSecond: number;
}

export interface SyscallDetectRow {
  readonly mutant: string;
  readonly property: string;
  readonly expected: boolean;
  readonly storms: number;
  readonly shrunk: number;
  readonly seconds: number;
}

function timeRuns(
  preset: PresetName,
  impl: ControllerImpl | undefined,
  storms: readonly SyscallEvent[][],
): number {
  const t0 = performance.now();
  for (const s of storms) {
    const r = runSyscall(PRESETS[preset], impl, s, { record: false });
    if (!r.ok) throw new Error(`syscall storm: ${r.violation.property} failed: ${r.violation.message}`);
  }
  return (performance.now() - t0) / 1000;
}

/** Checked storm events per second (the drain's steps are extra work, not counted). */
export function benchSyscallThroughput(): SyscallThroughputRow[] {
  const rows: SyscallThroughputRow[] = [];
  for (const preset of Object.keys(PRESETS) as PresetName[]) {
    const storms = fc.sample(syscallStorm(PRESETS[preset], { maxEvents: MAX_EVENTS }), {
      seed: STORM_SEED,
      numRuns: STORMS,
    });
    const events = storms.reduce((n, s) => n + s.length, 0);
    for (const [subject, impl] of [
      ['model', undefined],
      ['runtime + reference', referenceImpl],
    ] as const) {
      timeRuns(preset, impl, storms.slice(0, 10)); // warm-up
      const seconds = [0, 1, 2].map(() => timeRuns(preset, impl, storms)).sort((a, b) => a - b)[1] ?? 1;
      rows.push({ preset, subject, events, eventsPerSecond: events / seconds });
    }
  }
  return rows;
}

/** Time to detect each syscall mutant with the default seed (first failing storm; shrinking excluded). */
export function benchSyscallDetect(): SyscallDetectRow[] {
  return SYSCALL_MUTANTS.map((impl) => {
    const row = killRow(syscallTarget(impl), { runs: 1000, seed: CHECK_SEED, now: () => performance.now() });
    if (row.verdict === 'survived') {
      return {
        mutant: impl.name,
        property: '—',
        expected: false,
        storms: row.storms,
        shrunk: 0,
        seconds: Number.POSITIVE_INFINITY,
      };
    }
    return {
      mutant: impl.name,
      property: row.property,
      expected: row.asExpected,
      storms: row.storms,
      shrunk: row.counterexampleLength,
      seconds: row.msToDetect / 1000,
    };
  });
}

export function printSyscallBench(t: readonly SyscallThroughputRow[], d: readonly SyscallDetectRow[]): void {
  printTable(
    'syscall system: checked storm events/s (every property, drain after each storm)',
    ['preset', 'subject', 'events', 'events/s'],
    t.map((r) => [r.preset, r.subject, r.events, Math.round(r.eventsPerSecond)]),
  );
  console.log();
  printTable(
    `syscall mutants: time to detect (small, seed ${CHECK_SEED}, refinement excluded)`,
    ['mutant', 'caught by', 'expected', 'storms', 'shrunk length', 'seconds'],
    d.map((r) => [r.mutant, r.property, r.expected ? 'yes' : 'no', r.storms, r.shrunk, r.seconds.toFixed(3)]),
  );
  const met = d.every((r) => r.expected && r.seconds < TARGET_DETECT_SECONDS);
  console.log(`target each mutant found in < ${TARGET_DETECT_SECONDS} s: ${met ? 'met' : 'NOT met'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printSyscallBench(benchSyscallThroughput(), benchSyscallDetect());
}
