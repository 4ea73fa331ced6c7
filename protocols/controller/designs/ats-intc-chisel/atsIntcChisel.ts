/**
 * The published ATS-INTC RTL (upstream ats-intc-chisel, spec/controller.md §7) as a named
 * implementation: AtsIntcChiselDevice and the storms it supports.
 */
import { findingProperties } from '../../../../model/finding.ts';
import type { ControllerImpl } from '../device.ts';
import { AtsIntcChiselDevice } from './atsIntcChiselDevice.ts';
import { ATS_INTC_CHISEL_FINDINGS } from './findings.ts';

/** The `ats-intc-chisel` entry of the implementation registry. */
export const atsIntcChisel: ControllerImpl = {
  name: 'ats-intc-chisel',
  description:
    'Published ATS-INTC RTL: page 0 only, one shift array with index blocks (loses, duplicates and reorders at its bounds), gated waiter queues that lose interrupts, a full waiter queue holds the bus.',
  // Every property that reports one of its findings (findings.ts).
  expectedViolations: findingProperties(ATS_INTC_CHISEL_FINDINGS),
  findings: ATS_INTC_CHISEL_FINDINGS,
  // Process 0's page only (ATSINTC.scala:82-97); the RTL is elaborated with the configuration's
  // P and D, so every priority and line of the configuration exists.
  supports: {
    processes: 1,
    priorities: Number.POSITIVE_INFINITY,
    devices: Number.POSITIVE_INFINITY,
    refines: false,
  },
  create: (cfg) => new AtsIntcChiselDevice(cfg),
};
