/**
 * The findings table of the published designs (spec/controller.md §7, issue #17): every
 * violation the suite finds in ats-intc-qemu and ats-intc-chisel, the upstream line it rests on
 * (paths in the upstream repositories, as copied under the shared `upstream/` folder), the
 * property that reports it, and its saved counterexample. Plain data; docs are generated from it.
 *
 * A finding has a trace under traces/saved when a storm found it with its property selected,
 * shrunk, and its replay with every property fails first with that property (what
 * test/traces/saved.test.ts requires). Otherwise `trace` is null and `unsaved` says why and how
 * the finding is reproduced instead.
 */

/** The published designs the table covers (their registry names). */
export type PublishedDesign = 'ats-intc-qemu' | 'ats-intc-chisel';

interface FindingBase {
  readonly design: PublishedDesign;
  /** `file:line` or `file:first-last` in the design's upstream repository. */
  readonly upstream: string;
  /** One sentence, in domain words. */
  readonly bug: string;
  /** The id of the property that reports it. */
  readonly property: string;
}

/** A finding with a saved counterexample. */
export interface SavedFinding extends FindingBase {
  /** The trace, from the repository root: `traces/saved/<protocol>--<design>--<property>[--suffix].itf.json`. */
  readonly trace: string;
}

/** A finding without one: why, and what reproduces it instead (a check command, a test). */
export interface UnsavedFinding extends FindingBase {
  readonly trace: null;
  readonly unsaved: string;
}

export type Finding = SavedFinding | UnsavedFinding;

const QEMU_C = 'hw/ats/riscv_lite_executor.c';
const QEMU_UTIL = 'hw/ats/util.c';
const CHISEL_TOP = 'src/main/scala/atsintc/ATSINTC.scala';
const CHISEL_UTILS = 'src/main/scala/atsintc/Utils.scala';

