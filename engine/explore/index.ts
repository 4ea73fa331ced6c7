/**
 * Exhaustive bounded exploration (issue 6): the generic BFS explorer, the protocol adapters
 * (state spaces), and the entry points the command line, the benches and the kill matrix use.
 */
export { controllerSpace } from '../../protocols/controller/engine/controllerSpace.ts';
export {
  EXPLORE_PROTOCOLS,
  type ExploreProtocol,
  type ExploreReport,
  type ExploreRequest,
  exploredConfig,
  exploreProtocol,
} from '../../protocols/exploreProtocol.ts';
export { wakeupSpace } from '../../protocols/wakeup/engine/wakeupSpace.ts';
export { type ExploreOptions, type ExploreOutcome, type ExploreStats, explore } from './explore.ts';
export { EXPLORE_PRESETS, explorePreset } from './explorePresets.ts';
export { KeyBuilder } from './keyBuilder.ts';
export { shortestCounterexample } from './shortestCounterexample.ts';
export { snapshot } from './snapshot.ts';
export type { StateBounds } from './stateBounds.ts';
export type { StateSpace, Transition } from './stateSpace.ts';
