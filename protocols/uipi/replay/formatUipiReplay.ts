/**
 * The replay report of a UIPI trace: each recorded step (storm events, then the drain's),
 * the fields of the UPIDs, receivers, senders, CPUs and wires it changed, and at the failing step
 * the property with its explanation.
 */

import { formatReplayHeader } from '../../../replay/formatReplayHeader.ts';
import { formatSystemVerdict } from '../../../replay/formatSystemVerdict.ts';
import { formatUipiEvent } from '../model/events.ts';
import type { UipiState } from '../model/state.ts';
import type { ParsedUipiTrace } from '../trace/readUipiTrace.ts';
import type { UipiReplay } from './replayUipiTrace.ts';

const INDENT = '        ';

const hex = (v: bigint): string => `0x${v.toString(16)}`;

/** `name: was → now` for every field that differs between `a` and `b`. */
export function uipiChanges(a: UipiState, b: UipiState): [string, string, string][] {
  const out: [string, string, string][] = [];
  const cmp = (name: string, x: string, y: string) => {
    if (x !== y) out.push([name, x, y]);
  };
  b.upids.forEach((u, r) => {
    const w = a.upids[r];
    if (w === undefined || w === u) return;
    cmp(`upid ${r} ON`, String(+w.on), String(+u.on));
    cmp(`upid ${r} SN`, String(+w.sn), String(+u.sn));
    cmp(`upid ${r} NV`, hex(BigInt(w.nv)), hex(BigInt(u.nv)));
    cmp(`upid ${r} NDST`, String(w.ndst), String(u.ndst));
    cmp(`upid ${r} PIR`, hex(w.pir), hex(u.pir));
  });
  b.receivers.forEach((rc, r) => {
    const w = a.receivers[r];
    if (w === undefined || w === rc) return;
    cmp(`receiver ${r}`, `${w.phase}@${w.cpu}`, `${rc.phase}@${rc.cpu}`);
    cmp(`receiver ${r} UIRR`, hex(w.uirr), hex(rc.uirr));
    cmp(`receiver ${r} UIF`, String(+w.uif), String(+rc.uif));
    cmp(`receiver ${r} UINV`, hex(BigInt(w.uinv)), hex(BigInt(rc.uinv)));
    cmp(`receiver ${r} handler`, String(w.hvec), String(rc.hvec));
    cmp(`receiver ${r} waiting`, String(+w.waiting), String(+rc.waiting));
    cmp(`receiver ${r} on wait list`, String(+w.listed), String(+rc.listed));
  });
  b.senders.forEach((sd, s) => {
    const w = a.senders[s];
    if (w === undefined || w === sd) return;
    cmp(`sender ${s} valid`, hex(BigInt(w.valid)), hex(BigInt(sd.valid)));
    cmp(`sender ${s} holds`, String(w.held), String(sd.held));
  });
  b.cpus.forEach((c, i) => {
    const w = a.cpus[i];
    if (w === undefined || w === c) return;
    const what = (x: typeof c) =>
      `cur ${x.cur}${x.other ? ' (a receiver outside the configuration)' : ''}${x.processing ? ' processing' : ''}`;
    cmp(`cpu ${i}`, what(w), what(c));
    cmp(
      `cpu ${i} pending`,
      w.pending.map((v) => hex(BigInt(v))).join(' '),
      c.pending.map((v) => hex(BigInt(v))).join(' '),
    );
  });
  const wires = (s: UipiState) => s.inflight.map((n) => `${hex(BigInt(n & 0xff))}→cpu${n >> 8}`).join(' ');
  cmp('in flight', wires(a), wires(b));
  return out;
}

/** What the trace's drain does (its configuration names it). */
function drainLine(parsed: ParsedUipiTrace): string {
  const common = 'no new sends, receivers scheduled at user level, handlers run to UIRET';
  if (parsed.config.drain === 'fair')
    return `fair drain: ${common}, each receiver at user level enters and leaves the kernel once`;
  return `no-kernel-entry drain: ${common}, no receiver at user level enters the kernel`;
}

export function formatUipiReplay(result: UipiReplay, parsed: ParsedUipiTrace): string {
  const lines = formatReplayHeader(parsed, result.implementation);
  const failAt = result.ok ? -1 : result.violation.step;
  let before = result.initial;
  let drainShown = false;
  for (const r of result.recorded) {
    if (r.phase === 'drain' && !drainShown) {
      lines.push(`  -- ${drainLine(parsed)} --`);
      drainShown = true;
    }
    const failed = r.index === failAt;
    lines.push(
      `${failed ? '✗' : ' '} ${String(r.index).padStart(4)}  ${formatUipiEvent(r.event)}${r.accepted ? '' : ' (rejected)'}`,
    );
    for (const [name, was, now] of uipiChanges(before, r.state))
      lines.push(`${INDENT}${name}: ${was} → ${now}`);
    if (failed && !result.ok)
      lines.push(`${INDENT}property ${result.violation.property} fails: ${result.violation.message}`);
    before = r.state;
  }
  if (!result.ok && !result.recorded.some((r) => r.index === failAt)) {
    lines.push(`${INDENT}property ${result.violation.property} fails: ${result.violation.message}`);
  }
  lines.push(formatSystemVerdict(result));
  return lines.join('\n');
}
