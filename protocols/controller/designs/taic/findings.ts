/**
 * What storms find in TAIC (spec/taic.md *Must find*), as plain data in the shape of the
 * published designs' table (../findings.ts): the upstream line that causes it (a path under
 * `taic/src/main/scala/` of taic-rocket-chip@8ede103), the bug in one sentence, the property that
 * reports it, and its saved counterexample. A finding has a trace under traces/saved when a storm
 * found it with its property selected, shrunk, and the replay with every property fails with that
 * property at the failing step (test/traces/saved.test.ts); otherwise `trace` is null and
 * `unsaved` says why and where it is pinned instead. test/protocols/controller/designs/taic.test.ts
 * runs every must-find scenario with every property judged and says which reports it first.
 */

interface TaicFindingBase {
  readonly design: 'taic';
  /** `file:line`, `file:first-last` or a comma list of lines, under taic/src/main/scala/. */
  readonly upstream: string;
  /** One sentence, in domain words. */
  readonly bug: string;
  /** The id of the property that reports it. */
  readonly property: string;
}

/** A finding with a saved counterexample: `traces/saved/<protocol>--taic--<property>[--suffix].itf.json`. */
interface TaicSavedFinding extends TaicFindingBase {
  readonly trace: string;
}

/** A finding without one: why, and what reproduces it instead. */
interface TaicUnsavedFinding extends TaicFindingBase {
  readonly trace: null;
  readonly unsaved: string;
}

export type TaicFinding = TaicSavedFinding | TaicUnsavedFinding;

