/**
 * The orbit key of the syscall model alone (protocols/syscall/engine/syscallOrbitKey.ts), a
 * re-encoding of the explorer's key of a renamed node: on every reachable node and every renaming
 * of the symmetry group (dispatchers and ring rotations), it is the key of the renamed node built
 * as an object; and two nodes have the same orbit key exactly when they have the same explorer key.
 */
import { describe, expect, it } from 'vitest';
import { explorePreset } from '../../../../engine/explore/explorePresets.ts';
import type { Config } from '../../../../protocols/controller/model/config/config.ts';
import { syscallOrbitKey } from '../../../../protocols/syscall/engine/syscallOrbitKey.ts';
import { syscallSpace } from '../../../../protocols/syscall/engine/syscallSpace.ts';
import {
  renameSyscallOrbitMember,
  syscallSymmetryGroup,
} from '../../../../protocols/syscall/engine/syscallSymmetry.ts';
import {
  defaultSyscallPropertyIds,
  selectSyscallProperties,
} from '../../../../protocols/syscall/properties/selection.ts';
import { reachableSyscallNodes } from '../../../support/reachableSyscallNodes.ts';
import { ROTATING_DISPATCHERS, TWO_CALLERS, TWO_DISPATCHERS } from '../../../support/syscallConfigs.ts';

const SEL = selectSyscallProperties(defaultSyscallPropertyIds(undefined), undefined);
const STEPS = { ...SEL, liveness: [] };

function small(): Config {
  const cfg = explorePreset('syscall', 'small');
  if (cfg === undefined) throw new Error('no syscall small preset');
  return cfg;
}

describe('syscall orbit key', () => {
  it.each([
    ['small', small(), Number.POSITIVE_INFINITY, 12_184],
    ['two dispatchers', TWO_DISPATCHERS, Number.POSITIVE_INFINITY, 15_812],
    ['two callers', TWO_CALLERS, 20_000, -1],
    ['two dispatchers on two slots', ROTATING_DISPATCHERS, 15_000, -1],
  ])(
    'is the key of the renamed node, and merges exactly what the explorer key merges (%s)',
    (_, cfg, limit, count) => {
      const space = syscallSpace(cfg, undefined, STEPS);
      const group = syscallSymmetryGroup(cfg, true);
      const orbitKey = syscallOrbitKey(cfg, STEPS.controller.length > 0);
      const identity = group.perms[0] ?? [];
      const noShift = group.shifts[0] ?? [];
      const nodes = reachableSyscallNodes(cfg, STEPS, limit);
      if (count >= 0) expect(nodes.length).toBe(count);
      const spaceOf = new Map<string, string>();
      const orbitOf = new Map<string, string>();
      const bad: string[] = [];
      for (const n of nodes) {
        for (let g = 0; g < group.perms.length; g++) {
          const m = renameSyscallOrbitMember(cfg, group, n, g);
          const direct = orbitKey(n, group.perms[g] ?? [], group.shifts[g] ?? []);
          const built = orbitKey(m, identity, noShift);
          if (direct !== built) bad.push(`renaming ${g}: the orbit key differs from the renamed node's`);
          const key = space.key(m);
          if ((spaceOf.get(built) ?? key) !== key) bad.push('the orbit key merges two states');
          if ((orbitOf.get(key) ?? built) !== built) bad.push('the orbit key splits one state');
          spaceOf.set(built, key);
          orbitOf.set(key, built);
        }
        if (bad.length > 3) break;
      }
      expect(bad).toEqual([]);
      expect(spaceOf.size).toBe(orbitOf.size);
    },
  );
});
