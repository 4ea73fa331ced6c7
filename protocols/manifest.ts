/**
 * The regression manifest of exploration (like tlaplus/Examples' manifest.json): for each
 * protocol, preset and implementation, the verdict and the distinct-state count the explorer
 * finds, so that an accidental change of semantics shows up as a changed count. `manifest.json`
 * beside this file holds the entries; `npx tsx scripts/exploreManifest.ts` re-checks them all
 * (`--write` regenerates the file), and test/explore checks those marked `test` (the fast ones).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProtocol } from './index.ts';

export interface ManifestEntry {
  readonly protocol: string;
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

/**
 * What exploring `e`'s protocol, preset and implementation gives now, in the manifest's terms
 * (`test` copied): the protocol's descriptor explores it as `intcheck explore` does (every default
 * property and the leads-to drain; under a profile, the properties the profile claims), on the
 * object engine, whose counts the faster engines are tested against (a search by orbits on the
 * engine that has one).
 */
export function runManifestEntry(
  e: Pick<ManifestEntry, 'protocol' | 'preset' | 'impl' | 'profile' | 'maxStates' | 'symmetry' | 'test'>,
): ManifestEntry {
  const protocol = findProtocol(e.protocol);
  if (protocol === undefined) throw new Error(`manifest: unknown protocol "${e.protocol}"`);
  const impl = e.impl === 'model' ? undefined : e.impl;
  const properties = e.profile === undefined ? undefined : protocol.profileProperties(e.impl, e.profile);
  const out = mkdtempSync(join(tmpdir(), 'intcheck-manifest-'));
  try {
    const r = protocol.exploreConfig({ preset: e.preset }).explore({
      impl,
      liveness: true,
      // symmetry is the orbit search of the engine that has it (the syscall model's graph engine; the object engine for the controller and UIPI)
      engine: e.symmetry === true ? 'auto' : 'objects',
      out,
      ...(e.profile === undefined ? {} : { profile: e.profile }),
      ...(properties === undefined ? {} : { properties }),
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
    return {
      ...base,
      property: r.violation.property,
      length: r.counterexample.length,
      test: e.test,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
