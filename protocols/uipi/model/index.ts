/**
 * The UIPI model (spec/uipi.md): its configuration, events, state, pure `step` with named guards
 * and actions, the finite set of enabled events, the fair drain, a canonical state key, and the
 * same rules as an XState statechart.
 */
export * from './config.ts';
export { drainUipi, type UipiDrainOutcome, type UipiDrainSubject } from './drain.ts';
export { enabled, ipiEvent, uipiEventTable } from './enabled.ts';
export * from './events.ts';
export { loadUipiConfig, parseUipiConfig, uipiConfigToJson } from './loadUipiConfig.ts';
export { receiverRegion, type UipiMachine, uipiMachine, uipiStatechartValue } from './machine.ts';
export type { UipiContext } from './machineLogic.ts';
export * from './result.ts';
export * from './state.ts';
export { stateKey } from './stateKey.ts';
export { rejection, step } from './step.ts';
