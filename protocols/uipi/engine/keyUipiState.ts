/**
 * The explorer's encoding of a UIPI abstract state into a {@link KeyBuilder}: every field of
 * protocols/uipi/model/state.ts as small integers in a fixed order (per receiver its thread and UPID, per
 * sender, per CPU, then the IPIs in flight), lists with their length first, so equal states give
 * equal keys and different states (of one configuration: fixed numbers of receivers, senders and
 * CPUs) different keys. The same content as model/uipi stateKey, without its text formatting
 * (hex digits, separators), which dominated the cost of keying.
 */

import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import { RECEIVER_PHASES, type UipiState } from '../model/state.ts';
import type { UipiRenaming } from './uipiRenaming.ts';

const PHASE = new Map(RECEIVER_PHASES.map((p, i) => [p, i]));

/** `to` inverted: `from[j]` is the index that `to` sends to j. */
function inverse(to: readonly number[]): number[] {
  const from = to.slice();
  to.forEach((j, i) => {
    from[j] = i;
  });
  return from;
}

/** An IPI cpu·256 + vector with its CPU renamed by `cpu` (-1, none, stays). */
function renamedIpi(x: number, cpu: readonly number[]): number {
  return x < 0 ? x : (cpu[x >> 8] ?? x >> 8) * 256 + (x & 0xff);
}

/**
 * Appends `s` to `kb`; with `g`, the key of `s` renamed by `g` (the same as the key of
 * uipiRenaming.ts `renameUipiState(s, g)`, written without building that state).
 */
export function keyUipiState(kb: KeyBuilder, s: UipiState, g?: UipiRenaming): void {
  const { receivers, upids, senders, cpus, inflight } = s;
  const cm = g?.cpu;
  for (let r = 0; r < receivers.length; r++) {
    const rc = receivers[r];
    const u = upids[r];
    if (rc === undefined || u === undefined) continue;
    kb.int(PHASE.get(rc.phase) ?? 255)
      .int((cm === undefined || rc.cpu < 0 ? rc.cpu : (cm[rc.cpu] ?? rc.cpu)) + 1)
      .big(rc.uirr)
      .int(
        (rc.uif ? 1 : 0) |
          (rc.body ? 2 : 0) |
          (u.on ? 4 : 0) |
          (u.sn ? 8 : 0) |
          (rc.waiting ? 16 : 0) |
          (rc.listed ? 32 : 0),
      )
      .int(rc.uinv)
      .int(rc.hvec + 1)
      .int(u.nv)
      .int(cm === undefined ? u.ndst : (cm[u.ndst] ?? u.ndst))
      .big(u.pir);
  }
  const senderAt = g === undefined ? undefined : inverse(g.sender);
  for (let j = 0; j < senders.length; j++) {
    const sd = senders[senderAt?.[j] ?? j];
    if (sd !== undefined) kb.int(sd.valid).int((cm === undefined ? sd.held : renamedIpi(sd.held, cm)) + 1);
  }
  const cpuAt = g === undefined ? undefined : inverse(g.cpu);
  for (let j = 0; j < cpus.length; j++) {
    const c = cpus[cpuAt?.[j] ?? j];
    if (c === undefined) continue;
    kb.int(c.cur + 1)
      .int((c.processing ? 1 : 0) | (c.other ? 2 : 0))
      .int(c.pending.length);
    for (const v of c.pending) kb.int(v);
  }
  kb.int(inflight.length);
  const flying = cm === undefined ? inflight : inflight.map((x) => renamedIpi(x, cm)).sort((a, b) => a - b);
  for (const x of flying) kb.int(x);
}
