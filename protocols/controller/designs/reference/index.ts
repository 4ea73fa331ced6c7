/**
 * The reference controller as a named implementation (spec/controller.md §3–§5): the design every
 * other implementation is measured against, expected to violate nothing.
 */
import type { ControllerImpl } from '../device.ts';
import { FULL_SUPPORT } from '../device.ts';
import { ReferenceDevice } from './referenceDevice.ts';

/** The `reference` entry of the implementation registry. */
export const referenceImpl: ControllerImpl = {
  name: 'reference',
  description: 'The reference design of spec/controller.md: bounded rings, pending counters, global ERROR.',
  expectedViolations: [],
  supports: FULL_SUPPORT,
  create: (cfg) => new ReferenceDevice(cfg),
};
