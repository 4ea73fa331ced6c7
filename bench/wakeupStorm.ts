/**
 * The wakeup system under storms: checked events per second (every controller and system
 * property after every step, the §6 drain after each storm) for the model alone and for the
 * runtime over the reference device, at both presets; and, for each published design, the time
 * and the number of storms until `check` finds its lost wakeup with the default seed.
 * Targets: ≥ 200,000 checked events/s on the small preset; each published bug in under 1 s.
 * Run alone with `npx tsx bench/wakeupStorm.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { ControllerImpl } from '../protocols/controller/designs/device.ts';
import { findControllerImpl } from '../protocols/controller/designs/registry.ts';
import { PRESETS, type PresetName } from '../protocols/controller/model/config/config.ts';
import { checkWakeup } from '../protocols/wakeup/engine/checkWakeup.ts';
import { runWakeup } from '../protocols/wakeup/engine/runWakeup.ts';
import { wakeupStorm } from '../protocols/wakeup/engine/wakeupStorm.ts';
import type { SystemEvent } from '../protocols/wakeup/model/events.ts';
import { printTable } from './table.ts';

/** Storms per throughput measurement and their longest length. */
const STORMS = 300;
const MAX_EVENTS = 400;
const STORM_SEED = 0x5eed;
/** The seed `intcheck check` uses by default. */
const CHECK_SEED = 42;
export const TARGET_SMALL_EVENTS_PER_SECOND = 200_000;
export const TARGET_FIND_SECONDS = 1;

export interface WakeupThroughputRow {
  readonly preset: PresetName;
  readonly subject: string;
  readonly events: number;
  readonly eventsPerSecond: number;
}

export interface PublishedFindRow {
  readonly design: string;
  readonly preset: PresetName;
  readonly property: string;
  readonly storms: number;
  readonly shrunk: number;
  readonly seconds: number;
}

function stormsOf(preset: PresetName): SystemEvent[][] {
  return fc.sample(wakeupStorm(PRESETS[preset], { maxEvents: MAX_EVENTS }), {
    seed: STORM_SEED,
    numRuns: STORMS,
  });
}

function timeRuns(
  preset: PresetName,
  impl: ControllerImpl | undefined,
  storms: readonly SystemEvent[][],
): number {
  const t0 = performance.now();
  for (const s of storms) {
    const r = runWakeup(PRESETS[preset], impl, s, { record: false });
    if (!r.ok) throw new Error(`wakeup storm: ${r.violation.property} failed: ${r.violation.message}`);
  }
  return (performance.now() - t0) / 1000;
}

/** Checked events per second (storm events only; the drain's steps are extra work, not counted). */
export function benchWakeupThroughput(): WakeupThroughputRow[] {
  const rows: WakeupThroughputRow[] = [];
  for (const preset of Object.keys(PRESETS) as PresetName[]) {
    const storms = stormsOf(preset);
    const events = storms.reduce((n, s) => n + s.length, 0);
    for (const [subject, impl] of [
      ['model', undefined],
      ['runtime + reference', findControllerImpl('reference')],
    ] as const) {
      timeRuns(preset, impl, storms.slice(0, 20)); // warm-up
      const seconds = [0, 1, 2].map(() => timeRuns(preset, impl, storms)).sort((a, b) => a - b)[1] ?? 1;
      rows.push({ preset, subject, events, eventsPerSecond: events / seconds });
    }
  }
  return rows;
}

/** Time and storms until each published design's lost wakeup is found, as `check` would. */
export function benchPublishedFinds(): PublishedFindRow[] {
  const rows: PublishedFindRow[] = [];
  for (const design of ['ats-intc-qemu', 'ats-intc-chisel']) {
    const impl = findControllerImpl(design);
    if (impl === undefined) throw new Error(`no design ${design}`);
    for (const preset of Object.keys(PRESETS) as PresetName[]) {
      const t0 = performance.now();
      const r = checkWakeup({ cfg: PRESETS[preset], impl, runs: 1000, seed: CHECK_SEED });
      const seconds = (performance.now() - t0) / 1000;
      if (r.ok) throw new Error(`${design} passed: its lost wakeup was not found`);
      rows.push({
        design,
        preset,
        property: r.failure.violation.property,
        storms: r.runs,
        shrunk: r.counterexample.length,
        seconds,
      });
    }
  }
  return rows;
}

export function printWakeupBench(t: readonly WakeupThroughputRow[], f: readonly PublishedFindRow[]): void {
  printTable(
    'wakeup system: checked storm events/s (every property, drain after each storm)',
    ['preset', 'subject', 'events', 'events/s'],
    t.map((r) => [r.preset, r.subject, r.events, Math.round(r.eventsPerSecond)]),
  );
  const slow = t.filter((r) => r.preset === 'small' && r.eventsPerSecond < TARGET_SMALL_EVENTS_PER_SECOND);
  console.log(
    `target ≥ ${TARGET_SMALL_EVENTS_PER_SECOND.toLocaleString('en-US')} events/s on small: ${slow.length === 0 ? 'met' : `NOT MET by ${slow.map((r) => r.subject).join(', ')}`}`,
  );
  console.log();
  printTable(
    `published designs: lost wakeup found by check (seed ${CHECK_SEED})`,
    ['design', 'preset', 'property', 'storms', 'shrunk length', 'seconds'],
    f.map((r) => [r.design, r.preset, r.property, r.storms, r.shrunk, r.seconds]),
  );
  const late = f.filter((r) => r.seconds >= TARGET_FIND_SECONDS);
  console.log(
    `target each found in < ${TARGET_FIND_SECONDS} s: ${late.length === 0 ? 'met' : `NOT MET by ${late.map((r) => `${r.design}/${r.preset}`).join(', ')}`}`,
  );
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printWakeupBench(benchWakeupThroughput(), benchPublishedFinds());
}
