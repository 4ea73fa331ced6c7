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
  // Processes 0–3 are online from reset; pages ≥ 4 drop writes; P ≥ 8 and lines ≥ 16 abort QEMU.
  supports: { processes: 4, priorities: 8, devices: 16, refines: false },
  create: (cfg) => new LiteExecutor(cfg),
};
