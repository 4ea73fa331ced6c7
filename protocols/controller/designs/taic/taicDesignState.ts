/**
 * TAIC's own state as a trace shows it beside abs() (taic.md *Mapping onto §3*, "No §3
 * counterpart … shown in traces beside abs()"): the controller's surviving state, and per global
 * queue its key, LQ allocation bitmap and bookkeeping, the DataArray (stale slots included),
 * `enq_data`, `ssip`/`usip`, `hartid`, the raw error bits, the external-interrupt slots of every
 * GQ (allocated or not), the capability tables (senders included), the half-written sequence
 * registers and the send waiting to be forwarded.
 */
import type { DesignValue } from '../device.ts';
import type { CapabilitySlots } from './capabilitySlots.ts';
import type { GlobalQueue } from './globalQueue.ts';

/** What the trace reads of the controller (TaicDevice). */
export interface TaicControllerView {
  readonly ctl: string;
  readonly os: bigint;
  readonly proc: bigint;
  readonly lqIdx: bigint;
  readonly gqFree: readonly boolean[];
  readonly stalled: boolean;
  readonly gqs: readonly GlobalQueue[];
}

const ints = (xs: readonly number[]): DesignValue => xs.map((x) => BigInt(x));

function capabilities(c: CapabilitySlots): DesignValue {
  return {
    unit: { state: c.state, os: c.os, proc: c.proc, task: c.task },
    send: c.send.map((s) => ({ recvOs: s.os, recvWord: s.word })),
    recv: c.recv.map((r) => ({ handler: r.task, sendOs: r.os, sendWord: r.word })),
  };
}

function globalQueue(g: GlobalQueue): DesignValue {
  return {
    os: g.os,
    proc: g.proc,
    lqAllocated: g.lqFree.map((f) => !f),
    head: ints(g.head),
    count: ints(g.count),
    dataArray: { count: BigInt(g.data.count), data: g.data.data, mem: g.data.mem },
    enqData: g.enqData,
    ssip: g.ssip,
    usip: g.usip,
    hartid: g.hartid,
    error: BigInt(g.error),
    extSlots: g.extSlots,
    sequence: g.sint,
    capabilities: capabilities(g.caps),
    pendingSend: { ok: g.sendOk, recvOs: g.recvOs, recvProc: g.recvProc },
  };
}

export function taicDesignState(d: TaicControllerView): DesignValue {
  return {
    controller: {
      state: d.ctl,
      os: d.os,
      proc: d.proc,
      lqIdx: d.lqIdx,
      gqAllocated: d.gqFree.map((f) => !f),
      stalled: d.stalled,
    },
    gqs: d.gqs.map(globalQueue),
  };
}
