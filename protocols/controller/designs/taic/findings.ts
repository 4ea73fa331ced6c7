/**
 * What storms find in TAIC (spec/taic.md *Must find*), as plain data: the upstream line that
 * causes it (a path under `taic/src/main/scala/` of taic-rocket-chip@8ede103), the bug in one
 * sentence, the property that reports it first when every property is judged, and the saved trace
 * that shows it (traces/saved; test/protocols/controller/designs/taicFindings.test.ts keeps the
 * two in step). Must-find scenarios that another property reports first are listed with that
 * property in test/protocols/controller/designs/taic.test.ts.
 */
export interface Finding {
  readonly design: 'taic';
  readonly upstream: string;
  readonly bug: string;
  readonly property: string;
  readonly trace: string;
}

export const TAIC_FINDINGS: readonly Finding[] = [
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:337-343',
    bug: "An interrupt with no handler in any global queue's slot is consumed: no wake, no pending count, no error bit.",
    property: 'noLostWakeup',
    trace: 'traces/saved/controller--taic--noLostWakeup.itf.json',
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
    upstream: 'utils/Queue.scala:456-481',
    bug: "A send that finds no receive capability leaves handler_idx outside the slots, so the global queue's stale enq_data (the id last enqueued) is enqueued again, with no error bit.",
    property: 'taskConservation',
    trace: 'traces/saved/controller--taic--taskConservation--stale-enq-data.itf.json',
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
    upstream: 'utils/Queue.scala:282-305',
    bug: 'Each global queue has its own slot per line, so two processes wait for one line where a blocked queue of depth B = 1 holds one waiter.',
    property: 'capacityBound',
    trace: 'traces/saved/controller--taic--capacityBound.itf.json',
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
    upstream: 'utils/ExtIntrSlots.scala:25',
    bug: "A handler whose id has bit 1 (keep) set is woken and stays in its slot; the wakeup runtime's handler 0x2 has that bit.",
    property: 'taskConservation',
    trace: 'traces/saved/wakeup--taic--taskConservation.itf.json',
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
    upstream: 'utils/Queue.scala:507,535-538',
    bug: 'A local queue count is ⌈log2 C⌉ bits wide and its saturation test compares it with C, which it cannot hold at a power-of-two C: a local queue reaching C tasks wraps to empty.',
    property: 'fifoWithinPriority',
    trace: 'traces/saved/controller--taic--fifoWithinPriority--c4.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:190-192',
    bug: 'queue_full counts only the ready tasks in the DataArray, so a process holding C ready tasks or fewer plus interrupt slots and receive capabilities is above the §5 capacity without QUEUE_FULL.',
    property: 'capacityBound',
    trace: 'traces/saved/controller--taic--capacityBound--c4.itf.json',
  },
];
