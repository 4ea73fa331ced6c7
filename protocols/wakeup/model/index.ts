/**
 * The wakeup system model: the controller composed with H harts running executor loops, D
 * devices and a tiny kernel, as a pure step (with named guards and actions, effects as data), the
 * finite set of enabled events, the §6 drain, and the same system as an XState statechart.
 */
export { BOOT_HART, bootWrites, handlerCount, handlerTask, initialSystem } from './boot.ts';
export {
  type DrainApplied,
  type DrainOutcome,
  type DrainResult,
  type DrainSubject,
  drain,
  drainSubject,
} from './drain.ts';
export { enabled } from './enabled.ts';
export * from './events.ts';
export { statechartValue, type WakeupMachine, wakeupMachine } from './machine.ts';
export type { SystemContext } from './machineLogic.ts';
export { quiescent } from './quiescent.ts';
export {
  type Accepted,
  type Rejected,
  type RejectReason,
  rejected,
  type SystemStepResult,
} from './result.ts';
export * from './state.ts';
export { step } from './step.ts';
