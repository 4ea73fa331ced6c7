/**
 * The syscall mutant catalogue (research/uintr-syscall.md §5, N1–N13): the syscall runtime
 * (impl/syscall) with one seeded bug switched on over the reference controller, or the reference
 * runtime over a controller that drops sends (N10, N11), each named as on the command line with
 * the §6 properties expected to catch it. A syscall mutant is a {@link ControllerImpl} (its
 * device) that may also name the runtime bug, so that the syscall runner builds the runtime with
 * that switch on.
 */
import type { ControllerImpl } from '../../controller/designs/device.ts';
import { FULL_SUPPORT } from '../../controller/designs/device.ts';
import { ReferenceDevice } from '../../controller/designs/reference/referenceDevice.ts';
import { SYSCALL_RUNTIME_MUTATIONS, type SyscallRuntimeMutation } from '../runtime/mutation.ts';
import { OfflineDropDevice } from '../runtime/offlineDropDevice.ts';

/** A syscall mutant: a device, driven by a runtime with `syscallMutation` switched on (if any). */
export interface SyscallMutant extends ControllerImpl {
  readonly protocol: 'syscall';
  readonly syscallMutation: SyscallRuntimeMutation | undefined;
}

interface Entry {
  readonly description: string;
  readonly expected: readonly string[];
}

const RUNTIME: Readonly<Record<SyscallRuntimeMutation, Entry>> = {
  'publish-after-signal': {
    description:
      'N1/N3: the caller sends its IPC before marking its slot SUBMITTED (the payload is not published).',
    expected: ['publishBeforeSignal'],
  },
  'park-without-register': {
    description: "N2: a dispatcher's return action does not write IPC_REGISTER, so later sends wake nobody.",
    expected: ['noLostIpcWakeup', 'everyRequestAnswered'],
  },
  'overwrite-slot': {
    description: 'N4: the producer writes the tail slot without checking that the ring has room.',
    expected: ['boundedRing', 'requestConservation'],
  },
  'reply-to-queue-head': {
    description:
      'N7: the reply dispatcher wakes the longest-awaiting caller instead of the one whose request is DONE.',
    expected: ['replyRouting'],
  },
  'kernel-frees-slot': {
    description:
      'N8: the dispatcher frees the slot (DONE → FREE) when it replies, before the caller read the result.',
    expected: ['requestConservation'],
  },
  'take-without-cas': {
    description:
      'N9: a dispatcher reads a SUBMITTED slot, then writes TAKEN blindly: two dispatchers take one slot.',
    expected: ['singleConsumer', 'exactlyOnceReply'],
  },
  'ring-no-wraparound': {
    description:
      'N12: occupancy computed as tail mod R − head mod R, so a full ring looks empty and is overwritten.',
    expected: ['boundedRing', 'requestConservation'],
  },
  'one-request-per-wake': {
    description:
      'N13: a dispatcher takes one request per wake, then parks; harmful only when sends coalesce (R·(N−1) > Q).',
    expected: ['noLostIpcWakeup', 'everyRequestAnswered'],
  },
};

function runtimeMutant(m: SyscallRuntimeMutation): SyscallMutant {
  return {
    name: m,
    description: RUNTIME[m].description,
    expectedViolations: RUNTIME[m].expected,
    supports: FULL_SUPPORT,
    protocol: 'syscall',
    syscallMutation: m,
    create: (cfg) => new ReferenceDevice(cfg),
  };
}

/** The controller-side mutants of the syscall protocol (the reference runtime over a broken device). */
const DEVICE_MUTANTS: readonly SyscallMutant[] = [
  {
    name: 'send-no-handler-dropped',
    description: 'N10 (TAIC): an IPC_SEND that finds no handler registered is dropped, not counted.',
    expectedViolations: ['noLostWakeup', 'noLostIpcWakeup', 'everyRequestAnswered'],
    supports: FULL_SUPPORT,
    protocol: 'syscall',
    syscallMutation: undefined,
    create: (cfg) => new ReferenceDevice(cfg, 'ipc-send-dropped'),
  },
  {
    name: 'send-offline-dropped',
    description: 'N11: an IPC_SEND to an offline process is acknowledged and dropped.',
    expectedViolations: ['offlineRetention', 'noLostWakeup', 'noLostIpcWakeup'],
    supports: FULL_SUPPORT,
    protocol: 'syscall',
    syscallMutation: undefined,
    create: (cfg) => new OfflineDropDevice(cfg),
  },
];

/** Every syscall mutant, in catalogue order (N1 … N13); names are distinct from every other implementation's. */
export const SYSCALL_MUTANTS: readonly SyscallMutant[] = [
  ...SYSCALL_RUNTIME_MUTATIONS.slice(0, 6).map(runtimeMutant),
  ...DEVICE_MUTANTS,
  ...SYSCALL_RUNTIME_MUTATIONS.slice(6).map(runtimeMutant),
];

/** The syscall mutant called `name`, or undefined. */
export function findSyscallMutant(name: string): SyscallMutant | undefined {
  return SYSCALL_MUTANTS.find((m) => m.name === name);
}

/** True when `impl` is a syscall mutant. */
export function isSyscallMutant(impl: ControllerImpl): impl is SyscallMutant {
  return 'protocol' in impl && impl.protocol === 'syscall';
}