export const FINDINGS: readonly Finding[] = [
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:203-212`,
    bug: "An interrupt that finds group 0's waiter queue for its line empty is dropped: the device keeps no pending count.",
    property: 'noLostWakeup',
    trace: 'traces/saved/controller--ats-intc-qemu--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:203-212`,
    bug: 'In the running system, an interrupt that arrives while its handler runs, before the handler re-registers, is dropped, and the handler then waits for good.',
    property: 'noLostWakeup',
    trace: 'traces/saved/wakeup--ats-intc-qemu--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:195-215`,
    bug: 'The interrupt handler ignores the level and QEMU calls it on the raise and on the lower of a pulse, so one interrupt pops and wakes two waiters.',
    property: 'noSpuriousWakeup',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-qemu --preset small --property noSpuriousWakeup` (seed 42, shrunk to two IRQ_REGISTERs and one interrupt), but its replay with every property fails first with noLostWakeup at the same step (one event took two waiters), and a noLostWakeup check always shrinks to the shorter interrupt with nobody waiting. Pinned in test/protocols/controller/designs/atsIntcQemu.test.ts.',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_UTIL}:105-109`,
    bug: 'A write at offset 0x980–0xFF8 of a page, ERROR (0xF00) and STATUS (0xF08) included, is IRQ_REGISTER of line 16..223 and links an entry past the 16-entry waiter array.',
    property: 'definedBehaviour',
    trace: 'traces/saved/controller--ats-intc-qemu--definedBehaviour.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:142`,
    bug: 'ENQUEUE_k with k ≥ 8 (offsets 0x048–0x7F8) fails assert(enqueue_index < MAX_TASK_QUEUE) and stops QEMU.',
    property: 'neverStalls',
    trace: 'traces/saved/controller--ats-intc-qemu--neverStalls.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:51`,
    bug: 'Any access to a page ≥ 16 of the 16 MiB window fails assert(process_index < MAX_PROCESS) (read :51, write :122) and stops QEMU.',
    property: 'neverStalls',
    trace: 'traces/saved/controller--ats-intc-qemu--neverStalls--page16.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:203`,
    bug: "Interrupts pop only group 0's waiter queue, so a waiter registered from pages 1–3 is passed over by every later waiter of process 0 and never woken.",
    property: 'fifoWaiters',
    trace: 'traces/saved/controller--ats-intc-qemu--fifoWaiters.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:203`,
    bug: "In the running system, a task of process 1 blocked behind process 0's handler is passed over when the handler, woken, registers again ahead of it.",
    property: 'fifoWaiters',
    trace: 'traces/saved/wakeup--ats-intc-qemu--fifoWaiters.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:203`,
    bug: 'A waiter registered from pages 1–3 is still waiting at quiescence after an interrupt on its line that woke nobody.',
    property: 'noLostWakeupEventually',
    trace: null,
    unsaved:
      'noLostWakeupEventually sees it only together with an interrupt that woke nobody, and every such storm shrinks to the shorter handler-window loss (two interrupts, saved as wakeup--ats-intc-qemu--noLostWakeup); storms find the bug itself as fifoWaiters. Pinned by the hand-written run in test/protocols/wakeup/published.test.ts.',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:134-137`,
    bug: 'The device has no ERROR register (0xF00 falls in the waiter area): a wrong access, such as a write to DEQUEUE, which is only logged, and every refusal the reference reports set nothing.',
    property: 'errorReporting',
    trace: 'traces/saved/controller--ats-intc-qemu--errorReporting.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:147`,
    bug: 'ENQUEUE stores id 0 like any value, and DEQUEUE pops it and returns 0, the value that means empty, with tasks behind it (util.c:77-93).',
    property: 'emptyMeansEmpty',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-qemu --preset small --property emptyMeansEmpty` (seed 42), but its replay with every property fails first with taskConservation at the write of 0, a wrong access the design accepts. Pinned in test/protocols/controller/designs/atsIntcQemu.test.ts.',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:159-164`,
    bug: 'IPC_REGISTER (like IPC_SEND) is only logged: the device has no IPC, so a registered handler is held nowhere and nothing reports it.',
    property: 'taskConservation',
    trace: 'traces/saved/controller--ats-intc-qemu--taskConservation.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:152-165`,
    bug: 'Under the syscall system the dispatchers registered at boot are held nowhere, so no system call is ever served.',
    property: 'taskConservation',
    trace: 'traces/saved/syscall--ats-intc-qemu--taskConservation.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    upstream: `${QEMU_C}:152-158`,
    bug: 'A system call’s IPC_SEND is only logged: it wakes no dispatcher and counts nothing, so the request stays SUBMITTED for good (everyRequestAnswered fails at quiescence likewise).',
    property: 'noLostIpcWakeup',
    trace: null,
    unsaved:
      'Found by `check --protocol syscall --impl ats-intc-qemu --preset small --property noLostIpcWakeup` (seed 42, one Call); its replay with every property fails first with taskConservation, the registrations at boot held nowhere (saved as syscall--ats-intc-qemu--taskConservation). offlineRetention holds, vacuously: pages 0–3 are online from realize, so no send is ever to an offline process.',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:104-109`,
    bug: 'An interrupt with nobody waiting is lost: the gateway is closed and the RTL keeps no pending count.',
    property: 'noLostWakeup',
    trace: 'traces/saved/controller--ats-intc-chisel--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:104`,
    bug: 'In the running system, an interrupt that arrives while its handler runs, before the handler re-registers, is lost, and the handler then waits for good.',
    property: 'noLostWakeup',
    trace: 'traces/saved/wakeup--ats-intc-chisel--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:100-104`,
    bug: 'A wake closes the gateway until the next registration, so an interrupt is lost while waiters are still queued behind it.',
    property: 'noLostWakeup',
    trace: null,
    unsaved:
      'Every storm that shows it also shows the shorter interrupt with nobody waiting (drop the registrations), which shrinking reaches first. Pinned in test/protocols/controller/designs/atsIntcChisel.test.ts and test/protocols/wakeup/published.test.ts.',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:67-70`,
    bug: 'A write to the full array is acknowledged and dropped: the enqueue port is ready whatever the fill level (the array refuses it, :22, :33), and nothing reports it.',
    property: 'taskConservation',
    trace: 'traces/saved/controller--ats-intc-chisel--taskConservation--full-array.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:137-143`,
    bug: 'A wake into the full array drops the waiter: the blocked queue hands it over as a ValidIO, without back-pressure (:93, :109).',
    property: 'taskConservation',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-chisel --preset small --property taskConservation --seed 19`; its replay with every property fails first with capacityBound at the registration that takes the process past C (the RTL counts only the array against C), which any wake into a full array needs. Pinned in test/protocols/controller/designs/atsIntcChisel.test.ts.',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:27-29`,
    bug: 'mem[C−1] is never cleared and a DEQUEUE returns mem[0] whatever length is (:44), so once the array has been full an empty DEQUEUE returns a stale duplicate.',
    property: 'taskConservation',
    trace: 'traces/saved/controller--ats-intc-chisel--taskConservation--stale-duplicate.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:27-29`,
    bug: 'The stale duplicate is returned on page 0 although no instance of it is outstanding.',
    property: 'processIsolation',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-chisel --preset small --property processIsolation` (seed 42); taskConservation fires first on the same DEQUEUE (it comes first in the registry, and emptyMeansEmpty cannot fire: the value is not 0), so the trace is saved as taskConservation--stale-duplicate.',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:35-38`,
    bug: 'A non-tail insert that takes the array from C−1 to C loses the entry at C−2 (the shift loop stops there) and shows the old mem[C−1] in its place.',
    property: 'fifoWithinPriority',
    trace: 'traces/saved/controller--ats-intc-chisel--fifoWithinPriority--nontail-insert.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:75`,
    bug: 'index_blocks has log2Up(C) bits and wraps when it reaches a power-of-two C, and position + 1 wraps with it (:36): with C = 4, a b c then d gives mem [a, a, b, d] and every block empty.',
    property: 'fifoWithinPriority',
    trace: 'traces/saved/controller--ats-intc-chisel--fifoWithinPriority--index-wrap.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_TOP}:97`,
    bug: 'The register map has no ERROR register: a wrong access, such as a read of a write-only ENQUEUE register, which returns 0, and every refusal or loss set nothing.',
    property: 'errorReporting',
    trace: 'traces/saved/controller--ats-intc-chisel--errorReporting.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:98`,
    bug: 'A registration into a full waiter queue waits for its ready for good: only a wake frees a slot, and the only interrupt source is a register behind it on the same bus (ATSINTC.scala:59, :89).',
    property: 'neverStalls',
    trace: 'traces/saved/controller--ats-intc-chisel--neverStalls.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:40`,
    bug: 'The array takes id 0 like any value, and DEQUEUE returns it as 0, the value that means empty, with tasks behind it.',
    property: 'emptyMeansEmpty',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-chisel --preset small --property emptyMeansEmpty` (seed 42), but its replay with every property fails first with taskConservation at the write of 0, a wrong access the design accepts. Pinned in test/protocols/controller/designs/atsIntcChisel.test.ts.',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:27-29`,
    bug: "A stale duplicate of a handler is dequeued while the handler's re-registration is still owed on another hart, so the runtime runs one task on two harts.",
    property: 'taskInOnePlace',
    trace: null,
    unsaved:
      'Found by `check --protocol wakeup --impl ats-intc-chisel --preset small --property taskInOnePlace` (seed 42); its replay with every property fails first with the controller’s taskConservation at the stale DEQUEUE (saved as controller taskConservation--stale-duplicate).',
  },
  {
    design: 'ats-intc-chisel',
    upstream: `${CHISEL_UTILS}:98`,
    bug: 'Stale duplicates make the runtime run a handler on two harts; each run re-registers it, the waiter queue fills, and the next registration holds the bus with every hart wedged.',
    property: 'noStuckSystem',
    trace: null,
    unsaved:
      'Found by `check --protocol wakeup --impl ats-intc-chisel --preset small --property noStuckSystem` (seed 42); its replay with every property fails first with the controller’s taskConservation at the first stale DEQUEUE.',
  },
];

/** The properties that report a finding in `design`, in table order, each once (its `expectedViolations`). */
export function findingProperties(design: PublishedDesign): string[] {
  return [...new Set(FINDINGS.filter((f) => f.design === design).map((f) => f.property))];
}
