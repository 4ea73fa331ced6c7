/**
 * The UIPI model explored without covering (`--no-covering`): the owed masks keyed, every distinct
 * (state, owed masks) pair a node, as Spin's bench/spin/uipi.pml counts them. The object engine's
 * keyed space (uipiSpace.ts, covering false) is the whole-ghost key uipiCovering.test.ts builds by
 * hand; the packed engine's keyed mode (uipiPackedExplore.ts) counts what it counts (skyloft, the
 * plain scenario's 34,328 states and 156,340 transitions, Spin's minus its start-up state and
 * steps), stops and reports progress where it does, and finds the same first violation by the
 * same path; a seeded successor bug is found as the covering search finds it, as short. A key
 * leaving out an owed mask is caught by those counts.
 */
import { describe, expect, it } from 'vitest';
import { type ExploreProgress, explore } from '../../../../engine/explore/explore.ts';
import { findUipiImpl } from '../../../../protocols/uipi/designs/registry.ts';
import { exploreUipi, UIPI_EXPLORE_PRESETS } from '../../../../protocols/uipi/engine/exploreUipi.ts';
import { exploreUipiPacked } from '../../../../protocols/uipi/engine/packed/uipiPackedExplore.ts';
import type { UipiPackedMutation } from '../../../../protocols/uipi/engine/packed/uipiPackedMutation.ts';
import { uipiSpace } from '../../../../protocols/uipi/engine/uipiSpace.ts';
import { UIPI_SKYLOFT, UIPI_SMALL, type UipiConfig } from '../../../../protocols/uipi/model/config.ts';
import { selectUipi } from '../../../../protocols/uipi/properties/selection.ts';

const SEL = selectUipi(undefined, undefined);
/** The plain scenario at skyloft's sizes (bench/spinCompare.ts's second UIPI row). */
const PLAIN: UipiConfig = { ...UIPI_SKYLOFT, timer: -1 };
const KEYED = { covering: false } as const;

/** An exploration preset of UIPI, which must exist. */
function preset(name: string): UipiConfig {
  const cfg = UIPI_EXPLORE_PRESETS[name];
  if (cfg === undefined) throw new Error(`no UIPI exploration preset ${name}`);
  return cfg;
}

/** The object engine's keyed search of `cfg` (its outcome as the packed engine reports it). */
function objectsKeyed(cfg: UipiConfig) {
  const r = explore(uipiSpace(cfg, undefined, SEL, true, false, false));
  const stats = { distinct: r.distinct, transitions: r.transitions, diameter: r.diameter };
  if (r.kind !== 'violation') return { kind: r.kind, ...stats };
  return {
    kind: r.kind,
    where: r.where,
    properties: r.violations.map((v) => v.property),
    path: r.path,
    ...stats,
  };
}

