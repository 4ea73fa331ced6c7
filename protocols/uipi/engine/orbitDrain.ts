/**
 * The UIPI leads-to check when the explorer keeps one node per orbit (`--symmetry`): the drain
 * (model/drain.ts) is not symmetric — it takes the first enabled event of a class in index order
 * and switches a receiver in on the lowest free CPU — so a node's drain may succeed where a
 * renamed member's fails. engine/explore/orbitDrain.ts drains every member of the node's orbit
 * (the renamings of the CPUs and senders, uipiRenaming.ts); a renamed member failing makes
 * exploreUipi answer with the search without symmetry.
 */

import { orbitDrain } from '../../../engine/explore/orbitDrain.ts';
import type { Violation } from '../../../engine/property.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiNode } from './uipiJudge.ts';
import { isIdentityRenaming, renameUipiNode, uipiRenamings } from './uipiRenaming.ts';

/** The leads-to check `drain` of every member of a node's orbit; `key` tells members apart. */
export function uipiOrbitDrain(
  cfg: UipiConfig,
  drain: (n: UipiNode) => readonly Violation[] | null,
  key: (n: UipiNode) => string,
): (n: UipiNode) => readonly Violation[] | null {
  const others = uipiRenamings(cfg)
    .filter((g) => !isIdentityRenaming(g))
    .map((g) => (n: UipiNode) => renameUipiNode(n, g));
  return orbitDrain(others, drain, key);
}
