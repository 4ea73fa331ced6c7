/**
 * The fair drain of spec/uipi.md `uipiEventuallyDelivered` (UL1): after the storm, no new sends
 * (no Send, Register, Revoke), no CLUI, no switch-out and no uintr_wait; every in-flight
 * notification arrives and is processed, every runnable receiver is put on a free CPU and taken
 * through its switch-in to user level, every handler runs to its UIRET, and STUI is issued only
 * to undo a CLUI of the storm (so a UIRET that forgets UIF stays caught). In the Skyloft scenario
 * time passes (TimerTick) until the timer handler has run to UIRET at least once in the drain.
 *
 * Policy (decisions where the spec is silent): each step takes the first enabled event of the
 * highest class — SendIpi, IpiArrive, NotifyDrain, Accept, the kernel path steps (switch-out
 * save, switch-in, the exit from the kernel, uintr_wait re-check and sleep, the wake's NV restore), SwitchInRestore onto
 * the lowest free CPU, HandlerBody and UIRET, Deliver, STUI (undoing a storm CLUI), TimerTick.
 * Without new sends every class but the timer's is finite, so each enabled step is eventually
 * taken. The drain ends when no step but a tick is enabled (quiescence; in Skyloft also after one
 * served tick with nothing but the timer left posted) or after `cfg.drainBound` steps. It runs on any {@link UipiDrainSubject}: the model
 * or the instruction-level implementation, so both are drained identically.
 */
import { isSkyloft, type UipiConfig } from './config.ts';
import { enabled } from './enabled.ts';
import type { UipiEvent, UipiEventType } from './events.ts';
import type { UipiState } from './state.ts';
import { step } from './step.ts';
import { nextUndoClui } from './undoClui.ts';

/** A system the drain can step. */
export interface UipiDrainSubject {
  /** Its (abstract) state. */
  state(): UipiState;
  /** The events it enables now. */
  enabled(): readonly UipiEvent[];
  /** Performs `e`; false when rejected (or when the caller stops the drain). */
  apply(e: UipiEvent): boolean;
  /**
   * Optional: told the policy's whole position before each step, before the drain looks at the
   * state (so also where it then ends, quiescent or at its bound): its own undo-CLUI flags,
   * whether a timer handler has been served, and the steps taken. Returning true stops the drain
   * there, reported as not reaching quiescence; a checker that knows the continuation from this
   * position (the explorer's memo of earlier drains) uses it to skip the rest.
   */
  at?(undo: readonly boolean[], timerServed: boolean, steps: number): boolean;
}

export interface UipiDrainOutcome {
  /** Steps applied. */
  readonly steps: number;
  readonly events: readonly UipiEvent[];
  /** The drain ended by quiescence (not by its bound). */
  readonly reachedQuiescence: boolean;
  /** Skyloft: a timer handler ran to UIRET during the drain. */
  readonly timerServed: boolean;
}

/** The class of each drain-eligible event type (lower goes first); absent types are never drained. */
const CLASS: Partial<Record<UipiEventType, number>> = {
  SendIpi: 0,
  IpiArrive: 1,
  NotifyDrain: 2,
  Accept: 3,
  SwitchOutSave: 4,
  SwitchInClearSn: 4,
  SwitchInCheckPir: 4,
  KernelExit: 4,
  WaitRecheck: 4,
  WaitSleep: 4,
  WakeRestoreNv: 4,
  SwitchInRestore: 5,
  HandlerBody: 6,
  Uiret: 6,
  Deliver: 7,
  Stui: 8,
  TimerTick: 9,
};
const TICK = 9;

/** The drain's choice in `s`: the first enabled event of the best class, or null. */
function choose(s: UipiState, enabled: readonly UipiEvent[], undoClui: readonly boolean[]): UipiEvent | null {
  let best: UipiEvent | null = null;
  let bestClass = Number.POSITIVE_INFINITY;
  for (const e of enabled) {
    const k = CLASS[e.type];
    if (k === undefined || k >= bestClass) continue;
    if (e.type === 'Stui' && undoClui[e.receiver] !== true) continue;
    if (e.type === 'SwitchInRestore' && s.cpus.findIndex((c) => c.cur < 0) !== e.cpu) continue;
    best = e;
    bestClass = k;
  }
  return best;
}

/** Skyloft: nothing but the re-armed timer bit is left in any PIR or UIRR (a tick would deliver the rest). */
function settled(cfg: UipiConfig, s: UipiState): boolean {
  const timer = 1n << BigInt(cfg.timer);
  return s.receivers.every((rc, r) => rc.uirr === 0n && ((s.upids[r]?.pir ?? 0n) & ~timer) === 0n);
}

/**
 * Drains `subject`. `undoClui[r]`: receiver r's UIF is 0 because of a CLUI of the storm (not
 * since undone by STUI or UIRET), so the drain may issue one STUI for it.
 */
export function drainUipi(
  cfg: UipiConfig,
  subject: UipiDrainSubject,
  undoClui: readonly boolean[],
): UipiDrainOutcome {
  let undo = undoClui;
  const events: UipiEvent[] = [];
  const sky = isSkyloft(cfg);
  let timerServed = false;
  for (;;) {
    if (subject.at?.(undo, timerServed, events.length) === true)
      return { steps: events.length, events, reachedQuiescence: false, timerServed };
    const s = subject.state();
    const e = choose(s, subject.enabled(), undo);
    const onlyTicks = e === null || CLASS[e.type] === TICK;
    if (onlyTicks && (!sky || (timerServed && settled(cfg, s))))
      return { steps: events.length, events, reachedQuiescence: true, timerServed };
    if (e === null || events.length >= cfg.drainBound) {
      return { steps: events.length, events, reachedQuiescence: false, timerServed };
    }
    const servesTimer = e.type === 'Uiret' && s.receivers[e.receiver]?.hvec === cfg.timer;
    if (!subject.apply(e)) return { steps: events.length, events, reachedQuiescence: false, timerServed };
    events.push(e);
    undo = nextUndoClui(undo, e); // a UIRET ends the storm's CLUI as STUI does (undoClui.ts)
    if (sky && servesTimer) timerServed = true;
  }
}

/** The drain of the model itself from `state` (for an explorer): its outcome and the state it ends in. */
export function drainUipiModel(
  cfg: UipiConfig,
  state: UipiState,
  undoClui: readonly boolean[] = [],
): UipiDrainOutcome & { readonly state: UipiState } {
  let s = state;
  const out = drainUipi(
    cfg,
    {
      state: () => s,
      enabled: () => enabled(cfg, s),
      apply: (e) => {
        const r = step(cfg, s, e);
        if (r.kind === 'accepted') s = r.state;
        return r.kind === 'accepted';
      },
    },
    undoClui,
  );
  return { ...out, state: s };
}
