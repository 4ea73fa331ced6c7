/**
 * The UIPI leads-to check when the explorer keeps one node per orbit (`--symmetry`): the drain
 * (model/drain.ts) is not symmetric — it takes the first enabled event of a class in index order
 * and switches a receiver in on the lowest free CPU — so a node's drain may succeed where a
 * renamed member's fails. The check drains the node itself (its violations are reported as
 * usual: the node is a real state at its orbit's least depth), then every other member of its
 * orbit; one of those failing throws {@link OrbitDrainFails}, and exploreUipi answers with the
 * search without symmetry, whose first violation is the BFS-shortest one (a member need not be
 * reachable, and a path to it would not be the shortest). When every member succeeds, every
 * reachable state of the orbit does.
 */

import type { Violation } from '../../../engine/property.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiNode } from './uipiJudge.ts';
import { isIdentityRenaming, renameUipiNode, uipiRenamings } from './uipiRenaming.ts';

/** A member of an explored node's orbit, other than the node, fails its leads-to check. */
export class OrbitDrainFails extends Error {
  constructor(readonly violations: readonly Violation[]) {
    super(
      `UIPI symmetry: a renamed member of an explored state fails ${violations[0]?.property ?? 'its drain'}`,
    );
  }
}

/** The leads-to check `drain` of every member of a node's orbit (see above); `key` tells members apart. */
export function orbitDrain(
  cfg: UipiConfig,
  drain: (n: UipiNode) => readonly Violation[] | null,
  key: (n: UipiNode) => string,
): (n: UipiNode) => readonly Violation[] | null {
  const others = uipiRenamings(cfg).filter((g) => !isIdentityRenaming(g));
  return (n) => {
    const own = drain(n);
    if (own !== null || others.length === 0) return own;
    const done = new Set([key(n)]);
    for (const g of others) {
      const m = renameUipiNode(n, g);
      const k = key(m);
      if (done.has(k)) continue;
      done.add(k);
      const vs = drain(m);
      if (vs !== null) throw new OrbitDrainFails(vs);
    }
    return null;
  };
}
