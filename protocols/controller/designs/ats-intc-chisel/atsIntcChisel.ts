/**
 * The published ATS-INTC Chisel design as a named implementation (spec/controller.md §7,
 * research/ats-intc.md §2.3, §4.1), expected to lose wakeups behind its gateway and to stall.
 */
import type { ControllerImpl } from '../device.ts';
import { AtsIntcChiselDevice } from './atsIntcChiselDevice.ts';

/** The `ats-intc-chisel` entry of the implementation registry. */
export const atsIntcChisel: ControllerImpl = {
  name: 'ats-intc-chisel',
  description:
    'Published ATS-INTC Chisel design: page 0 only, one sorted array, gated device queues, stalls when full.',
  expectedViolations: ['noLostWakeup', 'neverStalls'],
  // Process 0's page only.
  supports: {
    processes: 1,
    priorities: Number.POSITIVE_INFINITY,
    devices: Number.POSITIVE_INFINITY,
    refines: false,
  },
  create: (cfg) => new AtsIntcChiselDevice(cfg),
};
