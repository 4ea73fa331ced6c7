/**
 * The kill matrix's explorer column for UIPI: the BFS-shortest counterexample of a UIPI mutant
 * (or the reference) on its UIPI exploration preset — Skyloft for a mutant meant for it, the
 * narrowed small otherwise (protocols/uipi/engine/exploreUipi.ts) — judged by the kill adapter's
 * properties, within the same state bound as the other protocols' explorer column.
 */

import { KILL_EXPLORE_MAX_STATES, type Shortest } from '../../../engine/kill/killAdapter.ts';
import { findUipiImpl } from '../designs/registry.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from './exploreUipi.ts';

/** The shortest-counterexample function `withShortest` wants for UIPI, judged by `properties`. */
export function uipiShortest(properties: readonly string[]): (name: string) => Shortest {
  return (name) => {
    const impl = findUipiImpl(name);
    if (impl === undefined) return { found: false };
    const preset = 'preset' in impl && impl.preset === 'skyloft' ? 'skyloft' : 'small';
    const cfg = UIPI_EXPLORE_PRESETS[preset];
    if (cfg === undefined) return { found: false };
    const r = exploreUipi({ cfg, impl, properties, maxStates: KILL_EXPLORE_MAX_STATES });
    if (r.kind !== 'violation') return { found: false };
    return {
      found: true,
      length: r.reproduction.events.length,
      violated: r.violations.map((v) => v.property),
    };
  };
}
