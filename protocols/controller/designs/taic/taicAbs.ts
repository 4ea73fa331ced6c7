/**
 * TAIC's abstraction onto the §3 state, exactly as taic.md *Mapping onto §3* says: process p is
 * the GQ keyed (os = 1, proc = p) and is online while that GQ is allocated; `ready[p][k]` is what
 * the RTL's own bookkeeping puts in LQ k (the DataArray at head_k … head_k + count_k − 1);
 * `irqWait[d]` the non-zero slots for d in GQ order (B = 1); `ipcWait[q][t]` the handlers of GQ(q)'s
 * receive capabilities with irq t, any sender, in slot order; no pending counters; and each
 * process's error register in §5 bits. Everything else is TAIC-only (hiddenState).
 */

import type { Config } from '../../model/config/config.ts';
import { ERR } from '../../model/registers.ts';
import type { ControllerState, Waiter } from '../../model/state.ts';
import type { GlobalQueue } from './globalQueue.ts';
import { GQ_ERR, MASK32 } from './taicMap.ts';

/** What abs() reads of the device. */
export interface TaicView {
  readonly gqs: readonly GlobalQueue[];
  gqOf(p: number): number;
}

/** A GQ's error bits in §5 terms: queue_full → QUEUE_FULL; not_init, no_lq, no_send_perm → BAD_ACCESS; no_recv_perm → PENDING_OVERFLOW. */
export function errorBits(gqError: number): number {
  let bits = 0;
  if ((gqError & GQ_ERR.queueFull) !== 0) bits |= ERR.QUEUE_FULL;
  if ((gqError & (GQ_ERR.notInit | GQ_ERR.noLq | GQ_ERR.noSendPerm)) !== 0) bits |= ERR.BAD_ACCESS;
  if ((gqError & GQ_ERR.noRecvPerm) !== 0) bits |= ERR.PENDING_OVERFLOW;
  return bits;
}

/**
 * LQ k's elements as the bookkeeping names them: positions head_k + j, j < count_k. A position
 * beyond the array is read modulo C, as the RTL's tail is computed (Q:511) (a reading: the
 * dequeue port would return the stale `data` register there).
 */
function lqTasks(gq: GlobalQueue, k: number): bigint[] {
  const head = gq.head[k] ?? 0;
  const n = gq.count[k] ?? 0;
  const out: bigint[] = [];
  for (let j = 0; j < n; j++) out.push(gq.data.mem[(head + j) % gq.cap] ?? 0n);
  return out;
}

export function taicAbs(cfg: Config, d: TaicView): ControllerState {
  const { processes: n, priorities: P, ipcTypes: T, devices: D } = cfg;
  const gOf = Array.from({ length: n }, (_, p) => d.gqOf(p));
  const ready: bigint[][] = [];
  const ipcWait: bigint[][] = [];
  const errorOf: number[] = [];
  for (let p = 0; p < n; p++) {
    const gq = d.gqs[gOf[p] ?? -1];
    for (let k = 0; k < P; k++) ready.push(gq === undefined ? [] : lqTasks(gq, k));
    for (let t = 0; t < T; t++) {
      const hs: bigint[] = [];
      for (const c of gq?.caps.recv ?? []) {
        const used = c.task !== 0n || c.os !== 0n || c.word !== 0n;
        if (used && (c.word & MASK32) === BigInt(t)) hs.push(c.task);
      }
      ipcWait.push(hs);
    }
    errorOf.push(gq === undefined ? 0 : errorBits(gq.error));
  }
  const irqWait: Waiter[][] = [];
  for (let line = 0; line < D; line++) {
    const ws: Waiter[] = [];
    for (let g = 0; g < d.gqs.length; g++) {
      const p = gOf.indexOf(g);
      const task = d.gqs[g]?.extSlots[line] ?? 0n;
      if (p >= 0 && task !== 0n) ws.push({ p, task });
    }
    irqWait.push(ws);
  }
  return {
    ready,
    irqWait,
    irqPending: new Array<number>(D).fill(0),
    ipcWait,
    ipcPending: new Array<number>(n * T).fill(0),
    online: gOf.map((g) => g >= 0),
    error: errorOf.reduce((a, b) => a | b, 0),
    errorOf,
  };
}
