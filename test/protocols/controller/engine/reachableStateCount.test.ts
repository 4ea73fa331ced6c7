/**
 * The counted size of the controller model's state space (protocols/controller/engine/
 * reachableStateCount.ts) against complete searches: the manifest's presets, and configurations
 * that vary every parameter — more task ids, deeper FIFOs and counters, a larger capacity, three
 * processes — with WAIT_FULL reachable and not. Then the spec's `small`, which no search finishes.
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../../../../engine/explore/explore.ts';
import { controllerSpace } from '../../../../protocols/controller/engine/controllerSpace.ts';
import { reachableStateCount } from '../../../../protocols/controller/engine/reachableStateCount.ts';
import { type Config, SMALL } from '../../../../protocols/controller/model/config/config.ts';
import {
  defaultControllerPropertyIds,
  selectControllerProperties,
} from '../../../../protocols/controller/properties/selection.ts';
import { readManifest } from '../../../../protocols/manifest.ts';
import { presetOf } from '../../../support/presetOf.ts';

const preset = (name: string): Config => presetOf('controller', name);

const PROPS = selectControllerProperties(defaultControllerPropertyIds(undefined));

/** The states a complete search of the model alone on `cfg` finds. */
function searched(cfg: Config): number {
  const r = explore(controllerSpace(cfg, undefined, PROPS));
  if (r.kind !== 'complete') throw new Error(`the search of ${JSON.stringify(cfg)} did not complete`);
  return r.distinct;
}

describe('reachableStateCount', () => {
  it.each(['tiny', 'small', 'lines'])("counts the manifest's %s preset exactly", (name) => {
    const entry = readManifest().entries.find(
      (e) => e.protocol === 'controller' && e.preset === name && e.impl === 'model' && e.symmetry !== true,
    );
    expect(entry?.verdict).toBe('complete');
    expect(reachableStateCount(preset(name))).toBe(BigInt(entry?.distinctStates ?? -1));
  });

  it.each([
    ['two task ids', { ...preset('tiny'), taskPool: 2 }, 12_288],
    [
      'wait depth and pending 2: WAIT_FULL unreachable',
      { ...preset('tiny'), waitDepth: 2, pendingMax: 2 },
      6_624,
    ],
    ['one process, capacity 2, two task ids', { ...preset('lines'), capacity: 2, taskPool: 2 }, 12_800],
  ])('counts what a complete search finds (%s)', (_, cfg, states) => {
    expect(searched(cfg)).toBe(states);
    expect(reachableStateCount(cfg)).toBe(BigInt(states));
  });

  it("gives the spec's small: some 10^10 states", () => {
    expect(reachableStateCount(SMALL)).toBe(10_898_794_944n);
  });
});
