/**
 * The wakeup mutant catalogue: the software runtime (impl/runtime) with one seeded bug each (a
 * {@link RuntimeMutation} switched on) over the reference controller, named as on the command
 * line, each with the §6 system properties expected to catch it. A wakeup mutant is a
 * {@link ControllerImpl} (its device is the reference design) that also names the runtime bug,
 * so that the wakeup runner (protocols/wakeup/engine/runWakeup.ts) builds the runtime with that switch on.
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { FULL_SUPPORT } from '../../controller/designs/device.ts';
import { ReferenceDevice } from '../../controller/designs/reference/referenceDevice.ts';
import { RUNTIME_MUTATIONS, type RuntimeMutation } from '../runtime/mutation.ts';

/** A wakeup mutant: the reference device, driven by a runtime with `runtimeMutation` switched on. */
export interface WakeupMutant extends ControllerImpl {
  readonly runtimeMutation: RuntimeMutation;
}

/** What the catalogue says about one mutation: one line of description, and who must catch it. */
interface MutantEntry {
  readonly description: string;
  readonly expected: readonly string[];
}

/** One entry per mutation; the record type makes a missing or extra mutation a compile error. */
const CATALOGUE: Readonly<Record<RuntimeMutation, MutantEntry>> = {
  'register-while-running': {
    description:
      'An interrupt handler writes its own IRQ_REGISTER from inside its poll, while its hart still runs it (breaks rule 3).',
    expected: ['noRegisterWhileRunning'],
  },
  'double-wake': {
    description:
      "A yielding task's waker fires twice: its return action writes ENQUEUE twice, so the task is in two places.",
    expected: ['taskInOnePlace'],
  },
  'skip-reregister': {
    description:
      'An interrupt handler finishes its poll without re-registering, so later interrupts on its line wake nobody.',
    expected: ['noLostWakeupEventually'],
  },
  'run-offline': {
    description:
      'The kernel puts a hart on a process without consulting the status table, so it runs an offline process.',
    expected: ['onlyOnlineRun'],
  },
  'yield-fast-path': {
    description:
      'A yielding task is polled again at once on its hart instead of going through ENQUEUE and DEQUEUE, so it runs while a higher priority is ready.',
    expected: ['boundedPriorityInversion'],
  },
};

/** The mutant for `mutation`: the reference device, run by the runtime with that one switch on. */
function mutant(mutation: RuntimeMutation, entry: MutantEntry): WakeupMutant {
  return {
    name: mutation,
    description: entry.description,
    expectedViolations: entry.expected,
    supports: FULL_SUPPORT,
    runtimeMutation: mutation,
    create: (cfg) => new ReferenceDevice(cfg),
  };
}

/** Every wakeup mutant, in catalogue order; names are unique and distinct from the controller mutants'. */
export const WAKEUP_MUTANTS: readonly WakeupMutant[] = RUNTIME_MUTATIONS.map((m) => mutant(m, CATALOGUE[m]));

/** The wakeup mutant called `name`, or undefined. */
export function findWakeupMutant(name: string): WakeupMutant | undefined {
  return WAKEUP_MUTANTS.find((m) => m.name === name);
}

/** True when `impl` is a wakeup mutant (it names a runtime bug, not only a device). */
export function isWakeupMutant(impl: ControllerImpl): impl is WakeupMutant {
  return 'runtimeMutation' in impl;
}
