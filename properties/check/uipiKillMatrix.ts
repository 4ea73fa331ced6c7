/**
 * The UIPI kill matrix: every mutant of impl/mutants/uipiMutants.ts checked on its preset (small,
 * or Skyloft for the timer's) with random storms, every property but refinement (a mutant must be
 * caught on its own abstraction), reporting who caught it, whether the catalogue expected that,
 * the storms and milliseconds until the first failing storm (before shrinking), and the length
 * of the minimized counterexample.
 */
import fc from 'fast-check';
import { UIPI_MUTANTS, type UipiMutant } from '../../impl/mutants/uipiMutants.ts';
import { UIPI_PRESETS } from '../../model/uipi/config.ts';
import { runUipi } from '../runUipi.ts';
import { uipiStorm } from '../storms/uipiStorm.ts';
import { UIPI_GUARANTEE_IDS } from '../uipi/index.ts';
import { checkUipi } from './checkUipi.ts';

export interface UipiKillOptions {
  readonly runs: number;
  readonly seed: number;
  /** A clock in milliseconds (performance.now; the caller's, so this module stays clock-free). */
  readonly now: () => number;
}

export type UipiKillRow =
  | {
      readonly verdict: 'caught';
      readonly mutant: string;
      readonly research: string;
      readonly preset: string;
      readonly expected: readonly string[];
      /** Every property failing at the minimized counterexample's failing step. */
      readonly violated: readonly string[];
      readonly storms: number;
      readonly msToDetect: number;
      readonly counterexampleLength: number;
    }
  | {
      readonly verdict: 'survived';
      readonly mutant: string;
      readonly research: string;
      readonly preset: string;
      readonly expected: readonly string[];
    };

/** One mutant's row. */
export function killUipiMutant(m: UipiMutant, o: UipiKillOptions): UipiKillRow {
  const preset = m.preset === 'skyloft' ? 'skyloft' : 'small';
  const cfg = UIPI_PRESETS[preset];
  const opts = { record: false, properties: UIPI_GUARANTEE_IDS };
  const t0 = o.now();
  let storms = 0;
  let detectedAt = t0;
  const found = fc.check(
    fc.property(uipiStorm(cfg), (storm) => {
      storms++;
      const ok = runUipi(cfg, m, storm, opts).ok;
      if (!ok) detectedAt = o.now();
      return ok;
    }),
    { seed: o.seed, numRuns: o.runs, endOnFailure: true },
  );
  const head = { mutant: m.name, research: m.research, preset, expected: m.expectedViolations };
  if (!found.failed) return { verdict: 'survived', ...head };
  const r = checkUipi({ cfg, impl: m, runs: o.runs, seed: o.seed, properties: UIPI_GUARANTEE_IDS });
  if (r.ok) return { verdict: 'survived', ...head };
  return {
    verdict: 'caught',
    ...head,
    violated: r.failure.violations.map((v) => v.property),
    storms,
    msToDetect: detectedAt - t0,
    counterexampleLength: r.counterexample.length,
  };
}

/** Every mutant's row, in catalogue order. */
export function uipiKillMatrix(o: UipiKillOptions): UipiKillRow[] {
  return UIPI_MUTANTS.map((m) => killUipiMutant(m, o));
}

/** The matrix as Markdown, with a summary line. */
export function uipiKillMarkdown(
  rows: readonly UipiKillRow[],
  o: Pick<UipiKillOptions, 'runs' | 'seed'>,
): string {
  const code = (ids: readonly string[]) => ids.map((id) => `\`${id}\``).join(', ');
  const body = rows.map((r) =>
    r.verdict === 'caught'
      ? `| ${r.research} | \`${r.mutant}\` | ${r.preset} | ${code(r.violated)} | ${code(r.expected)} | ${r.storms} | ${r.msToDetect.toFixed(1)} | ${r.counterexampleLength} |`
      : `| ${r.research} | \`${r.mutant}\` | ${r.preset} | **survived** | ${code(r.expected)} | — | — | — |`,
  );
  const caught = rows.filter((r) => r.verdict === 'caught').length;
  return [
    '| research | mutant | preset | caught by | expected | storms | ms to detect | shrunk length |',
    '| --- | --- | --- | --- | --- | ---: | ---: | ---: |',
    ...body,
    '',
    `${caught}/${rows.length} UIPI mutants caught within ${o.runs} storms each (seed ${o.seed}), refinement excluded.`,
  ].join('\n');
}
