/**
 * The replay report of a wakeup-system trace: each recorded step (storm events, then the drain's
 * steps), the controller cells, harts and tasks it changed, and at the failing step the property
 * with its explanation in domain words.
 */

import { formatReplayHeader } from '../../../replay/formatReplayHeader.ts';
import { formatSystemSteps } from '../../../replay/formatSystemSteps.ts';
import { formatSystemVerdict } from '../../../replay/formatSystemVerdict.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { changedCells } from '../../controller/model/stateCells.ts';
import { formatSystemEvent } from '../model/events.ts';
import type { SystemState } from '../model/state.ts';
import type { ParsedWakeupTrace } from '../trace/readWakeupTrace.ts';
import type { WakeupReplay } from './replayWakeupTrace.ts';

/** What changed from `a` to `b`: controller cells, then harts and tasks, as `name: was → now`. */
export function systemChanges(cfg: Config, a: SystemState, b: SystemState): [string, string, string][] {
  const out = changedCells(cfg, a.ctrl, b.ctrl);
  b.harts.forEach((h, i) => {
    const was = a.harts[i];
    if (was !== h && was !== undefined && (was.phase !== h.phase || was.p !== h.p || was.task !== h.task)) {
      const show = (x: typeof h) =>
        `${x.phase}${x.p >= 0 ? ` p${x.p}` : ''}${x.task !== 0n ? ` task 0x${x.task.toString(16)}` : ''}`;
      out.push([`hart ${i}`, show(was), show(h)]);
    }
  });
  b.tasks.forEach((t, i) => {
    const was = a.tasks[i];
    if (
      was !== t &&
      was !== undefined &&
      (was.life !== t.life || was.p !== t.p || was.waitsOn !== t.waitsOn)
    ) {
      const show = (x: typeof t) => `${x.life}${x.waitsOn >= 0 ? ` on line ${x.waitsOn}` : ''}`;
      out.push([`task 0x${(i + 1).toString(16)}`, show(was), show(t)]);
    }
  });
  return out;
}

export function formatWakeupReplay(result: WakeupReplay, parsed: ParsedWakeupTrace): string {
  const cfg = parsed.config;
  const lines = formatReplayHeader(parsed, result.implementation);
  formatSystemSteps(lines, result.initial, result.recorded, result.ok ? undefined : result.violation, {
    drainLine: '  -- drain: every process online, harts in round-robin, no new events --',
    event: formatSystemEvent,
    changes: (a, b) => systemChanges(cfg, a, b),
  });
  lines.push(formatSystemVerdict(result));
  return lines.join('\n');
}
