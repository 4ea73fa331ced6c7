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

const PHASE = new Map(RECEIVER_PHASES.map((p, i) => [p, i]));

/** Appends `s` to `kb`. */
export function keyUipiState(kb: KeyBuilder, s: UipiState): void {
  const { receivers, upids, senders, cpus, inflight } = s;
  for (let r = 0; r < receivers.length; r++) {
    const rc = receivers[r];
    const u = upids[r];
    if (rc === undefined || u === undefined) continue;
    kb.int(PHASE.get(rc.phase) ?? 255)
      .int(rc.cpu + 1)
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
      .int(u.ndst)
      .big(u.pir);
  }
  for (const sd of senders) kb.int(sd.valid).int(sd.held + 1);
  for (const c of cpus) {
    kb.int(c.cur + 1)
      .int((c.processing ? 1 : 0) | (c.other ? 2 : 0))
      .int(c.pending.length);
    for (const v of c.pending) kb.int(v);
  }
  kb.int(inflight.length);
  for (const x of inflight) kb.int(x);
}
