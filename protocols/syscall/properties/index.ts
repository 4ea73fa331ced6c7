/**
 * The syscall protocol's properties (spec/controller.md §6 "IPC and system calls"), in the order
 * a failing step reports them, refinement last; and the bounded-liveness property judged after
 * the drain. The controller-step properties are also evaluated on every access the system makes.
 */
import { boundedRing } from './boundedRing.ts';
import type { SyscallLivenessProperty, SyscallStepProperty } from './context.ts';
import { everyRequestAnswered } from './everyRequestAnswered.ts';
import { exactlyOnceReply } from './exactlyOnceReply.ts';
import { noLostIpcWakeup } from './noLostIpcWakeup.ts';
import { syscallNoRegisterWhileRunning } from './noRegisterWhileRunning.ts';
import { offlineRetention } from './offlineRetention.ts';
import { publishBeforeSignal } from './publishBeforeSignal.ts';
import { replyRouting } from './replyRouting.ts';
import { requestConservation } from './requestConservation.ts';
import { singleConsumer } from './singleConsumer.ts';
import { syscallRefinement } from './syscallRefinement.ts';

export const SYSCALL_STEP_PROPERTIES: readonly SyscallStepProperty[] = [
  exactlyOnceReply,
  replyRouting,
  requestConservation,
  boundedRing,
  noLostIpcWakeup,
  singleConsumer,
  publishBeforeSignal,
  offlineRetention,
  syscallNoRegisterWhileRunning,
  syscallRefinement,
];

export const SYSCALL_LIVENESS_PROPERTIES: readonly SyscallLivenessProperty[] = [everyRequestAnswered];

export const SYSCALL_PROPERTIES: readonly (SyscallStepProperty | SyscallLivenessProperty)[] = [
  ...SYSCALL_STEP_PROPERTIES,
  ...SYSCALL_LIVENESS_PROPERTIES,
];
