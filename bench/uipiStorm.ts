/**
 * UIPI under storms: checked events per second (every UIPI property after every step, the fair
 * drain and the liveness properties after each storm) for the model alone and for the
 * instruction-level reference against the model (refinement included), on every preset; and,
 * per mutant, the storms and milliseconds until the kill matrix's storms first catch it (the
 * UIPI rows of `intcheck mutants`).
 * Run alone with `npx tsx bench/uipiStorm.ts`.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { type KillRow, killMatrix, killTargets } from '../protocols/killMatrix.ts';
import { UIPI_REFERENCE, type UipiImpl } from '../protocols/uipi/designs/reference/uipiImpl.ts';
import { runUipi } from '../protocols/uipi/engine/runUipi.ts';
import { uipiStorm } from '../protocols/uipi/engine/uipiStorm.ts';
import { UIPI_PRESET_NAMES, UIPI_PRESETS, type UipiPresetName } from '../protocols/uipi/model/config.ts';
import type { UipiEvent } from '../protocols/uipi/model/events.ts';
import { printTable } from './table.ts';

const STORMS = 200;
const MAX_EVENTS = 200;
const STORM_SEED = 0x5eed;

export interface UipiThroughputRow {
  readonly preset: UipiPresetName;
  readonly subject: string;
  /** Steps executed (storm events and drain steps). */
  readonly events: number;
  readonly eventsPerSecond: number;
}

function measure(
  preset: UipiPresetName,
  impl: UipiImpl | undefined,
  storms: readonly UipiEvent[][],
): UipiThroughputRow {
  const cfg = UIPI_PRESETS[preset];
  let events = 0;
  const t0 = performance.now();
  for (const s of storms) {
    const r = runUipi(cfg, impl, s, { record: false });
    if (!r.ok) throw new Error(`bench: ${impl?.name ?? 'model'} fails ${r.violation.property} on ${preset}`);
    events += r.steps;
  }
  const seconds = (performance.now() - t0) / 1000;
  return {
    preset,
    subject: impl === undefined ? 'model' : 'reference + model',
    events,
    eventsPerSecond: events / seconds,
  };
}

/** Checked events per second, per preset and subject. */
export function benchUipiThroughput(): UipiThroughputRow[] {
  return UIPI_PRESET_NAMES.flatMap((preset) => {
    const storms = fc.sample(uipiStorm(UIPI_PRESETS[preset], { maxEvents: MAX_EVENTS }), {
      seed: STORM_SEED,
      numRuns: STORMS,
    });
    return [measure(preset, undefined, storms), measure(preset, UIPI_REFERENCE, storms)];
  });
}

/** Per mutant, how fast the kill matrix's storms (seed 42, refinement excluded) catch it. */
export function benchUipiMutants(): KillRow[] {
  return killMatrix({ runs: 1000, seed: 42, now: () => performance.now() }, killTargets(['uipi']));
}

export function printUipiBench(rows: readonly UipiThroughputRow[], kills: readonly KillRow[]): void {
  printTable(
    'UIPI: checked storm events/s (every property, fair drain after each storm)',
    ['preset', 'subject', 'events', 'events/s'],
    rows.map((r) => [r.preset, r.subject, r.events, Math.round(r.eventsPerSecond)]),
  );
  printTable(
    'UIPI mutants: time to detect with the kill matrix’s storms (seed 42, refinement excluded)',
    ['mutant', 'caught by', 'storms', 'ms', 'shrunk'],
    kills.map((k) =>
      k.verdict === 'caught'
        ? [k.mutant, k.violated.join(', '), k.storms, Number(k.msToDetect.toFixed(1)), k.counterexampleLength]
        : [k.mutant, 'SURVIVED', k.storms, '—', '—'],
    ),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  printUipiBench(benchUipiThroughput(), benchUipiMutants());
