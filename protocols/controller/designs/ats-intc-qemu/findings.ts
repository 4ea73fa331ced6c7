/**
 * What the suite finds in ats-intc-qemu (spec/controller.md §7; the findings table,
 * docs/findings.md): each bug with the upstream line it rests on (a path in the ats-intc-qemu
 * repository, as copied under the shared `upstream/` folder), the property that reports it, and
 * its saved counterexample. A finding has a trace under traces/saved when a storm found it with
 * its property selected, shrunk, and its replay with every property fails first with that property
 * (what test/traces/saved.test.ts requires); otherwise `trace` is null and `unsaved` says why and
 * how the finding is reproduced instead.
 */
import type { Finding } from '../../../../model/finding.ts';

const QEMU_C = 'hw/ats/riscv_lite_executor.c';
const QEMU_UTIL = 'hw/ats/util.c';

export const ATS_INTC_QEMU_FINDINGS: readonly Finding[] = [
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:203-212`,
    bug: "An interrupt that finds group 0's waiter queue for its line empty is dropped: the device keeps no pending count.",
    property: 'noLostWakeup',
    trace: 'traces/saved/controller--ats-intc-qemu--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'wakeup',
    upstream: `${QEMU_C}:203-212`,
    bug: 'In the running system, an interrupt that arrives while its handler runs, before the handler re-registers, is dropped, and the handler then waits for good.',
    property: 'noLostWakeup',
    trace: 'traces/saved/wakeup--ats-intc-qemu--noLostWakeup.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:195-215`,
    bug: 'The interrupt handler ignores the level and QEMU calls it on the raise and on the lower of a pulse, so one interrupt pops and wakes two waiters.',
    property: 'noSpuriousWakeup',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-qemu --preset small --property noSpuriousWakeup` (seed 42, shrunk to two IRQ_REGISTERs and one interrupt), but its replay with every property fails first with noLostWakeup at the same step (one event took two waiters), and a noLostWakeup check always shrinks to the shorter interrupt with nobody waiting. Pinned in test/protocols/controller/designs/atsIntcQemu.test.ts.',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_UTIL}:105-109`,
    bug: 'A write at offset 0x980–0xFF8 of a page, ERROR (0xF00) and STATUS (0xF08) included, is IRQ_REGISTER of line 16..223 and links an entry past the 16-entry waiter array.',
    property: 'definedBehaviour',
    trace: 'traces/saved/controller--ats-intc-qemu--definedBehaviour.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:142`,
    bug: 'ENQUEUE_k with k ≥ 8 (offsets 0x048–0x7F8) fails assert(enqueue_index < MAX_TASK_QUEUE) and stops QEMU.',
    property: 'neverStalls',
    shows: /at 0x1000[0-3](0[4-9a-f]|[1-7][0-9a-f])[0-9a-f]: /,
    trace: 'traces/saved/controller--ats-intc-qemu--neverStalls.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:51`,
    bug: 'Any access to a page ≥ 16 of the 16 MiB window fails assert(process_index < MAX_PROCESS) (read :51, write :122) and stops QEMU.',
    property: 'neverStalls',
    shows: /at 0x10(?!00)[0-9a-f]{6}: /,
    trace: 'traces/saved/controller--ats-intc-qemu--neverStalls--page16.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:203`,
    bug: "Interrupts pop only group 0's waiter queue, so a waiter registered from pages 1–3 is passed over by every later waiter of process 0 and never woken.",
    property: 'fifoWaiters',
    trace: 'traces/saved/controller--ats-intc-qemu--fifoWaiters.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'wakeup',
    upstream: `${QEMU_C}:203`,
    bug: "In the running system, a task of process 1 blocked behind process 0's handler is passed over when the handler, woken, registers again ahead of it.",
    property: 'fifoWaiters',
    trace: 'traces/saved/wakeup--ats-intc-qemu--fifoWaiters.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'wakeup',
    upstream: `${QEMU_C}:203`,
    bug: 'A waiter registered from pages 1–3 is still waiting at quiescence after an interrupt on its line that woke nobody.',
    property: 'noLostWakeupEventually',
    shows: /task \S+ \(process [1-9]\d*, priority \d+\) still wait/,
    trace: null,
    unsaved:
      'noLostWakeupEventually sees it only together with an interrupt that woke nobody: unnarrowed, every such storm shrinks to the shorter handler-window loss (two interrupts, saved as wakeup--ats-intc-qemu--noLostWakeup), and storms find the bug itself as fifoWaiters; narrowed to its message (docs/findings.md), storms find it, but its replay with every property fails first with noLostWakeup at the second interrupt, which finds group 0’s queue empty. Pinned by the hand-written run in test/protocols/wakeup/published.test.ts.',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:134-137`,
    bug: 'The device has no ERROR register (0xF00 falls in the waiter area): a wrong access, such as a write to DEQUEUE, which is only logged, and every refusal the reference reports set nothing.',
    property: 'errorReporting',
    trace: 'traces/saved/controller--ats-intc-qemu--errorReporting.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:147`,
    bug: 'ENQUEUE stores id 0 like any value, and DEQUEUE pops it and returns 0, the value that means empty, with tasks behind it (util.c:77-93).',
    property: 'emptyMeansEmpty',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl ats-intc-qemu --preset small --property emptyMeansEmpty` (seed 42), but its replay with every property fails first with taskConservation at the write of 0, a wrong access the design accepts. Pinned in test/protocols/controller/designs/atsIntcQemu.test.ts.',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'controller',
    upstream: `${QEMU_C}:159-164`,
    bug: 'IPC_REGISTER (like IPC_SEND) is only logged: the device has no IPC, so a registered handler is held nowhere and nothing reports it.',
    property: 'taskConservation',
    trace: 'traces/saved/controller--ats-intc-qemu--taskConservation.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'syscall',
    upstream: `${QEMU_C}:152-165`,
    bug: 'Under the syscall system the dispatchers registered at boot are held nowhere, so no system call is ever served.',
    property: 'taskConservation',
    trace: 'traces/saved/syscall--ats-intc-qemu--taskConservation.itf.json',
  },
  {
    design: 'ats-intc-qemu',
    protocol: 'syscall',
    upstream: `${QEMU_C}:152-158`,
    bug: 'A system call’s IPC_SEND is only logged: it wakes no dispatcher and counts nothing, so the request stays SUBMITTED for good (everyRequestAnswered fails at quiescence likewise).',
    property: 'noLostIpcWakeup',
    trace: null,
    unsaved:
      'Found by `check --protocol syscall --impl ats-intc-qemu --preset small --property noLostIpcWakeup` (seed 42, one Call); its replay with every property fails first with taskConservation, the registrations at boot held nowhere (saved as syscall--ats-intc-qemu--taskConservation). offlineRetention holds, vacuously: pages 0–3 are online from realize, so no send is ever to an offline process.',
  },
];
