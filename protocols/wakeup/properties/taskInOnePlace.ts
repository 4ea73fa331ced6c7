/**
 * taskInOnePlace (spec/controller.md §6 System, §2): a task id is in at most one place among the
 * ready queues, the blocked queues, the harts' current tasks and the in-flight hand-offs (a hart
 * that stopped running a task and still owes its return action, or is wedged holding it). The
 * controller never deduplicates, so keeping one task in one place is the runtime's job.
 */
import type { Config } from '../../controller/model/config/config.ts';
import type { SystemState } from '../model/state.ts';
import type { WakeupStepProperty } from './context.ts';
import { describeEvent, describeTask } from './words.ts';

/** Stamps of the ids seen in the current pass (ids above its length go to `seenBig`). */
let stamps = new Int32Array(0);
/** The largest id `stamps` covers, as a bigint (so that the hot path converts nothing). */
let stampLimit = -1n;
let pass = 0;
const seenBig = new Set<bigint>();

/** Marks `t` seen; true when it was already seen in this pass. */
function seenBefore(t: bigint): boolean {
  if (t <= stampLimit) {
    const i = Number(t);
    if (stamps[i] === pass) return true;
    stamps[i] = pass;
    return false;
  }
  if (seenBig.has(t)) return true;
  seenBig.add(t);
  return false;
}

/** The first task id held in two places, or 0n. */
function firstDuplicate(cfg: Config, s: SystemState): bigint {
  if (stamps.length <= cfg.taskPool) {
    stamps = new Int32Array(cfg.taskPool + 1);
    stampLimit = BigInt(cfg.taskPool);
  }
  pass = pass === 0x7fff_ffff ? 1 : pass + 1;
  if (pass === 1) stamps.fill(0);
  if (seenBig.size > 0) seenBig.clear(); // clearing allocates a fresh table even when empty
  const { ready, irqWait, ipcWait } = s.ctrl;
  for (let i = 0; i < ready.length; i++) {
    const q = ready[i];
    if (q === undefined) continue;
    for (let j = 0; j < q.length; j++) {
      const t = q[j];
      if (t !== undefined && t !== 0n && seenBefore(t)) return t;
    }
  }
  for (let i = 0; i < irqWait.length; i++) {
    const q = irqWait[i];
    if (q === undefined) continue;
    for (let j = 0; j < q.length; j++) {
      const t = q[j]?.task;
      if (t !== undefined && t !== 0n && seenBefore(t)) return t;
    }
  }
  for (let i = 0; i < ipcWait.length; i++) {
    const q = ipcWait[i];
    if (q === undefined) continue;
    for (let j = 0; j < q.length; j++) {
      const t = q[j];
      if (t !== undefined && t !== 0n && seenBefore(t)) return t;
    }
  }
  for (const h of s.harts) if (h.task !== 0n && h.phase !== 'fetch' && seenBefore(h.task)) return h.task;
  return 0n;
}

/** Every place task `t` is in, in words. */
export function placesOf(cfg: Config, s: SystemState, t: bigint): string[] {
  const out: string[] = [];
  const P = cfg.priorities;
  const T = cfg.ipcTypes;
  s.ctrl.ready.forEach((q, i) => {
    for (const x of q) if (x === t) out.push(`ready[${Math.floor(i / P)}][${i % P}]`);
  });
  s.ctrl.irqWait.forEach((q, d) => {
    for (const w of q) if (w.task === t) out.push(`irqWait[${d}]`);
  });
  s.ctrl.ipcWait.forEach((q, i) => {
    for (const x of q) if (x === t) out.push(`ipcWait[${Math.floor(i / T)}][${i % T}]`);
  });
  s.harts.forEach((h, i) => {
    if (h.task !== t) return;
    if (h.phase === 'running') out.push(`hart ${i} (running it)`);
    if (h.phase === 'returning') out.push(`hart ${i} (its return action)`);
    if (h.phase === 'wedged') out.push(`hart ${i} (wedged holding it)`);
  });
  return out;
}

export const taskInOnePlace: WakeupStepProperty = {
  id: 'taskInOnePlace',
  protocol: 'wakeup',
  kind: 'invariant',
  on: 'wakeupStep',
  judgesRejected: false,
  spec: 'controller.md §6 System',
  description:
    'A task id is in at most one place among ready queues, blocked queues, harts and in-flight hand-offs.',
  check(ctx) {
    const { before, after } = ctx;
    // Nothing that holds tasks changed (the model shares untouched tables): the previous step's verdict stands.
    if (
      after.harts === before.harts &&
      after.ctrl.ready === before.ctrl.ready &&
      after.ctrl.irqWait === before.ctrl.irqWait &&
      after.ctrl.ipcWait === before.ctrl.ipcWait
    )
      return null;
    const t = firstDuplicate(ctx.cfg, after);
    if (t === 0n) return null;
    const where = placesOf(ctx.cfg, ctx.after, t);
    return `after ${describeEvent(ctx.event)}, ${describeTask(ctx.after, t)} is in ${where.length} places: ${where.join(', ')}`;
  },
};
