/**
 * The UIPI protocol's timeline adapter: a lane per CPU, per receiver thread and per sender
 * thread. A send goes on its sender and on the receiver its UITT slot targets; the IPI leaving a
 * sender also on the CPU it is aimed at; a CPU's step (IPI arrival, accept, PIR swap, timer tick)
 * also on the receiver running there; a receiver's step also on its CPU (known from the state
 * before the step). The queue view is, per receiver, its UPID (ON, SN, NV, NDST, PIR) and its
 * thread (phase, UIRR, UIF, UINV, handler); per CPU, its thread and APIC-pending vectors; per
 * sender, the notification it holds; and the IPIs in flight (rows with nothing in them are left out).
 */

import { type LaneAdapter, laneId, laneRange } from '../../../pictures/timeline/laneAdapter.ts';
import type { QueueRow } from '../../../pictures/timeline/timeline.ts';
import type { UipiConfig } from '../model/config.ts';
import { formatUipiEvent, type UipiEvent } from '../model/events.ts';
import { type UipiState, uittBinding } from '../model/state.ts';
import { uipiChanges } from '../replay/formatUipiReplay.ts';

const hex = (v: number): string => `0x${v.toString(16)}`;

/** The vectors of a 64-bit mask as `{0, 2}`. */
function vectorSet(mask: bigint): string {
  const out: number[] = [];
  for (let v = 0; mask >> BigInt(v) > 0n; v++) if (((mask >> BigInt(v)) & 1n) === 1n) out.push(v);
  return `{${out.join(', ')}}`;
}

/** An IPI (cpu·256 + vector) as `0xec→cpu 1`. */
function ipiText(n: number): string {
  return `${hex(n & 0xff)}→cpu ${n >> 8}`;
}

/** The lanes of a UIPI event given the state before it (the first is its main lane). */
export function uipiEventLanes(cfg: UipiConfig, e: UipiEvent, before: UipiState): string[] {
  switch (e.type) {
    case 'Send':
    case 'Register':
    case 'Revoke':
      return [laneId('sender', e.sender), laneId('receiver', uittBinding(cfg, e.sender, e.index).target)];
    case 'SendIpi': {
      const held = before.senders[e.sender]?.held ?? -1;
      return held < 0 ? [laneId('sender', e.sender)] : [laneId('sender', e.sender), laneId('cpu', held >> 8)];
    }
    case 'IpiArrive':
    case 'Accept':
    case 'NotifyDrain':
    case 'TimerTick':
    case 'RunOther': {
      const cur = before.cpus[e.cpu]?.cur ?? -1;
      return cur < 0 ? [laneId('cpu', e.cpu)] : [laneId('cpu', e.cpu), laneId('receiver', cur)];
    }
    case 'SwitchInRestore':
      return [laneId('receiver', e.receiver), laneId('cpu', e.cpu)];
    default: {
      const cpu = before.receivers[e.receiver]?.cpu ?? -1;
      return cpu < 0
        ? [laneId('receiver', e.receiver)]
        : [laneId('receiver', e.receiver), laneId('cpu', cpu)];
    }
  }
}

/** The queue view of a UIPI state: every UPID and receiver, every CPU, senders holding an IPI, the wires. */
function uipiQueues(_cfg: UipiConfig, s: UipiState): QueueRow[] {
  const rows: QueueRow[] = [];
  s.upids.forEach((u, r) => {
    rows.push({
      label: `UPID ${r}`,
      items: [`ON ${+u.on}`, `SN ${+u.sn}`, `NV ${hex(u.nv)}`, `NDST ${u.ndst}`, `PIR ${vectorSet(u.pir)}`],
    });
  });
  s.receivers.forEach((rc, r) => {
    const items = [rc.cpu < 0 ? rc.phase : `${rc.phase} on cpu ${rc.cpu}`, `UIRR ${vectorSet(rc.uirr)}`];
    items.push(`UIF ${+rc.uif}`, `UINV ${hex(rc.uinv)}`);
    if (rc.hvec >= 0) items.push(`in handler of ${rc.hvec}${rc.body ? ' (body done)' : ''}`);
    if (rc.waiting) items.push('waiting');
    if (rc.listed) items.push('on the wait list');
    rows.push({ label: `receiver ${r}`, items });
  });
  s.cpus.forEach((c, i) => {
    const items = [c.cur >= 0 ? `runs receiver ${c.cur}` : c.other ? 'runs another receiver' : 'idle'];
    if (c.processing) items.push('processing');
    rows.push({ label: `cpu ${i} pending`, items: [...items, ...c.pending.map(hex)] });
  });
  s.senders.forEach((sd, i) => {
    if (sd.held >= 0) rows.push({ label: `sender ${i} holds`, items: [ipiText(sd.held)] });
  });
  if (s.inflight.length > 0) rows.push({ label: 'in flight', items: s.inflight.map(ipiText) });
  return rows;
}

/** The UIPI protocol's lanes, queues and changes. */
export const UIPI_LANES: LaneAdapter<UipiEvent, UipiState, UipiConfig> = {
  lanes: (cfg) => [
    ...laneRange('cpu', cfg.cpus, (c) => `cpu ${c}`),
    ...laneRange('receiver', cfg.receivers, (r) => `receiver ${r}`),
    ...laneRange('sender', cfg.senders, (s) => `sender ${s}`),
  ],
  eventLanes: uipiEventLanes,
  eventLabel: formatUipiEvent,
  queues: uipiQueues,
  changes: (_cfg, a, b) => uipiChanges(a, b),
};
