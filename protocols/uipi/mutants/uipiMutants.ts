/**
 * The UIPI mutant catalogue (research/uintr-syscall.md §5): the instruction-level implementation
 * with one seeded bug each (a {@link UipiMutation} switched on), named as on the command line,
 * with its research id and the properties expected to catch it. The Skyloft mutant (M23) is
 * meant for the Skyloft configuration.
 */
import type { UipiImpl } from '../designs/reference/uipiImpl.ts';
import { UipiMachine } from '../designs/reference/uipiMachine.ts';
import { UIPI_MUTATIONS, type UipiMutation } from '../designs/reference/uipiMutation.ts';

/** A UIPI mutant: the reference machine with `mutation` switched on. */
export interface UipiMutant extends UipiImpl {
  readonly mutation: UipiMutation;
  /** The mutation's number in research §5 (M1–M23). */
  readonly research: string;
}

interface Entry {
  readonly research: string;
  readonly description: string;
  readonly expected: readonly string[];
  readonly preset?: string;
}

/** One entry per mutation; the record type makes a missing or extra one a compile error. */
const CATALOGUE: Readonly<Record<UipiMutation, Entry>> = {
  'senduipi-split': {
    research: 'M1',
    description: 'SENDUIPI split into a locked "set PIR" and a later, separate "test-and-set ON, notify".',
    expected: ['uipiNotificationDiscipline', 'uipiNoStrandedPost', 'uipiEventuallyDelivered'],
  },
  'senduipi-ignores-sn': {
    research: 'M2',
    description: 'SENDUIPI ignores SN and notifies a suppressed (switched-out) receiver.',
    expected: ['uipiNotificationDiscipline'],
  },
  'senduipi-never-sets-on': {
    research: 'M3',
    description: 'SENDUIPI notifies but never sets ON, so every send is another notification.',
    expected: ['uipiNotificationDiscipline'],
  },
  'senduipi-forgets-pir': {
    research: 'M4',
    description: 'SENDUIPI sets ON and notifies but forgets to set the PIR bit.',
    expected: ['uipiNoLoss'],
  },
  'drain-before-clear-on': {
    research: 'M5',
    description: 'Notification processing swaps PIR out before clearing ON.',
    // Between its two steps ON is still 1 with the notification that set it consumed: a stuck ON (U3).
    expected: ['uipiNoStrandedPost', 'uipiNoStuckOn', 'uipiEventuallyDelivered'],
  },
  'processing-keeps-on': {
    research: 'M6',
    description: 'Notification processing never clears ON, so later sends are suppressed for good.',
    expected: ['uipiNoStuckOn', 'uipiEventuallyDelivered'], // research §5: U3, UL1
  },
  'uirr-assigned': {
    research: 'M7',
    description: 'Notification processing assigns UIRR := PIR instead of ORing.',
    expected: ['uipiNoLoss'],
  },
  'pir-read-then-clear': {
    research: 'M8',
    description: 'PIR is read at "clear ON" and zeroed later, as two steps instead of one locked exchange.',
    expected: ['uipiNoLoss'],
  },
  'deliver-lowest': {
    research: 'M9',
    description: 'Delivery picks the lowest pending vector instead of the highest.',
    expected: ['uipiPriority'],
  },
  'deliver-keeps-uif': {
    research: 'M10',
    description: 'Delivery leaves UIF = 1 (handlers can nest).',
    expected: ['uipiMasking'],
  },
  'deliver-keeps-uirr': {
    research: 'M11',
    description: 'Delivery does not clear the delivered vector’s UIRR bit (duplicate deliveries).',
    expected: ['uipiNoFabrication'],
  },
  'uiret-keeps-uif-clear': {
    research: 'M12',
    description: 'UIRET does not set UIF, so nothing is delivered after the first handler.',
    expected: ['uipiEventuallyDelivered'],
  },
  'switch-out-no-sn': {
    research: 'M13',
    description: 'Switch-out does not set SN: senders keep notifying a thread that is off-CPU.',
    expected: ['uipiSuppressedWhileOff', 'uipiRouting'],
  },
  'switch-in-no-pir-check': {
    research: 'M14',
    description: 'Switch-in clears SN but never checks PIR, stranding bits posted while suppressed.',
    // Nor ON: a notification dropped while it was off leaves ON stuck at user level (U3).
    expected: ['uipiNoStrandedPost', 'uipiNoStuckOn', 'uipiEventuallyDelivered'],
  },
  'switch-in-pir-check-first': {
    research: 'M15',
    description: 'Switch-in checks PIR before clearing SN, so a send in between is stranded.',
    // Its check reads PIR only, not the repaired rule's ON: a stale ON stays stuck (U3).
    expected: ['uipiNoStrandedPost', 'uipiNoStuckOn', 'uipiEventuallyDelivered'],
  },
  'switch-in-sn-before-ndst': {
    research: 'M16',
    description: 'Switch-in clears SN before re-programming UINV and NDST (notifications misrouted).',
    expected: ['uipiRouting'],
  },
  'wait-no-recheck': {
    research: 'M18',
    description: 'uintr_wait switches NV to the kernel vector and sleeps without re-checking ON/PIR.',
    expected: ['uipiWaitWakes', 'uipiEventuallyDelivered'],
  },
  'wake-keeps-kernel-nv': {
    research: 'M19',
    description: 'The wake path forgets to restore NV, so later notifications go to the kernel vector.',
    expected: ['uipiRouting'],
  },
  'skyloft-no-repost': {
    research: 'M23',
    description: 'Skyloft’s timer handler forgets to re-post its own PIR bit, so the timer stops.',
    expected: ['uipiTimerRearms'],
    preset: 'skyloft',
  },
};

function mutant(mutation: UipiMutation, e: Entry): UipiMutant {
  return {
    name: mutation,
    research: e.research,
    description: e.description,
    expectedViolations: e.expected,
    ...(e.preset === undefined ? {} : { preset: e.preset }),
    mutation,
    refines: true,
    create: (cfg) => new UipiMachine(cfg, mutation),
  };
}

/** Every UIPI mutant, in catalogue order (research order). */
export const UIPI_MUTANTS: readonly UipiMutant[] = UIPI_MUTATIONS.map((m) => mutant(m, CATALOGUE[m]));

/** The UIPI mutant called `name`, or undefined. */
export function findUipiMutant(name: string): UipiMutant | undefined {
  return UIPI_MUTANTS.find((m) => m.name === name);
}
