/**
 * The worker-thread side of `intcheck explore --workers N`: turns the job (a protocol of the
 * controller family, or one with its own `parallelSpace` such as UIPI's keyed space; its
 * configuration and properties; the model alone) back into the state space the sequential explorer
 * would search, and runs its share of the level-synchronous search.
 *
 * The coordinator sleeps until a worker reports, and cannot see a thread die: so whatever this
 * worker throws, from loading the protocols to the last level, is reported to it as an error (it
 * then stops every worker and fails with that message) rather than left for it to wait on. The
 * protocols are loaded inside that guard, after this module's own imports.
 */
import { workerData } from 'node:worker_threads';
import { Mailbox } from '../../engine/explore/parallel/mailbox.ts';
import type { LevelWorkerData } from '../../engine/explore/parallel/parallelExplore.ts';
import type { ParallelExploreJob } from '../family/exploreProtocol.ts';
import type { ParallelJob } from '../protocol.ts';

const data = workerData as LevelWorkerData<ParallelJob>;
const coordinator = data.coordinator;
const mailbox = new Mailbox(data.signals, data.index);
try {
  const { runLevelWorker } = await import('../../engine/explore/parallel/levelWorker.ts');
  const { job } = data;
  const options = {
    index: data.index,
    workers: data.workers,
    mailbox,
    peers: data.peers,
    coordinator,
    coordinatorSlot: data.workers,
    liveness: job.liveness,
    symmetry: job.symmetry,
    keys: data.keys,
  };
  const own = (await import('../index.ts')).findProtocol(job.protocol)?.parallelSpace;
  // one drain memo for every worker (sharedDrainStore.ts), where the space keeps one
  const { SharedDrainStore } = await import('../../engine/explore/parallel/sharedDrainStore.ts');
  const drains = new SharedDrainStore(data.drains);
  // the controller family's jobs are exploreProtocol's (ParallelExploreJob)
  const space =
    own === undefined
      ? (await import('../family/exploreProtocol.ts')).modelSpace(job as ParallelExploreJob, drains)
      : own(job, drains);
  runLevelWorker(space, options);
} catch (e) {
  mailbox.send(coordinator, data.workers, { error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
}
for (const p of data.peers) p?.close();
coordinator.close();
