/**
 * The controller's timeline adapter: a lane per process page and per interrupt line (and one
 * for accesses outside every page); an event's lanes are the page it accesses, the line it
 * raises or registers on, and the target of an IPC send. The queue view is the §3 state.
 */

import { type LaneAdapter, laneId, laneRange } from '../../../pictures/timeline/laneAdapter.ts';
import type { QueueRow } from '../../../pictures/timeline/timeline.ts';
import type { Config } from '../model/config/config.ts';
import { decodeAddress, toOperation } from '../model/decode.ts';
import type { ControllerEvent } from '../model/events.ts';
import { formatEvent } from '../model/formatEvent.ts';
import { errorBitNames } from '../model/registers.ts';
import type { ControllerState } from '../model/state.ts';
import { changedCells } from '../model/stateCells.ts';

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/** The lane of accesses whose address is on no process page. */
export const BUS_LANE = laneId('bus', 0);

/** The lanes of a controller event (the first is its main lane). */
export function controllerEventLanes(cfg: Config, e: ControllerEvent): string[] {
  const op = toOperation(cfg, e);
  switch (op.type) {
    case 'BadAccess': {
      if (e.type !== 'Read' && e.type !== 'Write') return [BUS_LANE];
      const at = decodeAddress(cfg, e.addr);
      return [at.ok ? laneId('process', at.p) : BUS_LANE];
    }
    case 'Irq':
      return [laneId('device', op.line)];
    case 'IpcSend':
      return op.target === op.p
        ? [laneId('process', op.p)]
        : [laneId('process', op.p), laneId('process', op.target)];
    case 'IrqRegister':
      return [laneId('process', op.p), laneId('device', op.device)];
    case 'Dequeue':
    case 'Enqueue':
    case 'IpcRegister':
    case 'ErrorRead':
    case 'StatusRead':
    case 'StatusWrite':
      return [laneId('process', op.p)];
  }
}

/** The queue view of a controller state: online pages, non-empty queues, pending counts, errors. */
export function controllerQueues(cfg: Config, s: ControllerState): QueueRow[] {
  const rows: QueueRow[] = [];
  const online: string[] = [];
  s.online.forEach((b, p) => {
    if (b) online.push(`p${p}`);
  });
  rows.push({ label: 'online', items: online });
  for (let p = 0; p < cfg.processes; p++) {
    for (let k = 0; k < cfg.priorities; k++) {
      const q = s.ready[p * cfg.priorities + k] ?? [];
      if (q.length > 0) rows.push({ label: `ready p${p} prio ${k}`, items: q.map(hex) });
    }
  }
  s.irqWait.forEach((q, d) => {
    if (q.length > 0)
      rows.push({ label: `line ${d} waiters`, items: q.map((w) => `p${w.p}:${hex(w.task)}`) });
  });
  s.irqPending.forEach((n, d) => {
    if (n > 0) rows.push({ label: `line ${d} pending`, items: [String(n)] });
  });
  for (let p = 0; p < cfg.processes; p++) {
    for (let t = 0; t < cfg.ipcTypes; t++) {
      const q = s.ipcWait[p * cfg.ipcTypes + t] ?? [];
      if (q.length > 0) rows.push({ label: `ipc p${p} type ${t} handlers`, items: q.map(hex) });
      const n = s.ipcPending[p * cfg.ipcTypes + t] ?? 0;
      if (n > 0) rows.push({ label: `ipc p${p} type ${t} pending`, items: [String(n)] });
    }
  }
  if (s.error !== 0) rows.push({ label: 'error', items: [errorBitNames(s.error)] });
  return rows;
}

/** The controller protocol's lanes, queues and changes. */
export const CONTROLLER_LANES: LaneAdapter<ControllerEvent, ControllerState, Config> = {
  lanes: (cfg) => [
    ...laneRange('process', cfg.processes, (p) => `process ${p}`),
    ...laneRange('device', cfg.devices, (d) => `line ${d}`),
    { id: BUS_LANE, group: 'bus', label: 'no page' },
  ],
  eventLanes: (cfg, e) => controllerEventLanes(cfg, e),
  eventLabel: formatEvent,
  queues: controllerQueues,
  changes: changedCells,
};
