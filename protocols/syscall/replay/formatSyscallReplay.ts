/**
 * The replay report of a syscall-system trace: each recorded step (storm events, then the
 * drain's), the controller cells, ring slots and agents it changed, and at the failing step the
 * property and its message.
 */

import { formatReplayHeader } from '../../../replay/formatReplayHeader.ts';
import { formatSystemSteps } from '../../../replay/formatSystemSteps.ts';
import { formatSystemVerdict } from '../../../replay/formatSystemVerdict.ts';
import type { Config } from '../../controller/model/config/config.ts';
import { changedCells } from '../../controller/model/stateCells.ts';
import { formatSyscallEvent } from '../model/events.ts';
import { agentName } from '../model/layout.ts';
import type { Slot, SyscallState } from '../model/state.ts';
import type { ParsedSyscallTrace } from '../trace/readSyscallTrace.ts';
import type { SyscallReplay } from './replaySyscallTrace.ts';

const showSlot = (cfg: Config, s: Slot | undefined): string =>
  s === undefined || s.state === 'FREE'
    ? 'FREE'
    : `${s.state} req ${s.req} of ${agentName(cfg, s.requester)} → p${s.target}${s.state === 'DONE' ? ` = ${s.result}` : ''}`;

/** What changed from `a` to `b`: controller cells, ring indices and slots, agents. */
export function syscallChanges(cfg: Config, a: SyscallState, b: SyscallState): [string, string, string][] {
  const out = changedCells(cfg, a.ctrl, b.ctrl);
  b.rings.forEach((r, p) => {
    const was = a.rings[p];
    if (was === undefined || was === r) return;
    if (was.head !== r.head || was.tail !== r.tail)
      out.push([`ring ${p}`, `head ${was.head} tail ${was.tail}`, `head ${r.head} tail ${r.tail}`]);
    r.slots.forEach((s, i) => {
      const before = showSlot(cfg, was.slots[i]);
      const now = showSlot(cfg, s);
      if (before !== now) out.push([`ring ${p} slot ${i}`, before, now]);
    });
  });
  b.agents.forEach((x, i) => {
    const was = a.agents[i];
    if (was === undefined || was === x) return;
    const show = (y: typeof x) =>
      `${y.phase}${y.slot >= 0 ? ` slot ${y.slot}` : ''}${y.req > 0 ? ` req ${y.req}` : ''}`;
    if (show(was) !== show(x)) out.push([agentName(cfg, i), show(was), show(x)]);
  });
  return out;
}

export function formatSyscallReplay(result: SyscallReplay, parsed: ParsedSyscallTrace): string {
  const cfg = parsed.config;
  const lines = formatReplayHeader(parsed, result.implementation);
  formatSystemSteps(lines, result.initial, result.recorded, result.ok ? undefined : result.violation, {
    drainLine: '  -- drain: every process online, harts and dispatchers in round-robin, no new calls --',
    event: formatSyscallEvent,
    changes: (a, b) => syscallChanges(cfg, a, b),
  });
  lines.push(formatSystemVerdict(result));
  return lines.join('\n');
}
