/**
 * The syscall system model (spec/controller.md §4.2): processes, per-process request rings,
 * callers, service and reply dispatchers over the controller model; a pure step with named
 * guards and actions, the enabled events, a canonical state key, the §6 drain and the same
 * system as an XState statechart.
 */
export { emptyRing, initialSyscall, syscallBootWrites } from './boot.ts';
export {
  drainSyscall,
  drainSyscallSubject,
  type SyscallDrainOutcome,
  type SyscallDrainSubject,
} from './drain.ts';
export { candidateEvents, enabled } from './enabled.ts';
export * from './events.ts';
export * from './layout.ts';
export { agentRegion, type SyscallMachine, syscallMachine, syscallStatechartValue } from './machine.ts';
export type { SyscallContext } from './machineLogic.ts';
export { syscallQuiescent } from './quiescent.ts';
export * from './result.ts';
export * from './state.ts';
export { controllerKey, stateKey } from './stateKey.ts';
export { step } from './step.ts';
