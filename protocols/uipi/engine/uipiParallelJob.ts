/**
 * The UIPI model alone on the parallel search (`intcheck explore --protocol uipi --no-covering
 * --workers N`, engine/explore/parallel/): what a worker is given, and the keyed space it rebuilds
 * from it, the one the sequential object engine searches with `covering: false`.
 *
 * Only the keyed space: with the covering measure a node is admitted or not by the nodes of its
 * key found before it, an order a level's workers do not keep. Keyed, admission is membership of
 * the key (the abstract state, the undo-CLUI flags, the owed masks), and the rest of a node, its
 * credits, changes nothing the search does: the model's `enabled` and `step`, the successors' keys
 * and the drain never read them, and the one verdict that does (uipiNoFabrication, a Deliver
 * finding no credit) cannot fail on the model alone, whose slack (credit minus pending copies)
 * never falls — checked on every explored transition, from its states and event alone
 * (uipiGhostMeasure.ts). So whichever node of a key a level admits first, the search is the same.
 */
import type { DrainStore } from '../../../engine/explore/drainStore.ts';
import type { StateSpace } from '../../../engine/explore/stateSpace.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { selectUipi } from '../properties/selection.ts';
import { type UipiNode, uipiSpace } from './uipiSpace.ts';

/** What a worker of the parallel search is given to rebuild the UIPI model's keyed space (structured-cloned; protocol.ts's ParallelJob). */
export interface UipiParallelJob {
  readonly protocol: 'uipi';
  readonly cfg: UipiConfig;
  readonly properties: readonly string[] | undefined;
  readonly liveness: boolean;
  /** Never by orbits: a renamed member failing its drain sends the sequential search back to the full space. */
  readonly symmetry: false;
}

/**
 * The keyed state space of the UIPI model alone the job names (uipiSpace's, covering false), its
 * drain memo kept in `drains` (the parallel search's workers share one: sharedDrainStore.ts).
 */
export function uipiParallelSpace(
  job: UipiParallelJob,
  drains?: DrainStore,
): StateSpace<UipiNode, UipiEvent> {
  return uipiSpace(job.cfg, undefined, selectUipi(job.properties, undefined), true, false, false, drains);
}
