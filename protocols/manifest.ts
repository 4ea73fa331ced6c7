/**
 * The regression manifest of exploration (like tlaplus/Examples' manifest.json): for each
 * protocol, preset and implementation, the verdict and the distinct-state count the explorer
 * finds, so that an accidental change of semantics shows up as a changed count. `manifest.json`
 * beside this file holds the entries; `npx tsx scripts/exploreManifest.ts` re-checks them all
 * (`--write` regenerates the file), and test/explore checks those marked `test` (the fast ones).
 */
import { readFileSync } from 'node:fs';
import { explorePreset } from '../engine/explore/explorePresets.ts';
import { findControllerImpl } from './controller/designs/registry.ts';
import { type ExploreProtocol, exploreProtocol } from './family/exploreProtocol.ts';
import { findSyscallMutant } from './syscall/mutants/syscallMutants.ts';
import { findUipiImpl } from './uipi/designs/registry.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from './uipi/engine/exploreUipi.ts';
import { findWakeupMutant } from './wakeup/mutants/wakeupMutants.ts';

export interface ManifestEntry {
  readonly protocol: ExploreProtocol | 'uipi';
  readonly preset: string;
  /** An implementation or mutant name, or "model" for the model alone. */
  readonly impl: string;
  /** The implementation's storm profile whose alphabet (and condition on the state) is explored; absent: none. */
  readonly profile?: string;
  /** Search bound; absent: none. */
  readonly maxStates?: number;
  /** Explored with symmetry reduction (one state per orbit); absent: the full space. */
  readonly symmetry?: boolean;
  readonly verdict: 'complete' | 'violation' | 'maxStates';
  readonly distinctStates: number;
  readonly transitions: number;
  readonly diameter: number;
  /** For a violation: the property and the BFS-shortest counterexample's length. */
  readonly property?: string;
  readonly length?: number;
  /** Checked by the test suite (the entries that run in a few seconds). */
  readonly test: boolean;
}

export interface Manifest {
  readonly description: string;
  readonly entries: readonly ManifestEntry[];
}

/** The manifest in the repository. */
export function readManifest(): Manifest {
  return JSON.parse(readFileSync(new URL('./manifest.json', import.meta.url), 'utf8')) as Manifest;
}

/** What exploring `e`'s protocol, preset and implementation gives now, in the manifest's terms (`test` copied). */
export function runManifestEntry(
  e: Pick<ManifestEntry, 'protocol' | 'preset' | 'impl' | 'profile' | 'maxStates' | 'symmetry' | 'test'>,
): ManifestEntry {
  if (e.protocol === 'uipi') return runUipiEntry(e);
  const cfg = explorePreset(e.protocol, e.preset);
  if (cfg === undefined) throw new Error(`manifest: no preset "${e.preset}" for ${e.protocol}`);
  const impl =
    e.impl === 'model'
      ? undefined
      : ((e.protocol === 'wakeup' ? findWakeupMutant(e.impl) : undefined) ??
        (e.protocol === 'syscall' ? findSyscallMutant(e.impl) : undefined) ??
        findControllerImpl(e.impl));
  if (e.impl !== 'model' && impl === undefined)
    throw new Error(`manifest: unknown implementation "${e.impl}"`);
  const claims = e.profile === undefined ? undefined : impl?.profiles?.[e.profile]?.holds;
  if (e.profile !== undefined && claims === undefined)
    throw new Error(`manifest: ${e.impl} has no storm profile "${e.profile}"`);
  const r = exploreProtocol({
    protocol: e.protocol,
    impl,
    cfg,
    // under a profile, the properties it claims (as `intcheck explore --profile` judges them)
    ...(e.profile === undefined || claims === undefined ? {} : { profile: e.profile, properties: claims }),
    ...(e.maxStates ? { maxStates: e.maxStates } : {}),
    ...(e.symmetry === true ? { symmetry: true } : {}),
  });
  const base = {
    protocol: e.protocol,
    preset: e.preset,
    impl: e.impl,
    ...(e.profile === undefined ? {} : { profile: e.profile }),
    ...(e.maxStates ? { maxStates: e.maxStates } : {}),
    ...(e.symmetry === true ? { symmetry: true } : {}),
    verdict: r.kind,
    distinctStates: r.distinct,
    transitions: r.transitions,
    diameter: r.diameter,
  };
  if (r.kind !== 'violation') return { ...base, test: e.test };
  return { ...base, property: r.violation.property, length: r.reproduction.events.length, test: e.test };
}

/** runManifestEntry for the UIPI protocol (its own presets and implementations). */
function runUipiEntry(
  e: Pick<ManifestEntry, 'protocol' | 'preset' | 'impl' | 'maxStates' | 'test'>,
): ManifestEntry {
  const cfg = UIPI_EXPLORE_PRESETS[e.preset];
  if (cfg === undefined) throw new Error(`manifest: no preset "${e.preset}" for uipi`);
  const impl = e.impl === 'model' ? undefined : findUipiImpl(e.impl);
  if (e.impl !== 'model' && impl === undefined)
    throw new Error(`manifest: unknown implementation "${e.impl}"`);
  const r = exploreUipi({ cfg, impl, ...(e.maxStates ? { maxStates: e.maxStates } : {}) });
  const base = {
    protocol: e.protocol,
    preset: e.preset,
    impl: e.impl,
    ...(e.maxStates ? { maxStates: e.maxStates } : {}),
    verdict: r.kind,
    distinctStates: r.distinct,
    transitions: r.transitions,
    diameter: r.diameter,
  };
  if (r.kind !== 'violation') return { ...base, test: e.test };
  return { ...base, property: r.violation.property, length: r.reproduction.events.length, test: e.test };
}
