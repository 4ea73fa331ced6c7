/**
 * The ghost data of a UIPI run (research §4.1): `owed[r]`, the vectors sent to receiver r and
 * not delivered since (set by an accepted SENDUIPI through a valid slot, and by a Skyloft timer
 * handler's re-post; cleared by the delivery of that vector); `credit[r·V + v]`, sends of v to r
 * minus its deliveries (coalescing makes it large, a fabricated delivery makes it negative:
 * research §1.10, deliveries(v) ≤ sends(v)); and `undoClui[r]`, whether r's
 * UIF = 0 comes from a CLUI of the storm (set by CLUI, cleared by STUI and UIRET) — the only
 * UIF the fair drain may restore (its rule is protocols/uipi/model/undoClui.ts, which the drain shares).
 * Computed from abstract states and events alone.
 */
import { isSkyloft, type UipiConfig } from '../model/config.ts';
import type { UipiEvent } from '../model/events.ts';
import { bit, has, type UipiState, uittBinding } from '../model/state.ts';

/** The owed masks after an accepted step `before --e--> after`. */
export function nextOwed(
  cfg: UipiConfig,
  owed: readonly bigint[],
  e: UipiEvent,
  before: UipiState,
  after: UipiState,
): readonly bigint[] {
  switch (e.type) {
    case 'Send': {
      const { target, uv } = uittBinding(cfg, e.sender, e.index);
      const out = owed.slice();
      out[target] = (out[target] ?? 0n) | bit(uv);
      return out;
    }
    case 'Deliver': {
      const v = after.receivers[e.receiver]?.hvec ?? -1;
      if (v < 0) return owed;
      const out = owed.slice();
      out[e.receiver] = (out[e.receiver] ?? 0n) & ~bit(v);
      return out;
    }
    case 'HandlerBody': {
      if (!isSkyloft(cfg) || before.receivers[e.receiver]?.hvec !== cfg.timer) return owed;
      if (!has(after.upids[e.receiver]?.pir ?? 0n, cfg.timer)) return owed;
      const out = owed.slice();
      out[e.receiver] = (out[e.receiver] ?? 0n) | bit(cfg.timer);
      return out;
    }
    default:
      return owed;
  }
}

/** The ghost at the start: Skyloft's armed timer bit counts as sent. */
export function initialOwed(cfg: UipiConfig): readonly bigint[] {
  return Array.from({ length: cfg.receivers }, () => (isSkyloft(cfg) ? bit(cfg.timer) : 0n));
}

/** The send-minus-delivery credits after an accepted step (index r·V + v). */
export function nextCredit(
  cfg: UipiConfig,
  credit: readonly number[],
  e: UipiEvent,
  before: UipiState,
  after: UipiState,
): readonly number[] {
  let r = -1;
  let v = -1;
  let d = 0;
  if (e.type === 'Send') {
    ({ target: r, uv: v } = uittBinding(cfg, e.sender, e.index));
    d = 1;
  } else if (e.type === 'Deliver') {
    r = e.receiver;
    v = after.receivers[r]?.hvec ?? -1;
    d = -1;
  } else if (
    e.type === 'HandlerBody' &&
    isSkyloft(cfg) &&
    before.receivers[e.receiver]?.hvec === cfg.timer &&
    !has(before.upids[e.receiver]?.pir ?? 0n, cfg.timer) &&
    has(after.upids[e.receiver]?.pir ?? 0n, cfg.timer)
  ) {
    r = e.receiver;
    v = cfg.timer;
    d = 1;
  }
  if (r < 0 || v < 0) return credit;
  const out = credit.slice();
  const i = r * cfg.vectors + v;
  out[i] = (out[i] ?? 0) + d;
  return out;
}

/** The credits at the start (Skyloft's armed timer bit counts as one send). */
export function initialCredit(cfg: UipiConfig): readonly number[] {
  const out = new Array<number>(cfg.receivers * cfg.vectors).fill(0);
  if (isSkyloft(cfg)) for (let r = 0; r < cfg.receivers; r++) out[r * cfg.vectors + cfg.timer] = 1;
  return out;
}
