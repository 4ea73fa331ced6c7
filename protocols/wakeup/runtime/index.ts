/**
 * The executable software runtime of the wakeup system (executors, coroutines, a tiny kernel)
 * over any controller device, with `abs()` onto the model's system state.
 */
export { type Bus, type BusAccess, deviceBus, failed } from './bus.ts';
export { Coroutine, type ReturnAction } from './coroutine.ts';
export { Executor, type ExecutorStep } from './executor.ts';
export { Kernel } from './kernel.ts';
export { RUNTIME_MUTATIONS, type RuntimeMutation } from './mutation.ts';
export { runtimeEnabled } from './runtimeEnabled.ts';
export { type RuntimeStepResult, SoftwareRuntime } from './softwareRuntime.ts';
