/**
 * The packed UIPI engine (uipiPackedExplore.ts, run in WebAssembly where it can:
 * ../wasm/uipiWasmExplore.ts) reporting as exploreUipi.ts does: on a violation
 * its BFS-shortest path is re-run through `runUipi` (with the drain for a leads-to violation),
 * which must fail there too (engine/explore/packed/judgedReport.ts, shared by every judged engine).
 */
import { judgedReport } from '../../../../engine/explore/packed/judgedReport.ts';
import type { UipiConfig } from '../../model/config.ts';
import { selectUipi } from '../../properties/selection.ts';
import type { UipiExploreReport } from '../exploreUipi.ts';
import { runUipi } from '../runUipi.ts';
import { exploreUipiPackedWasm } from '../wasm/uipiWasmExplore.ts';
import type { UipiPackedOptions } from './uipiPackedExplore.ts';

/** Explores the UIPI model alone on `cfg` with the packed engine, judging `properties` (default: all). */
export function exploreUipiPackedReport(
  cfg: UipiConfig,
  properties: readonly string[] | undefined,
  opts: UipiPackedOptions = {},
): UipiExploreReport {
  // in WebAssembly where it can (a search that passes), else the JavaScript engine's answer whole
  const out = exploreUipiPackedWasm(cfg, selectUipi(properties, undefined), opts);
  const where = out.kind === 'violation' ? out.where : 'step';
  return judgedReport(out, where, 'runUipi', () => {
    const events = out.kind === 'violation' ? out.path : [];
    const run = runUipi(cfg, undefined, events, {
      ...(properties === undefined ? {} : { properties }),
      drain: where === 'liveness',
    });
    return { protocol: 'uipi', events, run };
  });
}
