/**
 * What the suite finds in ats-intc-chisel (spec/controller.md §7; the findings table,
 * docs/findings.md): each bug with the upstream line it rests on (a path in the ats-intc-chisel
 * repository, as copied under the shared `upstream/` folder), the property that reports it, and
 * its saved counterexample. A finding has a trace under traces/saved when a storm found it with
 * its property selected, shrunk, and its replay with every property fails first with that property
 * (what test/traces/saved.test.ts requires); otherwise `trace` is null and `unsaved` says why and
 * how the finding is reproduced instead.
 */
import type { Finding } from '../../../../model/finding.ts';

const CHISEL_TOP = 'src/main/scala/atsintc/ATSINTC.scala';
const CHISEL_UTILS = 'src/main/scala/atsintc/Utils.scala';

export const ATS_INTC_CHISEL_FINDINGS: readonly Finding[] = [
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:104-109`,
    bug: 'An interrupt with nobody waiting is lost: the gateway is closed and the RTL keeps no pending count.',
    property: 'noLostWakeup',
    shows: /^interrupt on line \d+ found nobody waiting/,
    trace: 'traces/saved/controller--ats-intc-chisel--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'wakeup',
    upstream: `${CHISEL_UTILS}:104`,
    bug: 'In the running system, an interrupt that arrives while its handler runs, before the handler re-registers, is lost, and the handler then waits for good.',
    property: 'noLostWakeup',
    trace: 'traces/saved/wakeup--ats-intc-chisel--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:100-104`,
    bug: 'A wake closes the gateway until the next registration, so an interrupt is lost while waiters are still queued behind it.',
    property: 'noLostWakeup',
    shows: /^interrupt on line \d+ found \d+ waiting and woke none/,
    trace: null,
    unsaved:
      'Unnarrowed, every storm that shows it also shows the shorter interrupt with nobody waiting (drop the registrations), which shrinking reaches first. Narrowed to its message (docs/findings.md), storms shrink it to two registrations and two interrupts, whose replay with every property fails first with noLostWakeup at the second interrupt: a trace that could be saved, but `check` has no option to narrow. Pinned in test/protocols/controller/designs/atsIntcChisel.test.ts and test/protocols/wakeup/published.test.ts.',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:67-70`,
    bug: 'A write to the full array is acknowledged and dropped: the enqueue port is ready whatever the fill level (the array refuses it, :22, :33), and nothing reports it.',
    property: 'taskConservation',
    shows: /^ENQUEUE_\d+ of \S+ on page \d+ was refused/,
    trace: 'traces/saved/controller--ats-intc-chisel--taskConservation--full-array.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:137-143`,
    bug: 'A wake into the full array drops the waiter: the blocked queue hands it over as a ValidIO, without back-pressure (:93, :109).',
    property: 'taskConservation',
    shows: /^interrupt on line \d+ changed the held instances by \{−0x[0-9a-f]+\}/,
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-chisel --preset small --property taskConservation --seed 19`; its replay with every property fails first with capacityBound at the registration that takes the process past C (the RTL counts only the array against C), which any wake into a full array needs. Pinned in test/protocols/controller/designs/atsIntcChisel.test.ts.',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:27-29`,
    bug: 'mem[C−1] is never cleared and a DEQUEUE returns mem[0] whatever length is (:44), so once the array has been full an empty DEQUEUE returns a stale duplicate.',
    property: 'taskConservation',
    shows: /^DEQUEUE on page \d+ returned task \S+ but the held instances changed by \{\}/,
    trace: 'traces/saved/controller--ats-intc-chisel--taskConservation--stale-duplicate.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:27-29`,
    bug: 'The stale duplicate is returned on page 0 although no instance of it is outstanding.',
    property: 'processIsolation',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-chisel --preset small --property processIsolation` (seed 42); taskConservation fires first on the same DEQUEUE (it comes first in the registry, and emptyMeansEmpty cannot fire: the value is not 0), so the trace is saved as taskConservation--stale-duplicate.',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:35-38`,
    bug: 'A non-tail insert that takes the array from C−1 to C loses the entry at C−2 (the shift loop stops there) and shows the old mem[C−1] in its place.',
    property: 'fifoWithinPriority',
    shows: /its head left without a DEQUEUE/,
    trace: 'traces/saved/controller--ats-intc-chisel--fifoWithinPriority--nontail-insert.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:75`,
    bug: 'index_blocks has log2Up(C) bits and wraps when it reaches a power-of-two C, and position + 1 wraps with it (:36): with C = 4, a b c then d gives mem [a, a, b, d] and every block empty.',
    property: 'fifoWithinPriority',
    shows: /entries left its head in one step/,
    run: { config: 'traces/saved/configs/c4.json' },
    trace: 'traces/saved/controller--ats-intc-chisel--fifoWithinPriority--index-wrap.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_TOP}:97`,
    bug: 'The register map has no ERROR register: a wrong access, such as a read of a write-only ENQUEUE register, which returns 0, and every refusal or loss set nothing.',
    property: 'errorReporting',
    trace: 'traces/saved/controller--ats-intc-chisel--errorReporting.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:98`,
    bug: 'A registration into a full waiter queue waits for its ready for good: only a wake frees a slot, and the only interrupt source is a register behind it on the same bus (ATSINTC.scala:59, :89).',
    property: 'neverStalls',
    trace: 'traces/saved/controller--ats-intc-chisel--neverStalls.itf.json',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'controller',
    upstream: `${CHISEL_UTILS}:40`,
    bug: 'The array takes id 0 like any value, and DEQUEUE returns it as 0, the value that means empty, with tasks behind it.',
    property: 'emptyMeansEmpty',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-chisel --preset small --property emptyMeansEmpty` (seed 42), but its replay with every property fails first with taskConservation at the write of 0, a wrong access the design accepts. Pinned in test/protocols/controller/designs/atsIntcChisel.test.ts.',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'wakeup',
    upstream: `${CHISEL_UTILS}:27-29`,
    bug: "A stale duplicate of a handler is dequeued while the handler's re-registration is still owed on another hart, so the runtime runs one task on two harts.",
    property: 'taskInOnePlace',
    trace: null,
    unsaved:
      'Found by `check --protocol wakeup --impl ats-intc-chisel --preset small --property taskInOnePlace` (seed 42); its replay with every property fails first with the controller’s taskConservation at the stale DEQUEUE (saved as controller taskConservation--stale-duplicate).',
  },
  {
    design: 'ats-intc-chisel',
    protocol: 'wakeup',
    upstream: `${CHISEL_UTILS}:98`,
    bug: 'Stale duplicates make the runtime run a handler on two harts; each run re-registers it, the waiter queue fills, and the next registration holds the bus with every hart wedged.',
    property: 'noStuckSystem',
    trace: null,
    unsaved:
      'Found by `check --protocol wakeup --impl ats-intc-chisel --preset small --property noStuckSystem` (seed 42); its replay with every property fails first with the controller’s taskConservation at the first stale DEQUEUE.',
  },
];