export const TAIC_FINDINGS: readonly TaicFinding[] = [
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:337-343',
    bug: "An interrupt with no handler in any global queue's slot is consumed: no wake, no pending count, no error bit.",
    property: 'noLostWakeup',
    trace: 'traces/saved/controller--taic--noLostWakeup.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/ExtIntrSlots.scala:25',
    bug: 'A woken slot is cleared, so an interrupt that comes before the handler registers again finds no slot and is consumed uncounted.',
    property: 'noLostWakeup',
    trace: 'traces/saved/wakeup--taic--noLostWakeup.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:58',
    bug: 'A second receive capability for the same sender and type is written into the matching slot and the first empty one: the first handler vanishes and the second is held twice, with no error.',
    property: 'taskConservation',
    trace: 'traces/saved/controller--taic--taskConservation.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:186-199',
    bug: 'An enqueue checks only for a full or unallocated global queue, so task id 0, a wrong write the reference refuses with BAD_ACCESS, is stored like any other id.',
    property: 'taskConservation',
    trace: 'traces/saved/controller--taic--taskConservation--zero-id.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:57-58,100-106',
    bug: 'Taking the kernel offline cleans its global queue, whose capability unit then clears every receive capability: the service dispatchers are no longer registered.',
    property: 'taskConservation',
    trace: 'traces/saved/syscall--taic--taskConservation.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:58',
    bug: "A receive capability whose handler has bit 1 (keep) set stays armed when woken; the syscall runtime's dispatcher 0x2 has that bit.",
    property: 'taskConservation',
    trace: 'traces/saved/syscall--taic--taskConservation--keep-bit.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:456-481',
    bug: "A send that finds no receive capability leaves handler_idx outside the slots, so the global queue's stale enq_data (the id last enqueued) is made ready again, with no error bit.",
    property: 'noSpuriousWakeup',
    trace: 'traces/saved/controller--taic--noSpuriousWakeup.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Controller.scala:150',
    bug: 'An alq read with no allocation pending never gets valid, and the concurrency-1 register node hangs.',
    property: 'neverStalls',
    trace: 'traces/saved/controller--taic--neverStalls.itf.json',
  },
  {
    design: 'taic',
    upstream: 'TAIC.scala:116-118',
    bug: 'task_enqueue is a write-only register field: a read of it returns 0, and TAIC has no error bit for a wrong access.',
    property: 'errorReporting',
    trace: 'traces/saved/controller--taic--errorReporting.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:216',
    bug: 'A woken handler with the preempt bit is put at the head of local queue 0, ahead of the tasks enqueued before it.',
    property: 'fifoWithinPriority',
    trace: 'traces/saved/controller--taic--fifoWithinPriority.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:257-276',
    bug: "Freeing a process's last local queue cleans its global queue, which discards the tasks still queued (and its slots and capabilities).",
    property: 'fifoWithinPriority',
    trace: 'traces/saved/controller--taic--fifoWithinPriority--clean.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:507,535-538',
    bug: 'A local queue count is ⌈log2 C⌉ bits wide and its saturation test compares it with C, which it cannot hold at a power-of-two C: a local queue reaching C tasks wraps to empty.',
    property: 'fifoWithinPriority',
    trace: 'traces/saved/controller--taic--fifoWithinPriority--c4.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:282-305',
    bug: 'Each global queue has its own slot per line, so two processes wait for one line where a blocked queue of depth B = 1 holds one waiter.',
    property: 'capacityBound',
    trace: 'traces/saved/controller--taic--capacityBound.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:190-192',
    bug: 'queue_full counts only the ready tasks in the DataArray, so a process holding C ready tasks or fewer plus interrupt slots and receive capabilities is above the §5 capacity without QUEUE_FULL.',
    property: 'capacityBound',
    trace: 'traces/saved/controller--taic--capacityBound--c4.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:282-305',
    bug: "TAIC records no registration order: the waiters of a line are its global queues' slots, so a later registration of a lower-numbered global queue goes ahead.",
    property: 'fifoWaiters',
    trace: 'traces/saved/controller--taic--fifoWaiters.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/ExtIntrSlots.scala:25',
    bug: "A handler whose id has bit 1 (keep) set is woken and stays in its slot, so it is ready and waiting at once; the wakeup runtime's handler 0x2 has that bit.",
    property: 'taskInOnePlace',
    trace: 'traces/saved/wakeup--taic--taskInOnePlace.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:186-199',
    bug: 'Task id 0 is stored like any other id, and a DEQUEUE of it reads as "empty" while tasks are queued behind it.',
    property: 'emptyMeansEmpty',
    trace: null,
    unsaved:
      'Found by `check --protocol controller --impl taic --preset small --property emptyMeansEmpty` (seeds 1–40), always through an ENQUEUE of id 0, which fails taskConservation (and errorReporting, noSpuriousWakeup) in its own step, before the DEQUEUE that fails emptyMeansEmpty. A path with emptyMeansEmpty first exists (a DEQUEUE through a freed local queue 0 whose global queue keeps local queue 1 returns 0 with no_lq, Queue.scala:156-158) but needs raw alq and flq words the storms rarely line up; it is pinned with the id-0 scenario in test/protocols/controller/designs/taic.test.ts.',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:456-481',
    bug: 'A raw send to (0, 0) matches an empty send capability and is forwarded to a free global queue, whose stale enq_data is enqueued there and inherited by the next process that allocates it.',
    property: 'processIsolation',
    trace: null,
    unsaved:
      "Every path found (`--property processIsolation`, seeds 1–10, and taic.md's scenario) first makes an instance appear or vanish in an earlier step, which taskConservation or fifoWithinPriority reports: a DEQUEUE can return another process's instance only after such a step, since a process's queue is its own global queue. Pinned in test/protocols/controller/designs/taic.test.ts.",
  },
  {
    design: 'taic',
    upstream: 'utils/Controller.scala:223-226',
    bug: 'A send to a process with no global queue is dropped with no error bit, and nothing is served when the process comes online again.',
    property: 'offlineRetention',
    trace: null,
    unsaved:
      "In the syscall system the kernel can only go offline by freeing its global queue, which clears the dispatchers' receive capabilities (taskConservation, saved as syscall--taic--taskConservation), and every `--property offlineRetention` check (seeds 1–12) replays first with that earlier step. In the controller the dropped send is a lost wakeup at its own step (noLostWakeup). Pinned in test/protocols/controller/designs/taic.test.ts.",
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:58',
    bug: "A send after the dispatcher's one-shot receive capability was consumed wakes nobody (or re-enqueues the stale enq_data), so the request waits with no dispatcher ready.",
    property: 'noLostIpcWakeup',
    trace: null,
    unsaved:
      "Every `check --protocol syscall --impl taic --property noLostIpcWakeup` (seeds 1–8) replays first with an earlier taskConservation step: the runtime's dispatcher 0x2 has the keep bit, or the kernel's global queue was cleaned. In the controller the second send fails taskConservation or noLostWakeup at its own step. Pinned in test/protocols/controller/designs/taic.test.ts.",
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:58',
    bug: "A request whose send found the dispatcher's capability consumed is never answered: TAIC has no pending count for the re-registration to consume.",
    property: 'everyRequestAnswered',
    trace: null,
    unsaved:
      "Every `check --protocol syscall --impl taic --property everyRequestAnswered` (seeds 1–4) replays first with a taskConservation step of the storm (the keep bit of dispatcher 0x2, or the kernel's clean), before the drain in which everyRequestAnswered is judged.",
  },
];

/** The properties of TAIC's findings, in table order (its expected violations). */
export function taicFindingProperties(): string[] {
  return [...new Set(TAIC_FINDINGS.map((f) => f.property))];
}
