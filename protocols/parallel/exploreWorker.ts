/**
 * The worker-thread side of `intcheck explore --workers N`: turns the job (a protocol of the
 * controller family, its configuration and properties; the model alone) back into the state space
 * the sequential explorer would search, and runs one partition of the level-synchronous search.
 */
import { workerData } from 'node:worker_threads';
import { runLevelWorker } from '../../engine/explore/parallel/levelWorker.ts';
import { Mailbox } from '../../engine/explore/parallel/mailbox.ts';
import type { LevelWorkerData } from '../../engine/explore/parallel/parallelExplore.ts';
import { modelSpace, type ParallelExploreJob } from '../family/exploreProtocol.ts';

const data = workerData as LevelWorkerData<ParallelExploreJob>;
const coordinator = data.coordinator;
runLevelWorker(modelSpace(data.job), {
  index: data.index,
  workers: data.workers,
  mailbox: new Mailbox(data.signals, data.index),
  peers: data.peers,
  coordinator,
  coordinatorSlot: data.workers,
  liveness: data.job.liveness,
  symmetry: data.job.symmetry,
});
for (const p of data.peers) p?.close();
coordinator.close();
