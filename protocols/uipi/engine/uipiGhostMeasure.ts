/**
 * The UIPI ghost's place in the explorer: the owed masks and the send-minus-delivery credits are
 * not part of a state's key but its covering measure (StateSpace.measure, coverSet.ts); the
 * undo-CLUI flags stay in the key. Why this is exact, with no bound of its own:
 *
 * Neither is a function of the abstract state, so neither can simply be dropped. `owed[r]` bit v
 * says "v was sent to r since its last delivery": after Send, the processing that moves PIR into
 * UIRR, a second Send and a Deliver, v is in PIR with owed clear (and rightly delivered a second
 * time: the credit is 1); after a single Send it is in PIR with owed set. Credits grow with every
 * coalesced send, without bound. But both are ghost: computed from (before, event, after) and
 * read only by verdicts. The covering contract holds, property by property:
 * (1) nothing else reads them: the model's `step` and `enabled`, the machine, the successor's key
 *     and the drain's choice (which reads only the undo flags, kept in the key, and its own
 *     policy state, which starts afresh at every drain) never do;
 * (2) their updates are monotone for two nodes with the same key: a step takes the same event
 *     between the same abstract states in both, so `nextOwed` sets or clears the same bits (a
 *     superset stays a superset) and `nextCredit` adds the same ±1 (≤ stays ≤);
 * (3) every violation is upward-closed in "more owed, less credit": uipiNoLoss fails when an owed
 *     bit is in neither PIR nor UIRR, uipiEventuallyDelivered and uipiWaitWakes when an owed bit
 *     is left after the drain (a superset has it too); uipiNoFabrication fails when a Deliver of v
 *     finds credit ≤ 0 (a lower credit is ≤ 0 too); no other property reads the ghost.
 * So the measure is, per receiver r and vector v, 0 when v is owed to r (1 when not), then the
 * credit: a node with a componentwise ≤ measure violates whatever this one does, as early. This
 * replaces the former cap on credits (a merge of credits above 3, which was a bound of the
 * exploration); the explored nodes keep their exact ghost, which every verdict is judged on.
 *
 * The model alone needs no credit in its measure at all. Its slack, credit minus the copies of
 * v pending for r ([v in PIR] + [v in UIRR]), never falls: a Send adds 1 to the credit and at most
 * 1 copy, processing moves PIR into UIRR (coalescing can only drop a copy), a Deliver removes the
 * UIRR copy with the credit, and Skyloft's re-post adds a copy with a credit. Slack starts at 0,
 * so a Deliver (which takes a UIRR copy) always finds credit ≥ 1, whatever the credits of the
 * merged nodes were: uipiNoFabrication cannot fail, and no other verdict reads a credit. That
 * argument is about model/uipi's actions, so it is checked rather than trusted: whether a step
 * lowers the slack depends only on its states and event (what the key holds), every reachable key
 * is explored (no enabled set reads the measure), so {@link slackFalls} on every explored
 * transition covers every reachable one, and the explorer stops with an error if it ever fires.
 * A product keeps the credits: an implementation may well fabricate deliveries.
 */

import type { KeyBuilder } from '../../../engine/explore/keyBuilder.ts';
import type { UipiConfig } from '../model/config.ts';
import type { UipiState } from '../model/state.ts';

/** The ghost part of a UIPI node (uipiSpace's UipiNode). */
interface UipiGhost {
  readonly owed: readonly bigint[];
  readonly credit: readonly number[];
}

/** The covering measure of `n`: per (r, v) owed ? 0 : 1, then (`credits`) the credits at r·V + v. */
export function uipiGhostMeasure(cfg: UipiConfig, n: UipiGhost, credits: boolean): number[] {
  const out: number[] = [];
  for (let r = 0; r < cfg.receivers; r++) {
    const o = n.owed[r] ?? 0n;
    for (let v = 0; v < cfg.vectors; v++) out.push(((o >> BigInt(v)) & 1n) === 1n ? 0 : 1);
  }
  if (credits) for (const c of n.credit) out.push(c);
  return out;
}

/** Copies of v pending for r in `s`: in PIR, in UIRR. */
function pending(s: UipiState, r: number, v: number): number {
  const m = 1n << BigInt(v);
  return ((s.upids[r]?.pir ?? 0n) & m ? 1 : 0) + ((s.receivers[r]?.uirr ?? 0n) & m ? 1 : 0);
}

/** The (r, v) whose slack (credit minus pending copies) the step `before → after` lowers, or null. */
export function slackFalls(
  cfg: UipiConfig,
  before: UipiState,
  after: UipiState,
  creditBefore: readonly number[],
  creditAfter: readonly number[],
): { readonly r: number; readonly v: number } | null {
  for (let r = 0; r < cfg.receivers; r++) {
    const same =
      before.upids[r]?.pir === after.upids[r]?.pir && before.receivers[r]?.uirr === after.receivers[r]?.uirr;
    for (let v = 0; v < cfg.vectors; v++) {
      const i = r * cfg.vectors + v;
      const dc = (creditAfter[i] ?? 0) - (creditBefore[i] ?? 0);
      if (same && dc >= 0) continue;
      if (dc - (pending(after, r, v) - pending(before, r, v)) < 0) return { r, v };
    }
  }
  return null;
}

/** Appends the ghost (owed masks, and with `credits` the credits) to a key (the drain memo's positions). */
export function keyUipiGhost(kb: KeyBuilder, n: UipiGhost, credits: boolean): void {
  for (const o of n.owed) kb.big(o);
  if (credits) for (const c of n.credit) kb.int(c);
}
