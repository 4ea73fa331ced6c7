/**
 * The published ATS-INTC QEMU model as a named implementation (spec/controller.md §7,
 * research/ats-intc.md §2.2, §4.1), expected to lose wakeups and IPC and to abort.
 */
import type { ControllerImpl } from '../device.ts';
import { LiteExecutor } from './liteExecutor.ts';

/** The `ats-intc-qemu` entry of the implementation registry. */
export const atsIntcQemu: ControllerImpl = {
  name: 'ats-intc-qemu',
  description:
    'Published ATS-INTC QEMU model: unbounded FIFOs, interrupts wake only process 0, IPC only logged, asserts abort.',
  expectedViolations: ['noLostWakeup', 'noLostIpcWakeup', 'offlineRetention', 'neverStalls'],
  create: (cfg) => new LiteExecutor(cfg),
};
