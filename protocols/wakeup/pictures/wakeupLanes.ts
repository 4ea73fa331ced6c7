/**
 * The wakeup system's timeline adapter: a lane per hart, per process and per interrupt line. A
 * hart's step goes on its hart and on the process it runs (known from the state before the step);
 * a poll that blocks also marks the line; spawns and STATUS writes go on their process. The queue
 * view is the controller's plus each hart's executor and each live task.
 */

import { type LaneAdapter, laneId, laneRange } from '../../../pictures/timeline/laneAdapter.ts';
import type { QueueRow } from '../../../pictures/timeline/timeline.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { controllerQueues } from '../../controller/pictures/controllerLanes.ts';
import { formatSystemEvent, type SystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import { systemChanges } from '../replay/formatWakeupReplay.ts';

/** The lanes of a system event given the state before it (the first is its main lane). */
export function wakeupEventLanes(e: SystemEvent, before: SystemState): string[] {
  switch (e.type) {
    case 'Irq':
      return [laneId('device', e.line)];
    case 'StatusWrite':
    case 'Spawn':
      return [laneId('process', e.p)];
    case 'HartSwitch':
      return [laneId('hart', e.hart), laneId('process', e.p)];
    case 'HartPark':
    case 'HartFetch':
    case 'HartReturn':
    case 'HartPoll': {
      const lanes = [laneId('hart', e.hart)];
      const p = before.harts[e.hart]?.p ?? -1;
      if (p >= 0) lanes.push(laneId('process', p));
      if (e.type === 'HartPoll' && e.outcome.kind === 'block') lanes.push(laneId('device', e.outcome.device));
      return lanes;
    }
  }
}

/** The queue view of the system: the controller's rows, every hart, every task that is not free. */
function wakeupQueues(cfg: Config, s: SystemState): QueueRow[] {
  const rows = controllerQueues(cfg, s.ctrl);
  s.harts.forEach((h, i) => {
    const items: string[] = [h.phase];
    if (h.p >= 0) items.push(`p${h.p}`);
    if (h.task !== 0n) items.push(`task 0x${h.task.toString(16)}`);
    rows.push({ label: `hart ${i}`, items });
  });
  s.tasks.forEach((t, i) => {
    if (t.life === 'free') return;
    const items: string[] = [t.life, `p${t.p}`, `prio ${t.prio}`];
    if (t.handlerOf >= 0) items.push(`handler of line ${t.handlerOf}`);
    if (t.waitsOn >= 0) items.push(`on line ${t.waitsOn}`);
    rows.push({ label: `task 0x${(i + 1).toString(16)}`, items });
  });
  return rows;
}

/** The wakeup protocol's lanes, queues and changes. */
export const WAKEUP_LANES: LaneAdapter<SystemEvent, SystemState, Config> = {
  lanes: (cfg) => [
    ...laneRange('hart', cfg.harts, (h) => `hart ${h}`),
    ...laneRange('process', cfg.processes, (p) => `process ${p}`),
    ...laneRange('device', cfg.devices, (d) => `line ${d}`),
  ],
  eventLanes: (_cfg, e, before) => wakeupEventLanes(e, before),
  eventLabel: formatSystemEvent,
  queues: wakeupQueues,
  changes: systemChanges,
};
