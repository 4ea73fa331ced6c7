/**
 * What storms find in TAIC (spec/taic.md *Must find*), as plain data: the upstream line that
 * causes it, the bug in one sentence, the property that reports it and the saved trace.
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
    bug: 'An interrupt with no slot registered anywhere is consumed: no wake, no count, no error bit.',
    property: 'noLostWakeup',
    trace: 'traces/saved/controller--taic--noLostWakeup.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:58',
    bug: 'A second receive capability for the same sender is written into the matching slot and the first empty slot: the first handler vanishes and the second is held twice, with no error.',
    property: 'taskConservation',
    trace: 'traces/saved/controller--taic--taskConservation.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:120,461-481',
    bug: 'After a send re-enqueues the stale enq_data into LQ 0, a later wake into LQ 0 shifts the DataArray while the LQ heads move by the bookkeeping alone, and priority 1 loses its head without a dequeue.',
    property: 'fifoWithinPriority',
    trace: 'traces/saved/controller--taic--fifoWithinPriority.itf.json',
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
    upstream: 'utils/Queue.scala:190-192',
    bug: 'The queue_full check counts only the DataArray (ready tasks), so a write §5 refuses at occupancy C (ready plus a registered handler) is accepted with no error.',
    property: 'errorReporting',
    trace: 'traces/saved/controller--taic--errorReporting.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:186-199',
    bug: 'Task id 0 is stored like any other, and a dequeue of it reads as "empty" while tasks are queued.',
    property: 'emptyMeansEmpty',
    trace: 'traces/saved/controller--taic--emptyMeansEmpty.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Queue.scala:461-481',
    bug: 'A send that finds no receive capability enqueues the stale enq_data again, so a DEQUEUE returns an instance no process still owns.',
    property: 'processIsolation',
    trace: 'traces/saved/controller--taic--processIsolation.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/ExtIntrSlots.scala:25',
    bug: 'The boot handler of line 1 (id 2) has the keep bit: the interrupt makes it ready while it stays registered, so it is in two places.',
    property: 'taskInOnePlace',
    trace: 'traces/saved/wakeup--taic--taskInOnePlace.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/Controller.scala:223-226',
    bug: 'With the kernel taken offline (its global queue freed), a system call sent to it is dropped with no error bit and is not served when it comes back.',
    property: 'offlineRetention',
    trace: 'traces/saved/syscall--taic--offlineRetention.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:233-239',
    bug: "Taking the kernel offline and online again cleans its global queue, discarding the dispatchers' receive capabilities, so the next system call wakes nobody and is never answered.",
    property: 'everyRequestAnswered',
    trace: 'traces/saved/syscall--taic--everyRequestAnswered.itf.json',
  },
  {
    design: 'taic',
    upstream: 'utils/SoftIntrSlots.scala:233-239',
    bug: 'After the kernel went offline and online, a system call finds no receive capability: no dispatcher is woken and nothing is counted.',
    property: 'noLostIpcWakeup',
    trace: 'traces/saved/syscall--taic--noLostIpcWakeup.itf.json',
  },
];
