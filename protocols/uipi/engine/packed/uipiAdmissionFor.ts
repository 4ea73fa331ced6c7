/** Chooses the packed UIPI engine's admission (uipiAdmission.ts) for a search's configuration. */
import { FieldKeyPacker } from '../../../../engine/explore/packed/fieldKeyPacker.ts';
import { coveringAdmission } from './coveringAdmission.ts';
import { keyedAdmission, uipiKeyedMasks } from './keyedAdmission.ts';
import { oneWordAdmission } from './oneWordAdmission.ts';
import type { UipiAdmission } from './uipiAdmission.ts';
import type { UipiPackedLayout } from './uipiPackedLayout.ts';
import type { UipiPackedNodes } from './uipiPackedNodes.ts';

/**
 * The admission numbering `nodes` on layout `L`: by covering, else keyed — in one word where the
 * key and the owed masks fit 32 bits. `owedUnkeyed` (keyed, tests only): receiver 0's owed mask
 * left out of the key.
 */
export function uipiAdmissionFor(
  L: UipiPackedLayout,
  nodes: UipiPackedNodes,
  covering: boolean,
  owedUnkeyed: boolean,
): UipiAdmission {
  if (covering) return coveringAdmission(L, nodes);
  // per receiver, the owed bits keyed: all (tests: receiver 0's none, a wrong key)
  const kept = new Int32Array(L.receivers).fill(-1);
  if (owedUnkeyed) kept[0] = 0;
  return FieldKeyPacker.bitsOf(uipiKeyedMasks(L)) <= 32
    ? oneWordAdmission(L, nodes, kept)
    : keyedAdmission(L, nodes, kept);
}
