/**
 * The drains of spec/uipi.md `uipiEventuallyDelivered` (UL1), named by `cfg.drain`: after the
 * storm, no new sends (no Send, Register, Revoke), no CLUI, no switch-out and no uintr_wait;
 * every in-flight notification arrives and is processed, every runnable receiver is put on a
 * free CPU and taken through its switch-in (and, where the kernel exit is a step of its own, its
 * exit) to user level, every receiver in the kernel leaves it, every handler runs to its UIRET,
 * and STUI is issued only to undo a CLUI of the storm (so a UIRET that forgets UIF stays caught).
 * In the Skyloft scenario time passes (TimerTick) until the timer handler has run to UIRET at
 * least once in the drain. The two drains differ in one assumption about receivers at user level:
 * - `fair`: each receiver at user level also enters the kernel once (a syscall, an interrupt)
 *   and so leaves it through the exit to user mode (weak fairness of kernel entry: on Linux a
 *   running thread is interrupted by the tick, or makes a syscall, sooner or later);
 * - `no-kernel-entry`: a receiver at user level never enters the kernel (a thread that computes
 *   or polls at user level with no syscall and no interrupt on its CPU); threads already in the
 *   kernel still leave it. Nothing in this drain is a kernel exit a user-level receiver did not
 *   already owe, so a delivery that waits for one (linux-rfc-v1's stale ON) is not masked.
 *
 * Policy (decisions where the spec is silent): each step takes the first enabled event of the
 * highest class — SendIpi, IpiArrive, NotifyDrain, Accept, the kernel path steps (switch-out
 * save, switch-in, the exit from the kernel, uintr_wait's re-check, enlist and sleep, the wake's
 * NV restore), SwitchInRestore onto the lowest free CPU, HandlerBody and UIRET, Deliver, STUI
 * (undoing a storm CLUI), then (`fair` only) one KernelEntry per receiver per drain, TimerTick.
 * Without new sends every class but the timer's is finite, so each enabled step is eventually
 * taken. The drain ends when no step but a tick is enabled (quiescence; in Skyloft also after one
 * served tick with nothing but the timer left posted) or after `cfg.drainBound` steps. It runs on
 * any {@link UipiDrainSubject}: the model or an instruction-level machine, drained identically.
 */
import { isSkyloft, type UipiConfig } from './config.ts';
import type { UipiEvent, UipiEventType } from './events.ts';
import type { UipiState } from './state.ts';
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
   * state (so also where it then ends, quiescent or at its bound), and the steps taken. Returning
   * true stops the drain there, reported as not reaching quiescence; a checker that knows the
   * continuation from this position (the explorer's memo of earlier drains) uses it to skip the rest.
   */
  at?(policy: UipiDrainPolicy, steps: number): boolean;
}

/** The drain policy's own state: all it reads besides the subject's state and enabled events. */
export interface UipiDrainPolicy {
  /** Per receiver: its UIF = 0 comes from a CLUI of the storm, so the drain may STUI once. */
  readonly undo: readonly boolean[];
  /** Skyloft: a timer handler ran to UIRET during the drain. */
  readonly timerServed: boolean;
  /** Per receiver: the `fair` drain has taken its one kernel entry. */
  readonly entered: readonly boolean[];
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
  WaitEnlist: 4,
  WaitSleep: 4,
  WakeRestoreNv: 4,
  SwitchInRestore: 5,
  HandlerBody: 6,
  Uiret: 6,
  Deliver: 7,
  Stui: 8,
  KernelEntry: 9,
  TimerTick: 10,
};
const TICK = 10;

/** The drain's choice in `s`: the first enabled event of the best class, or null. */
function choose(
  cfg: UipiConfig,
  s: UipiState,
  enabled: readonly UipiEvent[],
  policy: UipiDrainPolicy,
): UipiEvent | null {
  let best: UipiEvent | null = null;
  let bestClass = Number.POSITIVE_INFINITY;
  for (const e of enabled) {
    const k = CLASS[e.type];
    if (k === undefined || k >= bestClass) continue;
    if (e.type === 'Stui' && policy.undo[e.receiver] !== true) continue;
    if (e.type === 'KernelEntry' && (cfg.drain !== 'fair' || policy.entered[e.receiver] === true)) continue;
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

/** The policy at the start of a drain: `undoClui[r]` as the storm left it, nothing else done yet. */
function drainStart(cfg: UipiConfig, undoClui: readonly boolean[]): UipiDrainPolicy {
  return { undo: undoClui, timerServed: false, entered: new Array<boolean>(cfg.receivers).fill(false) };
}

/** The policy after the drain applied `e` in `s`. */
function advance(cfg: UipiConfig, p: UipiDrainPolicy, s: UipiState, e: UipiEvent): UipiDrainPolicy {
  const undo = nextUndoClui(p.undo, e); // a UIRET ends the storm's CLUI as STUI does (undoClui.ts)
  const served = isSkyloft(cfg) && e.type === 'Uiret' && s.receivers[e.receiver]?.hvec === cfg.timer;
  const entered = e.type === 'KernelEntry' ? p.entered.map((x, r) => x || r === e.receiver) : p.entered;
  if (undo === p.undo && !served && entered === p.entered) return p;
  return { undo, timerServed: p.timerServed || served, entered };
}

/**
 * Drains `subject` with `cfg.drain`. `undoClui[r]`: receiver r's UIF is 0 because of a CLUI of
 * the storm (not since undone by STUI or UIRET), so the drain may issue one STUI for it.
 */
export function drainUipi(
  cfg: UipiConfig,
  subject: UipiDrainSubject,
  undoClui: readonly boolean[],
): UipiDrainOutcome {
  let policy = drainStart(cfg, undoClui);
  const events: UipiEvent[] = [];
  const sky = isSkyloft(cfg);
  const end = (reachedQuiescence: boolean): UipiDrainOutcome => ({
    steps: events.length,
    events,
    reachedQuiescence,
    timerServed: policy.timerServed,
  });
  for (;;) {
    if (subject.at?.(policy, events.length) === true) return end(false);
    const s = subject.state();
    const e = choose(cfg, s, subject.enabled(), policy);
    const onlyTicks = e === null || CLASS[e.type] === TICK;
    if (onlyTicks && (!sky || (policy.timerServed && settled(cfg, s)))) return end(true);
    if (e === null || events.length >= cfg.drainBound) return end(false);
    if (!subject.apply(e)) return end(false);
    events.push(e);
    policy = advance(cfg, policy, s, e);
  }
}