describe('UIPI explored with the owed masks keyed (no covering)', () => {
  it.each<[string, UipiConfig, number, number, number]>([
    ['skyloft', preset('skyloft'), 2520, 8852, 25],
    ['plain', PLAIN, 34_328, 156_340, 38],
  ])(
    'the object engine keyed counts what the whole-ghost key counts, and the packed engine keyed the same (%s)',
    (_n, cfg, distinct, transitions, diameter) => {
      const want = { kind: 'complete', distinct, transitions, diameter };
      if (distinct < 10_000) {
        // the whole-ghost key built by hand (uipiCovering.test.ts's), on the smaller row only
        const { measure, ...plain } = uipiSpace(cfg, undefined, SEL);
        if (measure === undefined) throw new Error('no measure');
        const whole = explore({ ...plain, key: (n) => `${plain.key(n)}|${measure(n).join(',')}` });
        expect(whole).toMatchObject(want);
      }
      expect(objectsKeyed(cfg)).toEqual(want);
      expect(exploreUipiPacked(cfg, SEL, KEYED)).toEqual(want);
      // the covering search admits fewer: the two modes differ
      expect(exploreUipiPacked(cfg, SEL).distinct).toBeLessThan(distinct);
    },
  );

  it('catches a keyed search whose key leaves out an owed mask: it counts fewer states', () => {
    const wrong = exploreUipiPacked(PLAIN, SEL, { ...KEYED, owedUnkeyed: true });
    expect(wrong.distinct).not.toBe(34_328);
  });

  it.each<[string, UipiConfig, number]>([
    ['plain', { ...PLAIN, drainBound: 18 }, 9],
    ['plain, bound 17', { ...PLAIN, drainBound: 17 }, 4],
    ['skyloft, bound 16', { ...UIPI_SKYLOFT, drainBound: 16 }, 2],
  ])(
    'finds the first leads-to violation with the object engine keyed path and counts (%s, a short drain bound)',
    (_n, cfg, depth) => {
      const want = objectsKeyed(cfg);
      expect(want).toMatchObject({ kind: 'violation', where: 'liveness' });
      expect(exploreUipiPacked(cfg, SEL, KEYED)).toEqual(want);
      expect(want.kind === 'violation' ? want.path.length : 0).toBe(depth);
    },
  );

  it.each<[UipiPackedMutation, UipiConfig]>([
    ['sendAlwaysNotifies', PLAIN],
    ['drainKeepsPir', PLAIN],
    ['switchInKeepsSn', PLAIN],
    ['timerForgetsRepost', UIPI_SKYLOFT],
  ])('finds the seeded successor bug %s as the covering search does, as short', (mutation, cfg) => {
    const covering = exploreUipiPacked(cfg, SEL, { mutation });
    const keyed = exploreUipiPacked(cfg, SEL, { ...KEYED, mutation });
    if (covering.kind !== 'violation' || keyed.kind !== 'violation') throw new Error('no violation');
    expect({ where: keyed.where, properties: keyed.properties, length: keyed.path.length }).toEqual({
      where: covering.where,
      properties: covering.properties,
      length: covering.path.length,
    });
  });

  it.each<[string, UipiConfig, number]>([
    ['plain', PLAIN, 12_345],
    // 30 key bits and 2 owed: a whole word, the id in a word of its own (the whole row, 557,792 states, takes 2 s)
    ['plain with two UITT slots', { ...PLAIN, uittSize: 2 }, 12_000],
    // 36 key bits and one owed bit: the node's id kept in the key's last word
    ['small', preset('small'), 12_000],
    ['two receivers, three vectors', { ...UIPI_SMALL, cpus: 2, receivers: 2, senders: 1 }, 12_000],
  ])(
    'stops at --max-states and reports progress where the object engine keyed does (%s)',
    (_n, cfg, maxStates) => {
      const seen: ExploreProgress[] = [];
      const ref: ExploreProgress[] = [];
      const every = { maxStates, progressEvery: 1000 };
      const packed = exploreUipiPacked(cfg, SEL, { ...KEYED, ...every, onProgress: (p) => seen.push(p) });
      const { constrained: _, ...obj } = exploreUipi({
        cfg,
        impl: undefined,
        ...KEYED,
        ...every,
        onProgress: (p) => ref.push(p),
      });
      expect(packed).toEqual(obj);
      expect(packed.kind).toBe('maxStates');
      expect(seen).toEqual(ref);
      expect(seen).toHaveLength(12);
    },
  );

  it('reports progress where the object engine keyed does on a whole search', () => {
    const all: ExploreProgress[] = [];
    const ref: ExploreProgress[] = [];
    exploreUipiPacked(preset('skyloft'), SEL, {
      ...KEYED,
      progressEvery: 500,
      onProgress: (p) => all.push(p),
    });
    exploreUipi({
      cfg: preset('skyloft'),
      impl: undefined,
      ...KEYED,
      progressEvery: 500,
      onProgress: (p) => ref.push(p),
    });
    expect(all).toEqual(ref);
    expect(all.length).toBeGreaterThan(5);
  });

  it('keys the canonical key and the owed masks by orbits (skyloft2: half the keyed states, the covering orbits fewer)', () => {
    const cfg = preset('skyloft2');
    const whole = exploreUipiPacked(cfg, SEL, KEYED);
    expect(whole).toEqual({ kind: 'complete', distinct: 10_080, transitions: 41_792, diameter: 35 });
    expect(exploreUipi({ cfg, impl: undefined, ...KEYED })).toMatchObject(whole);
    const orbits = exploreUipi({ cfg, impl: undefined, ...KEYED, symmetry: true });
    expect(orbits).toMatchObject({ kind: 'complete', distinct: 5040 });
    expect(exploreUipi({ cfg, impl: undefined, symmetry: true }).distinct).toBe(4320);
  });

  it('refuses the owed masks keyed for a product (its credits grow without bound)', () => {
    const reference = findUipiImpl('reference');
    if (reference === undefined) throw new Error('no UIPI reference design');
    expect(() => uipiSpace(UIPI_SKYLOFT, reference, SEL, true, false, false)).toThrow(/model alone only/);
  });
});
