/**
 * The controller mutant catalogue: the reference design with one seeded bug each (a
 * {@link ControllerMutation} switched on), named as on the command line, each with the §6
 * properties expected to catch it. The classic queue bugs of research/uintr-syscall.md §5 (Q1,
 * Q2, Q5, N10, N11) are here, plus the counter, wake and decoder slips a hardware designer makes.
 */
import type { ControllerImpl } from '../designs/device.ts';
import { FULL_SUPPORT } from '../designs/device.ts';
import { ReferenceDevice } from '../designs/reference/referenceDevice.ts';
import { CONTROLLER_MUTATIONS, type ControllerMutation } from './mutation.ts';

/** A mutant: a registered implementation that is the reference with `mutation` switched on. */
export interface ControllerMutant extends ControllerImpl {
  readonly mutation: ControllerMutation;
}

/** What the catalogue says about one mutation: one line of description, and who must catch it. */
interface MutantEntry {
  readonly description: string;
  readonly expected: readonly string[];
}

/** One entry per mutation; the record type makes a missing or extra mutation a compile error. */
const CATALOGUE: Readonly<Record<ControllerMutation, MutantEntry>> = {
  'lifo-within-priority': {
    description: 'Q2: ENQUEUE_k inserts at the head of ready[p][k], so one priority is served newest first.',
    expected: ['fifoWithinPriority'],
  },
  'dequeue-lower-priority': {
    description:
      'Q1: the DEQUEUE priority encoder scans from priority P-1 down, serving a lower priority first.',
    expected: ['strictPriority'],
  },
  'full-drops-silently': {
    description: 'Q5: a write to a full process is acknowledged and dropped without setting QUEUE_FULL.',
    expected: ['taskConservation', 'errorReporting'],
  },
  'capacity-off-by-one': {
    description:
      'The capacity check compares occupancy > C instead of ≥ C, so a process accepts C + 1 tasks.',
    expected: ['capacityBound', 'errorReporting'],
  },
  'occupancy-leak': {
    description:
      'DEQUEUE forgets to decrement the occupancy counter, so a process is refused below capacity.',
    expected: ['capacityBound', 'errorReporting'],
  },
  'wake-wrong-priority': {
    description: 'A woken task (interrupt, send or consumed pending count) enters priority 1 instead of 0.',
    expected: ['wakePriority'],
  },
  'wake-wrong-process': {
    description:
      "A device wake goes to process 0's priority 0 (as in the QEMU model), not to the registrant's.",
    expected: ['wakePriority', 'processIsolation'],
  },
  'register-ignores-pending': {
    description: 'IRQ_REGISTER waits even when irqPending > 0, so a counted interrupt never wakes it.',
    expected: ['noLostWakeup'],
  },
  'ipc-register-ignores-pending': {
    description: 'IPC_REGISTER waits even when a send is pending: sends are counted but never consumed.',
    expected: ['noLostWakeup'],
  },
  'pending-not-decremented': {
    description:
      'IRQ_REGISTER consumes a pending interrupt without decrementing it, so one interrupt wakes many.',
    expected: ['noSpuriousWakeup'],
  },
  'pending-saturates-silently': {
    description: 'An interrupt that finds irqPending at Q is lost without setting PENDING_OVERFLOW.',
    expected: ['errorReporting', 'noLostWakeup'],
  },
  'pending-latch': {
    description: 'irqPending is a latch, not a counter: a second unclaimed interrupt is lost silently.',
    expected: ['noLostWakeup'],
  },
  'waiters-out-of-order': {
    description: 'An interrupt wakes the newest waiter of its line instead of the oldest.',
    expected: ['fifoWaiters'],
  },
  'interrupt-wakes-all': {
    description: 'One interrupt edge wakes every waiter of its line (a thundering herd), not just the head.',
    expected: ['noLostWakeup', 'noSpuriousWakeup'],
  },
  'error-not-cleared': {
    description: 'A read of ERROR returns the bits but does not clear them.',
    expected: ['errorReporting'],
  },
  'zero-task-accepted': {
    description:
      'Task id 0 written to ENQUEUE, IRQ_REGISTER or IPC_REGISTER is accepted instead of BAD_ACCESS.',
    expected: ['taskConservation', 'errorReporting'],
  },
  'priority-index-wraps': {
    description: 'ENQUEUE_k with k ≥ P is not flagged: the decoder keeps k mod P and enqueues there.',
    expected: ['taskConservation', 'errorReporting'],
  },
  'ipc-send-dropped': {
    description:
      'N10 (TAIC): an IPC_SEND that finds no handler waiting is dropped, neither counted nor reported.',
    expected: ['noLostWakeup'],
  },
  'send-uses-sender-page': {
    description: 'IPC_SEND wakes or counts on the sending page instead of the target process q in its data.',
    expected: ['noLostWakeup'],
  },
  'offline-drops': {
    description: 'N11: ENQUEUE and registrations on an offline process page are acknowledged and dropped.',
    expected: ['taskConservation', 'capacityBound'],
  },
  'dequeue-wrong-process': {
    description: 'DEQUEUE on page p serves process (p + 1) mod N (a page-index slip in the read path).',
    expected: ['processIsolation', 'emptyMeansEmpty', 'fifoWithinPriority', 'strictPriority'],
  },
  'empty-returns-stale': {
    description: 'DEQUEUE on an empty process returns the last value DEQUEUE returned instead of 0.',
    expected: ['taskConservation', 'processIsolation'],
  },
  'read-only-write-accepted': {
    description:
      'A write to a read-only register (DEQUEUE or ERROR) is acknowledged and ignored instead of flagged BAD_ACCESS.',
    expected: ['errorReporting'],
  },
  'pending-drained-not-consumed': {
    description:
      'IRQ_REGISTER drains a counted interrupt (irqPending − 1) but parks the registrant anyway: the interrupt that raced the drain never wakes it.',
    expected: ['noLostWakeup'],
  },
};

/** The mutant for `mutation`: the reference device created with that one switch on. */
function mutant(mutation: ControllerMutation, entry: MutantEntry): ControllerMutant {
  return {
    name: mutation,
    description: entry.description,
    expectedViolations: entry.expected,
    supports: FULL_SUPPORT,
    mutation,
    create: (cfg) => new ReferenceDevice(cfg, mutation),
  };
}

/** Every controller mutant, in catalogue order; names are unique and distinct from the designs'. */
export const CONTROLLER_MUTANTS: readonly ControllerMutant[] = CONTROLLER_MUTATIONS.map((m) =>
  mutant(m, CATALOGUE[m]),
);

/** The mutant called `name`, or undefined. */
export function findMutant(name: string): ControllerMutant | undefined {
  return CONTROLLER_MUTANTS.find((m) => m.name === name);
}
