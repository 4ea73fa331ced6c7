/**
 * Exploration of the protocols: the manifest's fast entries (a changed count is a changed
 * semantics), the product with the reference finding exactly the model's states, the ghost data
 * in the key adding no state, the published designs' bugs found with the shortest counterexample
 * that replays through the runner, and the leads-to check able to fail.
 */
import { describe, expect, it } from 'vitest';
import { explorePreset } from '../../../engine/explore/explorePresets.ts';
import { findControllerImpl } from '../../../protocols/controller/designs/registry.ts';
import { exploreProtocol } from '../../../protocols/family/exploreProtocol.ts';
import { shortestCounterexample } from '../../../protocols/family/shortestCounterexample.ts';
import { readManifest, runManifestEntry } from '../../../protocols/manifest.ts';
import { findWakeupMutant } from '../../../protocols/wakeup/mutants/wakeupMutants.ts';

const tinyWakeup = explorePreset('wakeup', 'tiny');
const smallWakeup = explorePreset('wakeup', 'small');

describe('the exploration manifest', () => {
  const fast = readManifest().entries.filter((e) => e.test);
  it('has fast entries for every protocol', () => {
    expect(new Set(fast.map((e) => e.protocol))).toEqual(
      new Set(['controller', 'wakeup', 'syscall', 'uipi']),
    );
  });
  for (const e of fast) {
    it(`${e.protocol} ${e.preset} ${e.impl}: ${e.verdict}, ${e.distinctStates} states`, () => {
      expect(runManifestEntry(e)).toEqual(e);
    });
  }
  it('the product with the reference finds exactly the states of the model alone', () => {
    const count = (protocol: string, preset: string, impl: string) =>
      readManifest().entries.find((e) => e.protocol === protocol && e.preset === preset && e.impl === impl)
        ?.distinctStates;
    for (const p of ['controller', 'wakeup', 'syscall']) {
      expect(count(p, 'tiny', 'reference')).toBe(count(p, 'tiny', 'model'));
      expect(count(p, 'small', 'reference')).toBe(count(p, 'small', 'model'));
    }
  });
});

describe('exploring the wakeup protocol', () => {
  it('the ghost data in the key adds no state to the model (it is a function of the state there)', () => {
    if (tinyWakeup === undefined) throw new Error('no tiny preset');
    const all = exploreProtocol({ protocol: 'wakeup', impl: undefined, cfg: tinyWakeup, liveness: false });
    const none = exploreProtocol({ protocol: 'wakeup', impl: undefined, cfg: tinyWakeup, properties: [] });
    expect(all.kind).toBe('complete');
    expect(none.distinct).toBe(all.distinct);
  });

  it("finds ats-intc-qemu's lost wakeup with the BFS-shortest counterexample, which fails the same in runWakeup", () => {
    if (smallWakeup === undefined) throw new Error('no small preset');
    const r = exploreProtocol({
      protocol: 'wakeup',
      impl: findControllerImpl('ats-intc-qemu'),
      cfg: smallWakeup,
    });
    expect(r.kind).toBe('violation');
    if (r.kind !== 'violation') return;
    expect(r.violation.property).toBe('noLostWakeup');
    expect(r.reproduction.events.map((e) => e.type)).toEqual(['Irq', 'Irq']);
    expect(r.reproduction.run.ok).toBe(false);
  });

  it('the leads-to check fails for a runtime that forgets to re-register a handler, with the drain in the trace', () => {
    if (tinyWakeup === undefined) throw new Error('no tiny preset');
    const r = exploreProtocol({
      protocol: 'wakeup',
      impl: findWakeupMutant('skip-reregister'),
      cfg: tinyWakeup,
      properties: ['noLostWakeupEventually'],
    });
    expect(r).toMatchObject({ kind: 'violation', where: 'liveness' });
    if (r.kind !== 'violation' || r.reproduction.protocol !== 'wakeup') return;
    expect(r.violation.property).toBe('noLostWakeupEventually');
    expect(r.reproduction.run.recorded.some((s) => s.phase === 'drain')).toBe(true);
  });

  it('shortestCounterexample gives the length for the kill matrix, undefined for a correct design', () => {
    if (tinyWakeup === undefined) throw new Error('no tiny preset');
    expect(
      shortestCounterexample('controller', findControllerImpl('ats-intc-chisel'), tinyWakeup, 10_000),
    ).toBe(1);
    expect(shortestCounterexample('wakeup', undefined, tinyWakeup, 100_000)).toBeUndefined();
  });
});
