/**
 * Throughput of checked storms: the lockstep runner (`runController`, `record: false`) driving
 * the model and an implementation side by side with every controller property checked after
 * every step, as `intcheck check` does. The storm is pre-generated and deterministic (fast-check
 * samples of `controllerStorm` under a pinned seed), concatenated to at least
 * {@link STORM_EVENTS} events and split into runs of {@link RUN_LENGTH} events, each run
 * starting from reset. Target: {@link TARGET_SMALL_EVENTS_PER_SECOND} events/s on the small
 * preset with the reference device. Run alone with `npx tsx bench/checkedStorm.ts`.
 */
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import type { ControllerImpl } from '../protocols/controller/designs/device.ts';
import { referenceImpl } from '../protocols/controller/designs/reference/index.ts';
import { controllerStorm } from '../protocols/controller/engine/controllerEvent.ts';
import { runController } from '../protocols/controller/engine/runController.ts';
import { type Config, PRESETS, type PresetName } from '../protocols/controller/model/config/config.ts';
import type { ControllerEvent } from '../protocols/controller/model/events.ts';
import { printTable } from './table.ts';

/** One measurement: a preset, what ran beside the properties, and the checked events per second. */
export interface CheckedStormRow {
  readonly preset: PresetName;
  /** `reference` (model and reference device in lockstep) or `model` (the model alone). */
  readonly impl: string;
  readonly events: number;
  readonly runs: number;
  readonly eventsPerSecond: number;
}

/** Events in the pre-generated storm (at least). */
const STORM_EVENTS = 200_000;
/** Events per run, each from reset (about the length of one `check` storm at the small preset). */
const RUN_LENGTH = 80;
/** Timed passes over the whole storm; the median is reported. */
const ROUNDS = 5;
/** Seed of the storm generator. */
const STORM_SEED = 0xc4ec_6ed;
/** Storms drawn per `fc.sample` call while filling the storm. */
const SAMPLE_BATCH = 200;
/** The target the project must meet (reference device, small preset, every property). */
export const TARGET_SMALL_EVENTS_PER_SECOND = 200_000;

/** The deterministic storm of `cfg`: fast-check storms concatenated, then cut into runs. */
export function checkedStormRuns(cfg: Config, events = STORM_EVENTS, runLength = RUN_LENGTH) {
  const all: ControllerEvent[] = [];
  for (let batch = 0; all.length < events; batch++) {
    const storms = fc.sample(controllerStorm(cfg), { seed: STORM_SEED + batch, numRuns: SAMPLE_BATCH });
    for (const storm of storms) for (const e of storm) all.push(e);
  }
  const runs: ControllerEvent[][] = [];
  for (let i = 0; i < all.length; i += runLength) runs.push(all.slice(i, i + runLength));
  return { runs, events: all.length };
}

/** One pass over every run; throws if a property fails (the reference and the model violate nothing). */
function checkPass(cfg: Config, impl: ControllerImpl | undefined, runs: readonly ControllerEvent[][]) {
  for (const run of runs) {
    const r = runController(cfg, impl, run, { record: false });
    if (!r.ok) throw new Error(`checked storm: ${r.violation.property} failed: ${r.violation.message}`);
  }
}

/** Checked events per second (median over {@link ROUNDS} timed passes after a warm-up pass). */
function rate(cfg: Config, impl: ControllerImpl | undefined, runs: readonly ControllerEvent[][], n: number) {
  checkPass(cfg, impl, runs);
  const rates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = process.hrtime.bigint();
    checkPass(cfg, impl, runs);
    rates.push(n / (Number(process.hrtime.bigint() - t0) / 1e9));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(ROUNDS / 2)] ?? 0;
}

/** Checked-storm throughput at every preset, with the reference device and with the model alone. */
export function benchCheckedStorm(events = STORM_EVENTS): CheckedStormRow[] {
  const rows: CheckedStormRow[] = [];
  for (const preset of Object.keys(PRESETS) as PresetName[]) {
    const cfg = PRESETS[preset];
    const storm = checkedStormRuns(cfg, events);
    for (const impl of [referenceImpl, undefined]) {
      rows.push({
        preset,
        impl: impl?.name ?? 'model',
        events: storm.events,
        runs: storm.runs.length,
        eventsPerSecond: rate(cfg, impl, storm.runs, storm.events),
      });
    }
  }
  return rows;
}

/** Prints the rows as a table, then whether the target is met. */
export function printCheckedStorm(rows: readonly CheckedStormRow[]): void {
  printTable(
    'checked storms: runController, every property after every step (median events/s)',
    ['preset', 'impl', 'events', 'runs', 'events/s'],
    rows.map((r) => [r.preset, r.impl, r.events, r.runs, Math.round(r.eventsPerSecond)]),
  );
  const failing = rows.filter(
    (r) =>
      r.preset === 'small' && r.impl === 'reference' && r.eventsPerSecond < TARGET_SMALL_EVENTS_PER_SECOND,
  );
  const target = `${TARGET_SMALL_EVENTS_PER_SECOND.toLocaleString('en-US')} checked events/s on small`;
  console.log(`target ${target}: ${failing.length === 0 ? 'met' : 'NOT MET'}`);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) printCheckedStorm(benchCheckedStorm());
